using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Accompagner.Statistiques.FaitsStatistiquesTests;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decision 0035, skills block: the people facts keep each person's skills progressions; a diagnostic added, a level added to a
/// stored diagnostic, a diagnostic deleted and a merge of files each mark their people, the views are corrected at read time until the
/// fold, and the folded rows are those a rebuild writes, on both databases.</summary>
public class FaitsProgressionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Les_progressions_des_competences_suivent_chaque_diagnostic()
    {
        var (lieux, personnes) = await SemerAsync(app, 31);
        var territoire = Filtres(lieux).First();
        IReadOnlyList<ProgressionCompetence> avant = [];
        await app.AvecDb(async db =>
        {
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await db.Set<ProgressionPersonne>().CountAsync()).ShouldBeGreaterThan(0);
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            avant = (await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None)).Competences;
            avant.ShouldNotBeEmpty();
            // A third diagnostic of the first person, after the other two: its level of 1.1 becomes their last one, a second level of 2.1.
            var dernier = await (from d in db.Diagnostics
                                 where d.BeneficiaireId == personnes[0]
                                 join n in db.NiveauxCompetences on d.Id equals n.DiagnosticId
                                 where n.Competence == "1.1"
                                 orderby d.Date descending, d.Id descending
                                 select n.Niveau).FirstAsync();
            db.Diagnostics.Add(new Diagnostic { BeneficiaireId = personnes[0], Date = new DateOnly(2031, 12, 1),
                Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = (dernier + 1) % 4 }, new NiveauCompetence { Competence = "2.1", Niveau = 1 }] });
            // A level of a new skill added to both stored diagnostics of another person: a new progression.
            foreach (var id in await db.Diagnostics.Where(d => d.BeneficiaireId == personnes[2]).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync())
                db.NiveauxCompetences.Add(new NiveauCompetence { DiagnosticId = id, Competence = "1.3", Niveau = id % 2 == 0 ? 0 : 2 });
            // One of a third person's two diagnostics deleted: no progression left.
            db.Diagnostics.Remove(await db.Diagnostics.Where(d => d.BeneficiaireId == personnes[4]).OrderBy(d => d.Id).FirstAsync());
            await db.SaveChangesAsync();
        });
        // A file merged into another: its diagnostics move over, both people are marked.
        await app.AvecDb(async db =>
        {
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[8]).Select(b => b.StructureId).FirstAsync();
            var qui = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test")], "test"));
            await FusionnerFiches.ExecuterAsync(db, [structure], personnes[8], personnes[6], qui, TimeProvider.System, CancellationToken.None);
            (await db.Diagnostics.CountAsync(d => d.BeneficiaireId == personnes[8])).ShouldBe(4);
        });
        await app.AvecDb(async db =>
        {
            new[] { personnes[0], personnes[2], personnes[4], personnes[6], personnes[8] }
                .ShouldBeSubsetOf(await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).Distinct().ToListAsync());
            // Pending: the people marked are corrected at read time from their diagnostics.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var pendant = (await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None)).Competences;
            pendant.ShouldNotBe(avant);
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await db.Set<MarquePersonne>().CountAsync()).ShouldBe(0);
            (await db.Set<ProgressionPersonne>().AnyAsync(p => p.BeneficiaireId == personnes[4] || p.BeneficiaireId == personnes[6])).ShouldBeFalse();
            (await db.Set<ProgressionPersonne>().Where(p => p.BeneficiaireId == personnes[2]).Select(p => p.Competence).ToListAsync()).ShouldContain("1.3");
            // Folded: the stored rows alone give the records' figures, and are those a rebuild writes.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            (await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None)).Competences.ShouldBe(pendant);
            await DeReconstructionAsync(db);
        });
    }
}
