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
    public async Task Population_des_qpv_avec_son_millesime_puis_creneaux_pour_1000()
    {
        _app.CreateClient();
        (await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\n"), null, default)))
            .Erreurs.ShouldBe(["Millésime manquant : ajoutez une colonne annee_population ou l'option --annee (année du recensement)."]);
        var refus = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\nQN01358I;beaucoup\n"), 2020, default));
        refus.Resume().ShouldBe("2 lignes lues : rien n'a été importé (1 erreur(s)).");
        refus.Erreurs.ShouldBe(["Ligne 3 : population « beaucoup » invalide (nombre entier)."]);
        (await _app.AvecDb(db => db.Qpv.SingleAsync(q => q.Code == "QN01371N"))).Population.ShouldBeNull();

        var r = await _app.AvecDb(db => ImporterPopulationsQpv.ImporterAsync(db, Flux("code_qp;population\nQN01371N;3 412\nQN99999Z;100\n"), 2020, default));
        r.Resume().ShouldBe("2 lignes lues : 1 quartiers mis à jour, 1 codes absents de la liste des QPV ignorés.");
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
