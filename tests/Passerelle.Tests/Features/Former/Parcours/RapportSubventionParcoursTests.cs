using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Data;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>Issue 14 §5: the school's grant report shows the cohort's computed indicators (funding issue's report, measured through
/// Financer's owned <see cref="IMesuresIndicateurs"/>), never retyped; recording an outcome changes the report at its next save.</summary>
public class RapportSubventionParcoursTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_compte_rendu_de_la_subvention_de_l_ecole_montre_les_indicateurs_calcules()
    {
        var e = await ScenarioParcours.EcoleAsync(app);
        await IndicateursParcoursTests.CohorteCalculeeAsync(app, e);
        app.Horloge.Regler(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueIndicateurs>();
            catalogue.Trouver(MesuresParcours.SortiesPositives3Mois).ShouldNotBeNull();
            var f = new Financeur { Nom = "Métropole du rapport " + Guid.NewGuid().ToString("N")[..6] };
            db.Add(f);
            await db.SaveChangesAsync();
            var s = new Subvention { FinanceurId = f.Id, BeneficiaireId = e.StructureId, Exercice = 2025, Objet = "Fonctionnement de l'école", MontantCentimes = 9_000_000, CreeLe = app.Horloge.GetUtcNow().UtcDateTime };
            db.Add(s);
            await db.SaveChangesAsync();
            var c = new Convention { Intitule = "Convention de l'école", PartenaireId = e.StructureId, DateDebut = new(2025, 1, 1), DateFin = new(2025, 12, 31), SubventionId = s.Id, MontantAnnuelCentimes = 9_000_000, Gratuite = false };
            db.Conventions.Add(c);
            await db.SaveChangesAsync();
            foreach (var (code, cible) in new[] { (MesuresParcours.Apprenants, 12), (MesuresParcours.SortiesPositivesSortie, 50), (MesuresParcours.SortiesPositives3Mois, 60), (MesuresParcours.SortiesPositives6Mois, 70), (MesuresParcours.SansNouvelles6Mois, 10) })
            {
                await GestionObjectifs.AjouterAsync(db, c.Id, new SaisieObjectif("Objectif " + code, code, null, cible), default);
                await db.SaveChangesAsync();
            }
            var r = (await GestionRapports.OuvrirAsync(db, s.Id, 2025, catalogue, "test", app.Horloge, default))!;
            // Hand-computed cohort (IndicateursParcoursTests): 10 entrants; exit 3 / 9, +3 months 6 / 9, +6 months 5 / 9, no news at +6 1 / 9.
            var mesures = await db.Set<IndicateurRapport>().AsNoTracking().Where(i => i.RapportId == r.Id).OrderBy(i => i.Rang).Select(i => i.Mesure).ToListAsync();
            mesures.ShouldBe([10m, 33.3m, 66.7m, 55.6m, 11.1m]);

            // One more positive +6-month outcome (learner 7 had none): the report's next save measures 6 / 9.
            var septieme = await db.Set<Inscription>().Where(i => i.CohorteId == e.CohorteId && i.Apprenant!.Nom == "Calcul7").Select(i => i.Id).SingleAsync();
            db.Add(new Resultat { InscriptionId = septieme, Moment = "6mois", Type = "CDD_6_PLUS", Le = new DateOnly(2025, 12, 30), Source = "declaratif" });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await DeciderRapports.EnregistrerAsync(db, r.Id, new SaisieRapport(null, null, []), catalogue, "test", app.Horloge, default);
            (await db.Set<IndicateurRapport>().AsNoTracking().Where(i => i.RapportId == r.Id && i.Indicateur == MesuresParcours.SortiesPositives6Mois).Select(i => i.Mesure).SingleAsync()).ShouldBe(66.7m);
        }
        finally { app.Horloge.Regler(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero)); }
    }
}
