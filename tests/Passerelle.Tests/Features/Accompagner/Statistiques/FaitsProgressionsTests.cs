using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Accompagner.Statistiques.FaitsStatistiquesTests;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decision 0035, skills and referral outcomes blocks: the people facts keep each person's skills progressions and referrals; a
/// diagnostic added, a level added to a stored diagnostic, a diagnostic deleted, a referral added, noted or deleted, and a merge of
/// files each mark their people, the views are corrected at read time until the fold, and the folded rows are those a rebuild writes,
/// on both databases.</summary>
public class FaitsProgressionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Les_progressions_des_competences_et_les_orientations_suivent_chaque_changement()
    {
        var (lieux, personnes) = await SemerAsync(app, 31);
        var territoire = Filtres(lieux).First();
        IReadOnlyList<ProgressionCompetence> avant = [];
        IReadOnlyList<LignePersonnes> resultats = [];
        await app.AvecDb(async db =>
        {
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await db.Set<ProgressionPersonne>().CountAsync()).ShouldBeGreaterThan(0);
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var initial = await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None);
            (avant, resultats) = (initial.Competences, initial.ResultatsOrientations);
            resultats.ShouldNotBeEmpty();
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
            // Referrals: one added in March to a person never referred, one's outcome noted, one deleted (persons 10 and 12).
            db.Orientations.Add(new Orientation { BeneficiaireId = personnes[1], Date = new DateOnly(2031, 3, 15), Categorie = "Autre", Destinataire = "Service test",
                Motif = "faits", Resultat = ResultatsOrientation.Aboutie, ResultatLe = new DateOnly(2031, 3, 20) });
            var notee = await db.Orientations.FirstAsync(o => o.BeneficiaireId == personnes[10]);
            notee.Resultat = notee.Resultat == ResultatsOrientation.NonAboutie ? ResultatsOrientation.Aboutie : ResultatsOrientation.NonAboutie;
            db.Orientations.Remove(await db.Orientations.FirstAsync(o => o.BeneficiaireId == personnes[12]));
            await db.SaveChangesAsync();
        });
        // A file merged into another: its diagnostics move over, both people are marked.
        await app.AvecDb(async db =>
        {
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[8]).Select(b => b.StructureId).FirstAsync();
            var qui = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test")], "test"));
            await FusionnerFiches.ExecuterAsync(db, [structure], personnes[8], personnes[6], qui, TimeProvider.System, CancellationToken.None);
            (await db.Diagnostics.CountAsync(d => d.BeneficiaireId == personnes[8])).ShouldBe(4);
            (await db.Orientations.CountAsync(o => o.BeneficiaireId == personnes[8])).ShouldBe(2);
        });
        await app.AvecDb(async db =>
        {
            new[] { personnes[0], personnes[1], personnes[2], personnes[4], personnes[6], personnes[8], personnes[10], personnes[12] }
                .ShouldBeSubsetOf(await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).Distinct().ToListAsync());
            // Pending: the people marked are corrected at read time from their diagnostics.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var tableau = await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None);
            var pendant = tableau.Competences;
            pendant.ShouldNotBe(avant);
            tableau.ResultatsOrientations.ShouldNotBe(resultats);
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await db.Set<MarquePersonne>().CountAsync()).ShouldBe(0);
            (await db.Set<ProgressionPersonne>().AnyAsync(p => p.BeneficiaireId == personnes[4] || p.BeneficiaireId == personnes[6])).ShouldBeFalse();
            (await db.Set<ProgressionPersonne>().Where(p => p.BeneficiaireId == personnes[2]).Select(p => p.Competence).ToListAsync()).ShouldContain("1.3");
            (await db.Set<OrientationPersonne>().CountAsync(o => o.BeneficiaireId == personnes[12] || o.BeneficiaireId == personnes[6])).ShouldBe(0);
            // Folded: the stored rows alone give the records' figures, and are those a rebuild writes.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var replie = await CalculStatistiques.CalculerAsync(db, territoire, false, TimeProvider.System, faits: true, CancellationToken.None);
            replie.Competences.ShouldBe(pendant);
            replie.ResultatsOrientations.ShouldBe(tableau.ResultatsOrientations);
            await DeReconstructionAsync(db);
        });
    }
}
