using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Issue 16: the skills progression computed in the database (first and last level by diagnostic date then id) gives what
/// the former in-memory computation gave, on both databases.</summary>
public class ProgressionCompetencesTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<int> PersonneAsync(AppDbContext db, int structure)
    {
        var b = new Beneficiaire { StructureId = structure, Suivi = true, Nom = "Progression", ConsentementLe = DateTime.UtcNow, CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow };
        db.Beneficiaires.Add(b);
        await db.SaveChangesAsync();
        return b.Id;
    }

    /// <summary>Saves one diagnostic at a time, so that ids follow the order of the calls.</summary>
    static async Task DiagnostiquerAsync(AppDbContext db, int personne, DateOnly date, params (string Competence, int Niveau)[] niveaux)
    {
        db.Diagnostics.Add(new Diagnostic { BeneficiaireId = personne, Date = date,
            Niveaux = niveaux.Select(n => new NiveauCompetence { Competence = n.Competence, Niveau = n.Niveau }).ToList() });
        await db.SaveChangesAsync();
    }

    static Task<Tableau> SuiviAsync(AppDbContext db, int structure) => EtapesPersonnes.SuiviAsync(new Tableau(), db,
        db.Beneficiaires.Where(b => b.StructureId == structure).Select(b => b.Id), new FiltresStatistiques(null, null, null, null, null, null, null, null), CancellationToken.None);

    [Fact]
    public async Task Premier_et_dernier_niveau_par_date_puis_par_diagnostic()
    {
        var (s, autre) = (await Scenario.StructureAsync(app), await Scenario.StructureAsync(app));
        await app.AvecDb(async db =>
        {
            var (a, b, c, e, ailleurs) = (await PersonneAsync(db, s), await PersonneAsync(db, s), await PersonneAsync(db, s), await PersonneAsync(db, s), await PersonneAsync(db, autre));
            // A: the diagnostic saved first is the latest; two on the same day are ordered by id. 1.1 goes 2 → 0, 2.1 goes 1 → 3.
            await DiagnostiquerAsync(db, a, new(2031, 3, 1), ("1.1", 0), ("2.1", 3));
            await DiagnostiquerAsync(db, a, new(2031, 1, 10), ("1.1", 2));
            await DiagnostiquerAsync(db, a, new(2031, 1, 10), ("1.1", 1), ("2.1", 1));
            // B: 1.1 goes 0 → 2; 1.2 assessed once only.
            await DiagnostiquerAsync(db, b, new(2031, 2, 5), ("1.1", 2));
            await DiagnostiquerAsync(db, b, new(2031, 1, 5), ("1.1", 0), ("1.2", 1));
            // C: one level only; E: 1.1 goes 1 → 2; the person of another structure is not met.
            await DiagnostiquerAsync(db, c, new(2031, 1, 5), ("1.1", 3));
            await DiagnostiquerAsync(db, e, new(2031, 1, 5), ("1.1", 1));
            await DiagnostiquerAsync(db, e, new(2031, 4, 5), ("1.1", 2));
            await DiagnostiquerAsync(db, ailleurs, new(2031, 1, 5), ("1.1", 3));
            await DiagnostiquerAsync(db, ailleurs, new(2031, 4, 5), ("1.1", 0));

            var t = await SuiviAsync(db, s);
            t.Competences.Select(x => (x.Code, x.Personnes, x.NiveauInitial, x.NiveauActuel, x.EnProgres))
                .ShouldBe([("1.1", 3, 1.0, 1.33, 2), ("2.1", 1, 1.0, 3.0, 1)]);
        });
    }

    [Fact]
    public async Task Le_calcul_en_base_egale_le_calcul_en_memoire_sur_des_diagnostics_au_hasard()
    {
        var s = await Scenario.StructureAsync(app);
        await app.AvecDb(async db =>
        {
            var rnd = new Random(16);
            var codes = Referentiel.Competences.Select(c => c.Code).Take(5).ToArray();
            for (var i = 0; i < 40; i++)
            {
                var p = await PersonneAsync(db, s);
                for (var k = rnd.Next(4); k > 0; k--)
                    await DiagnostiquerAsync(db, p, new(2031, 1 + rnd.Next(3), 1 + rnd.Next(2)),
                        codes.Where(_ => rnd.Next(3) > 0).Select(c => (c, rnd.Next(4))).ToArray());
            }
            var t = await SuiviAsync(db, s);
            t.Competences.ShouldNotBeEmpty();
            t.Competences.ShouldBe(await EnMemoireAsync(db, s));
        });
    }

    /// <summary>The former computation: every level read, then per skill and person with more than one level, first and last by (date, id).</summary>
    static async Task<List<ProgressionCompetence>> EnMemoireAsync(AppDbContext db, int structure)
    {
        var niveaux = await (from n in db.NiveauxCompetences
                             join d in db.Diagnostics on n.DiagnosticId equals d.Id
                             where db.Beneficiaires.Any(b => b.Id == d.BeneficiaireId && b.StructureId == structure)
                             select new { d.BeneficiaireId, d.Date, d.Id, n.Competence, n.Niveau }).ToListAsync();
        return Referentiel.Competences.Select(c =>
        {
            var suivis = niveaux.Where(n => n.Competence == c.Code).GroupBy(n => n.BeneficiaireId).Where(g => g.Count() > 1)
                .Select(g => (Premier: g.OrderBy(n => n.Date).ThenBy(n => n.Id).First().Niveau, Dernier: g.OrderBy(n => n.Date).ThenBy(n => n.Id).Last().Niveau)).ToList();
            return new ProgressionCompetence(c.Code, c.Nom, suivis.Count, suivis.Count == 0 ? 0 : Math.Round(suivis.Average(x => x.Premier), 2),
                suivis.Count == 0 ? 0 : Math.Round(suivis.Average(x => x.Dernier), 2), suivis.Count(x => x.Dernier > x.Premier));
        }).Where(c => c.Personnes != 0).ToList();
    }
}
