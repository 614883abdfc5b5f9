using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.ScdlSubventions;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.ScdlSubventions;

/// <summary>The SCDL Subventions export (every row passes the validator) and import (messy files, all or nothing, idempotent).</summary>
public class ExportImportScdlSubventionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Donnees(string nom) => Path.Combine(AppContext.BaseDirectory, "Donnees", "scdl-subventions", nom);

    static Task<RapportImportSubventions> Importer(AppDbContext db, string texte, bool lignesValides, TimeProvider horloge) =>
        ImportScdlSubventions.ExecuterAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(texte)), lignesValides, horloge, CancellationToken.None);

    /// <summary>A grant with its convention (signed on <paramref name="signature"/>, null: none) to a new association.</summary>
    internal static async Task<Subvention> Subvention(AppDbContext db, Financeur f, string objet, long centimes, DateOnly? signature, Action<Subvention>? reglage = null,
        string? rna = null, int? deliberation = null)
    {
        var s = new Structure { Nom = "Association " + Guid.NewGuid().ToString("N")[..6], Rna = rna ?? "W" + Random.Shared.NextInt64(100_000_000, 999_999_999), Typologie = "ASSO" };
        var g = new Subvention
        {
            Financeur = f, Beneficiaire = s, Exercice = 2023, Objet = objet, MontantCentimes = centimes, Statut = StatutsSubvention.Conventionnee,
            ConditionsVersement = "échelonné", VersementDebut = new DateOnly(2023, 7, 20), VersementFin = new DateOnly(2024, 3, 31), DeliberationId = deliberation,
        };
        reglage?.Invoke(g);
        db.Add(g);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) { throw new InvalidOperationException(e.InnerException?.Message, e); }
        if (signature is { } d)
        {
            db.Conventions.Add(new Convention { Intitule = objet.Length > 300 ? objet[..300] : objet, PartenaireId = s.Id, SubventionId = g.Id, DateSignature = d,
                DateDebut = new DateOnly(2023, 1, 1), DateFin = new DateOnly(2023, 12, 31), Gratuite = false, MontantAnnuelCentimes = g.MontantCentimes });
            await db.SaveChangesAsync();
        }
        return g;
    }

    // Its own funder: the other tests of the class import into the same database.
    const string Siret = "24130001100012";

    [Fact]
    public async Task Chaque_ligne_exportee_passe_le_validateur_avec_seuil_parts_et_objet_coupe()
    {
        var ids = await app.AvecDb(async db =>
        {
            var delib = await EnregistrerDeliberation.CreerAsync(db, Actes.Commune("DG20_174"), "test", app.Horloge, CancellationToken.None);
            var delibSansActes = await EnregistrerDeliberation.CreerAsync(db, Actes.Subventions("DPV-23-412"), "test", app.Horloge, CancellationToken.None);
            var f = new Financeur { Nom = "Métropole Exemple", Siret = Siret, Siren = Siret[..9] };
            var sansSiret = new Financeur { Nom = "Fondation sans SIRET", Siren = "999999998" };
            db.AddRange(f, sansSiret);
            var d = new DateOnly(2023, 7, 10);
            var grande = await Subvention(db, f, "Fabrique de l'inclusion numérique, phase III", 7_000_000, d, deliberation: delib.Id);
            var numero = await Subvention(db, f, "Programme 2023", 3_000_000, d, deliberation: delibSansActes.Id);
            var petite = await Subvention(db, f, "Petite action", 1_000_000, d, g => g.ReferenceDecision = "DEL-2023-12");
            var longue = await Subvention(db, f, string.Join(" ", Enumerable.Repeat("accompagner", 30)), 5_000_000, d);
            var partagees = new List<Subvention>();
            foreach (var _ in Enumerable.Range(0, 3))
                partagees.Add(await Subvention(db, f, "Projet commun", 3_000_000, d, g => { g.MontantTotalCentimes = 9_000_000; g.PartDixMilliemes = 3333; g.ReferenceDecision = "DEL-2023-40"; }));
            var sansConvention = await Subvention(db, f, "Sans convention", 5_000_000, null);
            var refusee = await Subvention(db, f, "Refusée", 5_000_000, d, g => g.Statut = StatutsSubvention.Refusee);
            var financeurSansSiret = await Subvention(db, sansSiret, "Financeur sans SIRET", 5_000_000, d);
            return (grande.Id, numero.Id, petite.Id, longue.Id, partagees[^1].Id, sansConvention.Id, refusee.Id, financeurSansSiret.Id, delib.IdentifiantActes);
        });

        var reponse = await app.ClientAnonyme().GetAsync("/donnees/subventions.csv");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var texte = await reponse.Content.ReadAsStringAsync();
        ValidateurScdlSubventions.Valider(texte).ShouldBeEmpty();
        var lignes = Passerelle.Web.Csv.Lire(new StringReader(texte), ',').Skip(1).Select(l => l.Champs).Where(l => l[1] == Siret).ToList();
        // Above 23 000 € a year: the 70 000, the 30 000, the 50 000 (long object) and the three shares of 30 000.
        lignes.Count.ShouldBe(6);
        var grande = lignes.Single(l => l[7].StartsWith("Fabrique"));
        grande[3].ShouldBe(ids.IdentifiantActes);
        grande[2].ShouldBe("2023-07-10");
        grande[8].ShouldBe("70000.00");
        grande[11].ShouldBe("2023-07-20/2024-03-31");
        grande[14].ShouldBe("1.00");
        lignes.Single(l => l[7] == "Programme 2023")[3].ShouldBe("DPV-23-412");
        var longue = lignes.Single(l => l[7].StartsWith("accompagner"));
        longue[7].Length.ShouldBeLessThanOrEqualTo(256);
        longue[7].ShouldEndWith("accompagner");
        var parts = lignes.Where(l => l[7] == "Projet commun").Select(l => l[14]).ToList();
        parts.ShouldBe(["0.3333", "0.3333", "0.3334"]);
        lignes.Where(l => l[7] == "Projet commun").ShouldAllBe(l => l[8] == "90000.00");

        var tous = await app.ClientAnonyme().GetStringAsync("/donnees/subventions.csv?tous=1");
        ValidateurScdlSubventions.Valider(tous).ShouldBeEmpty();
        var lignesTous = Passerelle.Web.Csv.Lire(new StringReader(tous), ',').Skip(1).Where(l => l.Champs[1] == Siret).ToList();
        lignesTous.Count.ShouldBe(7);
        lignesTous.ShouldContain(l => l.Champs[3] == "DEL-2023-12");

        var resultat = await app.AvecDb(db => ExportScdlSubventions.ExporterAsync(db, true, CancellationToken.None));
        resultat.Avertissements.ShouldContain(a => a.SubventionId == ids.Item6 && a.Message.Contains("dateConvention"));
        resultat.Avertissements.ShouldContain(a => a.SubventionId == ids.Item8 && a.Message.Contains("SIRET"));
        resultat.Avertissements.ShouldContain(a => a.SubventionId == ids.Item4 && a.Message.Contains("coupé"));
        resultat.Avertissements.ShouldContain(a => a.SubventionId == ids.Item5 && a.Message.Contains("0.3334"));
        resultat.Avertissements.ShouldNotContain(a => a.SubventionId == ids.Item7);

        var donnees = await app.ClientAnonyme().GetStringAsync("/donnees");
        donnees.ShouldContain("/donnees/subventions.csv");
    }

    [Fact]
    public async Task Un_fichier_ancien_et_desordonne_s_importe_avec_avertissements_et_une_seule_fois()
    {
        var texte = await File.ReadAllTextAsync(Donnees("ancien-14-colonnes.csv"));
        var rapport = await app.AvecDb(db => Importer(db, texte, false, app.Horloge));
        rapport.Rejets.ShouldBeEmpty(string.Join("\n", rapport.Rejets));
        rapport.Ecrit.ShouldBeTrue();
        rapport.Creees.ShouldBe(3);
        rapport.Resume().ShouldStartWith("3 lignes lues : 3 subventions créées, 0 déjà présentes, 0 rejetées");
        foreach (var (ligne, colonne) in new[] { (2, "nature"), (2, "conditionsVersement"), (2, "datesPeriodeVersement"), (2, "notificationUE"),
                     (3, "idBeneficiaire"), (3, "montant"), (3, "conditionsVersement"), (3, "pourcentageSubvention"), (4, "dateConvention") })
            rapport.Avertissements.ShouldContain(a => a.Ligne == ligne && a.Colonne == colonne, $"{ligne} {colonne}");
        rapport.Avertissements.ShouldContain(a => a.Ligne == 1 && a.Raison.Contains("ancien format"));

        var (subventions, structures, financeur) = await app.AvecDb(async db => (
            await db.Set<Subvention>().Where(s => s.ReferenceDecision!.StartsWith("DEL 2017")).OrderBy(s => s.Id).ToListAsync(),
            await db.Structures.CountAsync(s => s.Siret == "77777777200016" || s.Siret == "88888888000018" || s.Siret == "55555555600011"),
            await db.Set<Financeur>().SingleAsync(f => f.Siret == "21310460700014")));
        structures.ShouldBe(3);
        financeur.Genre.ShouldBe(GenresFinanceur.Collectivite);
        subventions.Select(s => s.MontantCentimes).ShouldBe([150_000, 2_400_050, 1_500_000]);
        subventions[1].Nature.ShouldBe("aide en nature");
        subventions[1].ConditionsVersement.ShouldBe("échelonné");
        subventions[1].NotificationUe.ShouldBeTrue();
        subventions[2].MontantTotalCentimes.ShouldBe(3_000_000);
        subventions[2].PartDixMilliemes.ShouldBe(5000);
        (await app.AvecDb(db => db.Conventions.SingleAsync(c => c.SubventionId == subventions[2].Id))).DateSignature.ShouldBe(new DateOnly(2017, 3, 10));

        var encore = await app.AvecDb(db => Importer(db, texte, false, app.Horloge));
        encore.Creees.ShouldBe(0);
        encore.DejaPresentes.ShouldBe(3);
        (await app.AvecDb(db => db.Set<Subvention>().CountAsync(s => s.ReferenceDecision!.StartsWith("DEL 2017")))).ShouldBe(3);

        // What was imported exports back, every row valid.
        var export = await app.AvecDb(db => ExportScdlSubventions.ExporterAsync(db, true, CancellationToken.None));
        ValidateurScdlSubventions.Valider(export.Texte()).ShouldBeEmpty();
        export.Lignes.ShouldContain(l => l[3] == "DEL 2017-004" && l[11] == "2017-04-01/2017-12-31" && l[9] == "aide en nature" && l[13] == "oui");
    }

    [Fact]
    public async Task Un_fichier_avec_des_lignes_fausses_est_refuse_entier_ou_seulement_ses_lignes_valides()
    {
        var texte = await File.ReadAllTextAsync(Donnees("lignes-refusees.csv"));
        var rapport = await app.AvecDb(db => Importer(db, texte, false, app.Horloge));
        rapport.Ecrit.ShouldBeFalse();
        rapport.Resume().ShouldBe("4 lignes lues, 3 rejetées : rien n'a été importé. Corrigez le fichier ou importez seulement les lignes valides (--lignes-valides).");
        foreach (var (ligne, colonne, valeur) in new[] { (3, "idBeneficiaire", ""), (4, "idBeneficiaire", "999999998"), (5, "nature", "subvention"),
                     (5, "notificationUE", "peut-être"), (5, "pourcentageSubvention", "100") })
            rapport.Rejets.ShouldContain(r => r.Ligne == ligne && r.Colonne == colonne && r.Valeur == valeur, $"{ligne} {colonne}");
        rapport.Rejets.Single(r => r.Ligne == 4).Raison.ShouldContain("SIREN");
        (await app.AvecDb(db => db.Set<Subvention>().CountAsync(s => s.ReferenceDecision == "DPV_23_412"))).ShouldBe(0);

        var partiel = await app.AvecDb(db => Importer(db, texte, true, app.Horloge));
        partiel.Ecrit.ShouldBeTrue();
        partiel.Creees.ShouldBe(1);
        (await app.AvecDb(db => db.Set<Subvention>().CountAsync(s => s.ReferenceDecision == "DPV_23_412"))).ShouldBe(1);
    }

    static void AvertitLesPeriodesALEnvers(RapportImportSubventions r) =>
        r.Avertissements.Count(a => a.Colonne == "datesPeriodeVersement" && a.Raison.Contains("précède")).ShouldBe(3);

    [Fact]
    public async Task L_exemple_officiel_s_importe_sauf_sa_date_impossible_et_se_reexporte_valide()
    {
        var texte = await File.ReadAllTextAsync(Donnees("exemple-valide_v2.1.csv"));
        var refus = await app.AvecDb(db => Importer(db, texte, false, app.Horloge));
        refus.Ecrit.ShouldBeFalse();
        // The official example's « 2017-03-02/2017-30-05 » passes the schema's pattern but is no date; periods ending before they
        // start (lines 24, 25, 29) are kept with a warning.
        AvertitLesPeriodesALEnvers(refus);
        refus.Rejets.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Ligne.ShouldBe(27), r => r.Colonne.ShouldBe("datesPeriodeVersement"));
        var rapport = await app.AvecDb(db => Importer(db, texte, true, app.Horloge));
        rapport.Creees.ShouldBe(28);
        var export = await app.AvecDb(db => ExportScdlSubventions.ExporterAsync(db, true, CancellationToken.None));
        ValidateurScdlSubventions.Valider(export.Texte()).ShouldBeEmpty();
        export.Lignes.Count(l => l[0] == "ANTIBES").ShouldBe(28);
    }
}
