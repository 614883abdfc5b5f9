using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Comptes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>QPV populations imported with their vintage (<c>territoires import-population-qpv</c>): all or nothing, codes outside the
/// list skipped, then the gap table at QPV level shows the population with its year and computes slots per 1 000 inhabitants.
/// The figures below are test figures, not INSEE's.</summary>
public class PopulationsQpvTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public PopulationsQpvTests(AppFactory app) => _app = app;

    static MemoryStream Flux(string texte) => new(Encoding.UTF8.GetBytes(texte));

    [Fact]
    public void Les_commandes_du_contrat_restent_et_la_nouvelle_s_y_ajoute()
    {
        var commandes = Passerelle.Web.Cli.Commandes().Select(c => string.Join(' ', c.Mots)).ToList();
        commandes.ShouldContain("territoires import-communes");
        commandes.ShouldContain("territoires import-ifn");
        commandes.ShouldContain("territoires import-population-qpv");
    }

    [Fact]
    public async Task Quarante_mille_codes_inconnus_sont_comptes_sans_requete_geante()
    {
        _app.CreateClient();
        // 40 000 well-formed codes absent from the list (letter Z: the 2024 list uses I, M and N) and one real QPV. The file's codes
        // were once sent as one IN of 40 000 parameters: « too many SQL variables » on SQLite.
        var texte = new StringBuilder("code_qp;population\nQN01303I;5 200\n");
        for (var i = 0; i < 40_000; i++) texte.Append("QN").Append(i.ToString("D5")).Append("Z;100\n");
        var r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux(texte.ToString()), 2021, default));
        r.Erreurs.ShouldBeEmpty();
        (r.Lues, r.MisAJour, r.Inconnus).ShouldBe((40_001, 1, 40_000));
        r.Resume().ShouldBe("40\u202f001 lignes lues : 1 quartier mis à jour, 40\u202f000 codes absents de la liste des QPV ignorés.");
        (await _app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01303I"))).Population.ShouldBe(5200);
    }

    [Fact]
    public async Task Population_negative_code_sans_chiffres_et_fichier_trop_gros_sont_refuses_en_francais()
    {
        _app.CreateClient();
        var r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;-12\nQNABCDEF;300\nQN01358I;400\n"), 2020, default));
        r.Erreurs.ShouldBe([
            "Ligne 2 : population négative « -12 » (un nombre d'habitants, 0 ou plus).",
            "Ligne 3 : code « QNABCDEF » invalide : un code de QPV s'écrit QN, le département sur 3 caractères, 2 chiffres et une lettre (par exemple QN01371N ou QN02A01M).",
        ]);
        r.Resume().ShouldBe("3 lignes lues : rien n'a été importé (2 erreurs).");
        (await _app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01358I"))).Population.ShouldNotBe(400);

        // 250 bad lines: 100 listed, then the count of the others.
        var mauvais = new StringBuilder("code_qp;population\n");
        for (var i = 0; i < 250; i++) mauvais.Append("QN01371N;-1\n");
        r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux(mauvais.ToString()), 2020, default));
        r.Erreurs.Count.ShouldBe(101);
        r.Erreurs[^1].ShouldBe("… et 150 autres erreurs.");
        r.Resume().ShouldBe("250 lignes lues : rien n'a été importé (250 erreurs).");

        // Just over 5 MB: refused before reading, nothing written.
        var gros = new MemoryStream(new byte[ImporterPopulationsQpv.TailleMax + 1]);
        r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, gros, 2020, default));
        r.Erreurs.ShouldBe(["Fichier trop volumineux : 5 Mo au plus (la liste nationale des QPV pèse moins de 100 ko)."]);
    }

    [Fact]
    public void Un_code_de_qpv_est_qn_cinq_chiffres_et_une_lettre()
    {
        foreach (var bon in new[] { "QN01371N", "QN97101M", "QN02A01M" }) Passerelle.Features.Referentiels.Qpv.CodeValide(bon).ShouldBeTrue(bon);
        foreach (var mauvais in new[] { "QNABCDEF", "QN013711", "QP013001", "QN0137N", "QN01371NN", "qn01371n", "" })
            Passerelle.Features.Referentiels.Qpv.CodeValide(mauvais).ShouldBeFalse(mauvais);
    }

    [Fact]
    public async Task Population_des_qpv_avec_son_millesime_puis_creneaux_pour_1000()
    {
        _app.CreateClient();
        (await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\n"), null, default)))
            .Erreurs.ShouldBe(["Millésime manquant : ajoutez une colonne annee_population ou l'option --annee (année du recensement)."]);
        var refus = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\nQN01358I;beaucoup\n"), 2020, default));
        refus.Resume().ShouldBe("2 lignes lues : rien n'a été importé (1 erreur).");
        refus.Erreurs.ShouldBe(["Ligne 3 : population « beaucoup » invalide (nombre entier)."]);
        (await _app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01371N"))).Population.ShouldBeNull();

        var r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\nQN99999Z;100\n"), 2020, default));
        r.Resume().ShouldBe("2 lignes lues : 1 quartier mis à jour, 1 code absent de la liste des QPV ignoré.");
        var csv = "code_qpv,pop,annee_population\nQN01358I,12000,2018\n";
        (await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux(csv), null, default))).Erreurs.ShouldBeEmpty();
        var psl = await _app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01371N"));
        (psl.Population, psl.AnneePopulation).ShouldBe((3412, (int?)2020));

        // A place at the QPV's reference point (Port-Saint-Louis' centre) with 4 bookable seats over two weeks: 2 a week,
        // 2 × 1 000 ÷ 3 412 = 0.59 per 1 000 inhabitants.
        var lieu = await Scenario.LieuAsync(_app);
        await _app.AvecDb(async db =>
        {
            await db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Latitude, 43.38734).SetProperty(l => l.Longitude, 4.82609));
            var p = new Permanence { LieuId = lieu.Id, MotifId = Motif.IdDemarches, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(DayOfWeek.Monday),
                HeureDebut = new TimeOnly(9, 0), HeureFin = new TimeOnly(10, 0), DateDebut = new DateOnly(2025, 1, 1) };
            db.Permanences.Add(p);
            await db.SaveChangesAsync();
            foreach (var jour in new[] { 3, 10 })
                db.Creneaux.Add(new Creneau { PermanenceId = p.Id, LieuId = lieu.Id, MotifId = Motif.IdDemarches, Debut = new DateTime(2025, 3, jour, 9, 0, 0, DateTimeKind.Utc),
                    Fin = new DateTime(2025, 3, jour, 9, 30, 0, DateTimeKind.Utc), Capacite = 2, CodePostal = "13230" });
            await db.SaveChangesAsync();
        });
        var table = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Qpv, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 16), "200054807", default));
        var ligne = table.Lignes.Single(l => l.Code == "QN01371N");
        (ligne.Population, ligne.AnneePopulation, ligne.CreneauxHebdo, ligne.CreneauxPour1000).ShouldBe((3412, 2020, 2.0, 0.59));
        table.Lignes.Single(l => l.Code == "QN01358I").AnneePopulation.ShouldBe(2018);

        var navigateur = await Formulaires.ConnecterAsync(_app, Roles.Financeur);
        var page = WebUtility.HtmlDecode(await navigateur.GetStringAsync("/pilotage?niveau=qpv&du=2025-03-03&au=2025-03-16&epci=200054807"));
        var rangee = page[page.IndexOf("data-code=\"QN01371N\"", StringComparison.Ordinal)..];
        rangee = rangee[..rangee.IndexOf("</tr>", StringComparison.Ordinal)];
        rangee.ShouldContain("<small>(2020)</small>");
        rangee.ShouldContain("3\u202f412");
    }
}
