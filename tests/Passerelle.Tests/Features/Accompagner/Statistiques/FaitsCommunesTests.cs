using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Accompagner.Statistiques.FaitsStatistiquesTests;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decision 0035, layout 4: a commune's people blocks read from its class rows equal those computed from the records, with marks
/// pending and folded; a place moved to another commune or another spelling typed sends the view back to the presences, never to a
/// wrong figure (both databases).</summary>
public class FaitsCommunesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IEnumerable<FiltresStatistiques> Vues(int[] lieux) => Filtres(lieux).Concat(
    [
        new(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 30), null, null, "Faitville", null, null, null),
        new(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), null, null, "Faitville", null, null, null),
        new(null, new DateOnly(2031, 2, 28), null, null, "Faitville", null, null, null),
        new(new DateOnly(2031, 5, 1), null, null, null, "Autreville", null, null, null),
        new(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 30), lieux[1], null, "Faitville", null, null, null),
    ]);

    /// <summary>The class a commune view reads (null: the presences).</summary>
    static async Task<string?> ClasseAsync(AppDbContext db, string commune)
    {
        var n = Passerelle.Web.Texte.Normaliser(commune);
        var lieux = await db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => l.Id).ToListAsync();
        return await LectureCommunes.ClasseAsync(db, n, commune, lieux, CancellationToken.None);
    }

    static async Task ToutComparerAsync(AppDbContext db, int[] lieux)
    {
        foreach (var f in Vues(lieux)) await ComparerAsync(db, f);
    }

    [Fact]
    public async Task La_vue_d_une_commune_lit_sa_classe_et_suit_chaque_changement()
    {
        var (lieux, personnes) = await SemerAsync(app, 41);
        await app.AvecDb(async db =>
        {
            // One spelling of the typed commune: the class answers « Faitville », not « FAITVILLE ».
            await db.Activites.Where(a => a.Commune == "FAITVILLE").ExecuteUpdateAsync(s => s.SetProperty(a => a.Commune, "Faitville"));
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ClasseAsync(db, "Faitville")).ShouldBe("faitville");
            (await ClasseAsync(db, "Autreville")).ShouldBe("autreville");
            (await ClasseAsync(db, "FAITVILLE")).ShouldBeNull("une autre graphie que celle saisie lit les présences");
            (await db.Set<FaitPersonnes>().CountAsync(x => x.Classe == "faitville")).ShouldBeGreaterThan(0);
            await ToutComparerAsync(db, lieux);
        });
        // Pending marks: a record moved from Faitville to Autreville, one typed in Faitville, one deleted, a person's file changed, a
        // referral and a diagnostic added for a person met in Faitville.
        await app.AvecDb(async db =>
        {
            var toutes = await db.Activites.Where(a => a.Notes == "faits").OrderBy(a => a.Id).ToListAsync();
            var deplace = toutes.First(a => a.Type == VocabulaireCoop.Individuel && a.LieuId == lieux[0] && a.BeneficiaireId != null);
            deplace.LieuId = lieux[2];
            deplace.Date = new DateOnly(2031, 4, 9);
            db.Activites.Remove(toutes.First(a => a.Type == VocabulaireCoop.Individuel && a.LieuId == lieux[1] && a.BeneficiaireId != null));
            db.Activites.Add(new Activite
            {
                MediateurId = deplace.MediateurId, Type = VocabulaireCoop.Individuel, Date = new DateOnly(2031, 2, 14), DureeMinutes = 30, TypeLieu = VocabulaireCoop.AutreLieu,
                Commune = "Faitville", BeneficiaireId = personnes[7], Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
            });
            var changee = await db.Beneficiaires.FindAsync(personnes[3]);
            changee!.Genre = changee.Genre == "Féminin" ? "Masculin" : "Féminin";
            changee.Statut = "Retraité";
            changee.AnneeNaissance = changee.AnneeNaissance is null ? 1948 : null;
            db.Orientations.Add(new Orientation { BeneficiaireId = personnes[7], Date = new DateOnly(2031, 3, 2), Categorie = "Autre", Destinataire = "Service test", Motif = "faits",
                Resultat = ResultatsOrientation.Tous[0] });
            db.Diagnostics.Add(new Diagnostic { BeneficiaireId = personnes[7], Date = new DateOnly(2031, 6, 1), Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = 3 }] });
            await db.SaveChangesAsync();
        });
        await app.AvecDb(async db =>
        {
            (await db.Set<MarqueFaits>().CountAsync()).ShouldBeGreaterThan(0);
            (await ClasseAsync(db, "Faitville")).ShouldBe("faitville");
            await ToutComparerAsync(db, lieux);
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await ClasseAsync(db, "Faitville")).ShouldBe("faitville");
            await ToutComparerAsync(db, lieux);
            await DeReconstructionAsync(db);
        });
        // A place of Faitville moved to Autreville: until the job, both views read the presences; after it, their classes again.
        await app.AvecDb(async db =>
        {
            var lieu = await db.Lieux.FindAsync(lieux[1]);
            lieu!.Commune = "Autreville";
            lieu.CommuneRecherche = Passerelle.Web.Texte.Normaliser(lieu.Commune);
            await db.SaveChangesAsync();
            (await ClasseAsync(db, "Faitville")).ShouldBeNull("un lieu a quitté la commune");
            (await ClasseAsync(db, "Autreville")).ShouldBeNull("un lieu a rejoint la commune");
            await ToutComparerAsync(db, lieux);
            // The job marks the place's people and records its new class; they are corrected at read time until folded.
            await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None, lot: 1);
            (await db.Set<ClasseLieu>().Where(c => c.LieuId == lieux[1]).Select(c => c.Classe).SingleAsync()).ShouldBe("autreville");
            (await db.Set<MarquePersonne>().CountAsync()).ShouldBeGreaterThan(0, "les personnes du lieu attendent encore leur pli");
            (await ClasseAsync(db, "Autreville")).ShouldBe("autreville");
            await ToutComparerAsync(db, lieux);
            while (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None) > 0) { }
            (await ClasseAsync(db, "Faitville")).ShouldBe("faitville");
            await ToutComparerAsync(db, lieux);
            await DeReconstructionAsync(db);
        });
        // Another spelling typed: the view spelled « Faitville » reads the presences from then on, still right.
        await app.AvecDb(async db =>
        {
            var modele = await db.Activites.FirstAsync(a => a.Notes == "faits");
            db.Activites.Add(new Activite
            {
                MediateurId = modele.MediateurId, Type = VocabulaireCoop.Individuel, Date = new DateOnly(2031, 3, 20), DureeMinutes = 30, TypeLieu = VocabulaireCoop.AutreLieu,
                Commune = "faitville", BeneficiaireId = personnes[9], Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            await ToutComparerAsync(db, lieux);
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await ClasseAsync(db, "Faitville")).ShouldBeNull();
            (await ClasseAsync(db, "faitville")).ShouldBeNull();
            await ToutComparerAsync(db, lieux);
        });
    }
}
