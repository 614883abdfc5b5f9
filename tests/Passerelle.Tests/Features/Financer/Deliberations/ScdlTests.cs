using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations;

public class ScdlTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Entete = "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL";
    // The standard doc's worked example (fictitious, checksum-valid SIRET).
    const string Exemple = "Métropole Exemple,20099999300013,DPV-23-412,2023-06-29,7.5,finances locales/subventions,\"Fabrique de l'inclusion numérique phase III : attribution de subventions\",2023,Budget principal,PREF013,2023-07-04,240,212,200,4,8,https://deliberations.metropole-exemple.fr/2023/DPV-23-412.pdf";

    static List<ErreurScdl> Ligne(string ligne) => ValidateurScdl.Valider(Entete + "\n" + ligne + "\n");

    [Fact]
    public void Le_validateur_accepte_l_exemple_et_refuse_chaque_regle_enfreinte()
    {
        Ligne(Exemple).ShouldBeEmpty();
        ValidateurScdl.Valider(Entete.Replace("COLL_NOM,COLL_SIRET", "COLL_SIRET,COLL_NOM") + "\n").ShouldHaveSingleItem().Ligne.ShouldBe(1);
        string Change(int colonne, string valeur) { var c = Passerelle.Web.Csv.Lire(new StringReader(Exemple), ',')[0].Champs; c[colonne] = valeur; return string.Join(",", c.Select(x => "\"" + x + "\"")); }
        (string Ligne, string Colonne)[] cas =
        [
            (Change(0, ""), "COLL_NOM"),
            (Change(1, "20099999300014"), "COLL_SIRET"), (Change(1, "2009999930001"), "COLL_SIRET"),
            (Change(3, "29/06/2023"), "DELIB_DATE"),
            (Change(4, "1.9"), "DELIB_MATIERE_CODE"), (Change(4, "7.5.1"), "DELIB_MATIERE_CODE"),
            (Change(5, "finances locales / subventions"), "DELIB_MATIERE_NOM"), (Change(5, "subventions"), "DELIB_MATIERE_NOM"), (Change(5, "sport/subventions"), "DELIB_MATIERE_NOM"),
            (Change(7, "2017/2017"), "BUDGET_ANNEE"), (Change(7, "2017/2012"), "BUDGET_ANNEE"), (Change(7, "23"), "BUDGET_ANNEE"),
            (Change(8, ""), "BUDGET_NOM"),
            (Change(9, "PREF13"), "PREF_ID"),
            (Change(10, "2023-06-28"), "PREF_DATE"),
            (Change(11, "200"), "VOTE_REEL"), (Change(12, ""), "VOTE_EFFECTIF"), (Change(12, "213"), "VOTE_REEL"), (Change(13, "-1"), "VOTE_POUR"),
            (Change(14, "213"), "VOTE_CONTRE"),
            (Change(16, "pas une adresse"), "DELIB_URL"),
        ];
        foreach (var (ligne, colonne) in cas) Ligne(ligne).ShouldContain(e => e.Colonne == colonne && e.Ligne == 2, $"{colonne} : {ligne}");
        // The schema asks for the four results once VOTE_EFFECTIF is filled, not for VOTE_EFFECTIF once the results are known.
        Ligne(Change(11, "")).ShouldBeEmpty();
        ValidateurScdl.Valider(Entete + "\n" + Change(11, "").Replace("\"212\"", "\"\""))
            .ShouldContain(e => e.Colonne == "VOTE_REEL" && e.Message.Contains("toutes ou pas du tout"));
        // Accents and case are ignored in the family; a single year is allowed; names are checked against the code when asked.
        Ligne(Change(5, "FINANCES LOCALES/aides")).ShouldBeEmpty();
        ValidateurScdl.Valider(Entete + "\n" + Change(5, "finances locales/aides"), nomActesExact: true).ShouldHaveSingleItem().Colonne.ShouldBe("DELIB_MATIERE_NOM");
    }

    [Fact]
    public void Les_noms_de_matiere_suivent_la_regle_actes()
    {
        MatieresActes.Matieres.Count.ShouldBe(7 + 3 + 6 + 5 + 8 + 5 + 10 + 9 + 4);
        foreach (var (code, _) in MatieresActes.Matieres)
        {
            var nom = MatieresActes.NomScdl(code)!;
            MatieresActes.PrefixeFamilleValide(nom).ShouldBeTrue(nom);
            nom.ShouldNotContain(","); nom.ShouldNotContain("("); nom.Count(c => c == '/').ShouldBe(1);
            nom.ShouldBe(nom.ToLowerInvariant());
        }
        MatieresActes.NomScdl("7.9").ShouldBe("finances locales/prise de participation sem");
        MatieresActes.NomScdl("1.5").ShouldBe("commande publique/transactions protocole d'accord transactionnel");
        MatieresActes.NomScdl("8.6").ShouldBe("domaines de compétences par thèmes/emploi-formation professionnelle");
        MatieresActes.CodeValide("7.10").ShouldBeTrue();
        MatieresActes.CodeValide("7.1O").ShouldBeFalse();
    }

    async Task<Deliberation> AjouterAsync(DeliberationSaisie s) =>
        await app.AvecDb(db => EnregistrerDeliberation.CreerAsync(db, s, "test", app.Horloge, CancellationToken.None));

    [Fact]
    public async Task L_export_public_respecte_chaque_regle_scdl_ligne_par_ligne()
    {
        var complet = await AjouterAsync(Actes.Subventions());
        var rejete = Actes.Subventions(); rejete.Adoptee = false; rejete.Montants = []; (rejete.VotePour, rejete.VoteContre, rejete.VoteAbstention) = (10, 22, 1);
        rejete.Objet = "Subvention refusée, avec une virgule, des \"guillemets\" et =formule";
        var r = await AjouterAsync(rejete);
        var sansVote = Actes.Subventions(); (sansVote.VotePour, sansVote.VoteContre, sansVote.VoteAbstention, sansVote.MembresEnExercice, sansVote.Presents) = (null, null, null, null, null);
        sansVote.NonParticipation = null; sansVote.BudgetAnnee = null; sansVote.BudgetNom = null; sansVote.MatiereCode = "7.9";
        var sv = await AjouterAsync(sansVote);
        // Unanimous, counts not printed: 30 present + 4 represented − 2 not taking part = 32 voters, all for.
        var unanime = Actes.Subventions(); (unanime.VotePour, unanime.VoteContre, unanime.VoteAbstention) = (null, null, null);
        unanime.Unanimite = true; unanime.NonParticipation = 2; unanime.MembresEnExercice = null;
        var u = await AjouterAsync(unanime);
        // Votes published, members in office not known (nor present): the four results are still published.
        var sansEffectif = Actes.Subventions(); (sansEffectif.MembresEnExercice, sansEffectif.Presents, sansEffectif.Representes, sansEffectif.Excuses) = (null, null, null, null);
        var se = await AjouterAsync(sansEffectif);

        var reponse = await app.ClientAnonyme().GetAsync("/donnees/deliberations.csv");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        octets.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var texte = Encoding.UTF8.GetString(octets);
        Passerelle.Web.Csv.Lire(new StringReader(texte), ',')[0].Champs.ShouldBe(ExportScdl.Colonnes);
        texte.ShouldStartWith("\"COLL_NOM\",\"COLL_SIRET\"");
        ValidateurScdl.Valider(texte, nomActesExact: true).ShouldBeEmpty();

        var lignes = Passerelle.Web.Csv.Lire(new StringReader(texte), ',').Skip(1).ToDictionary(l => l.Champs[2], l => l.Champs);
        lignes[complet.Numero][11..16].ShouldBe(["40", "33", "31", "1", "1"]);
        lignes[complet.Numero][5].ShouldBe("finances locales/subventions");
        lignes[r.Numero][11..16].ShouldBe(["40", "33", "10", "22", "1"]);
        lignes[r.Numero][6].ShouldBe(rejete.Objet);
        lignes[sv.Numero][11..16].ShouldAllBe(v => v == "");
        lignes[sv.Numero][5].ShouldBe("finances locales/prise de participation sem");
        lignes[u.Numero][11..16].ShouldBe(["40", "32", "32", "0", "0"]);
        lignes[se.Numero][11..16].ShouldBe(["", "33", "31", "1", "1"]);
    }

    static MemoryStream Fichier(params string[] lignes) => new(Encoding.UTF8.GetBytes(Entete + "\n" + string.Join("\n", lignes) + "\n"));

    [Fact]
    public async Task L_import_est_tout_ou_rien_avec_un_rapport_par_ligne_et_sans_doublon()
    {
        var numero = Actes.Numero("IMP");
        var bonne = Exemple.Replace("DPV-23-412", numero);
        var mauvaise = Exemple.Replace("DPV-23-412", numero + "B").Replace(",240,212,", ",240,211,");
        var avant = await app.AvecDb(db => db.Deliberations.CountAsync());
        var refus = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, Fichier(bonne, mauvaise, bonne), "test", app.Horloge, CancellationToken.None));
        refus.Ecrit.ShouldBeFalse();
        refus.Erreurs.ShouldContain(e => e.Ligne == 3 && e.Colonne == "VOTE_REEL" && e.Message.Contains("somme"));
        refus.Resume().ShouldStartWith("Rien n'a été importé");
        (await app.AvecDb(db => db.Deliberations.CountAsync())).ShouldBe(avant);
        // Duplicates inside a file and the register's own rules (adopted with more against than for) are reported too.
        var doublon = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, Fichier(bonne, bonne), "test", app.Horloge, CancellationToken.None));
        doublon.Erreurs.ShouldHaveSingleItem().Ligne.ShouldBe(3);

        var ok = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, Fichier(bonne), "test", app.Horloge, CancellationToken.None));
        ok.Ecrit.ShouldBeTrue();
        ok.Creees.ShouldBe(1);
        var encore = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, Fichier(bonne), "test", app.Horloge, CancellationToken.None));
        (encore.Creees, encore.Corrigees, encore.Inchangees).ShouldBe((0, 0, 1));
        var modifiee = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, Fichier(bonne.Replace("https://deliberations.metropole-exemple.fr/2023/" + numero + ".pdf", "https://exemple.fr/acte.pdf")), "test", app.Horloge, CancellationToken.None));
        modifiee.Corrigees.ShouldBe(1);
        var d = await app.AvecDb(db => db.Deliberations.SingleAsync(x => x.Numero == numero));
        (d.Version, d.Url, d.VotePour, d.MembresEnExercice).ShouldBe((2, "https://exemple.fr/acte.pdf", 200, 240));
        (await app.AvecDb(db => db.VersionsDeliberations.CountAsync(v => v.DeliberationId == d.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Reimporter_son_propre_export_ne_change_rien_et_un_fichier_illisible_est_refuse()
    {
        await AjouterAsync(Actes.Subventions());
        var unanime = Actes.Subventions(); (unanime.VotePour, unanime.VoteContre, unanime.VoteAbstention, unanime.Unanimite) = (null, null, null, true);
        await AjouterAsync(unanime);
        var export = await app.AvecDb(db => ExportScdl.TexteAsync(db, CancellationToken.None));
        var versions = await app.AvecDb(db => db.VersionsDeliberations.CountAsync());
        var r = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(export)), "test", app.Horloge, CancellationToken.None));
        r.Ecrit.ShouldBeTrue();
        (r.Creees, r.Corrigees).ShouldBe((0, 0));
        (await app.AvecDb(db => db.VersionsDeliberations.CountAsync())).ShouldBe(versions);
        var binaire = await app.AvecDb(db => ImportScdl.ExecuterAsync(db, new MemoryStream([0, 1, 2, 0xFF, 0xFE, 0]), "test", app.Horloge, CancellationToken.None));
        binaire.Ecrit.ShouldBeFalse();
        binaire.Erreurs[0].Message.ShouldContain("UTF-8");
    }
}
