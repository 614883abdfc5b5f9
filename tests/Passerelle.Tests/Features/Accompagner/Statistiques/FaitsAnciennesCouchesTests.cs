using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Accompagner.Statistiques.FaitsStatistiquesTests;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decision 0035, rolling restart onto layout 2 of the people facts: what an instance still on layout 1 leaves behind
/// (presences without first month and attributes, facts built without a version) is read around, then repaired or rebuilt by
/// the job's pass, on both databases.</summary>
public class FaitsAnciennesCouchesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Activite Individuel(int mediateur, int personne, DateOnly date, int lieu) => new()
    {
        MediateurId = mediateur, Type = VocabulaireCoop.Individuel, Date = date, DureeMinutes = 30, TypeLieu = VocabulaireCoop.LieuActivite,
        LieuId = lieu, BeneficiaireId = personne, Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
    };

    [Fact]
    public async Task Les_presences_ecrites_par_la_couche_1_sont_lues_dans_les_comptes_rendus_puis_reparees()
    {
        var (lieux, personnes) = await SemerAsync(app, 21);
        int nouvelle = 0, ancienne = 0;
        var decembre = new DateOnly(2030, 12, 1);
        await app.AvecDb(async db =>
        {
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            // After the rebuild, two people met at a place of Faitville: a new file (March 2031), and a person already met there
            // now also met in December 2030 (their first month moves before the view's range: no longer new in it).
            ancienne = await db.Set<PresencePersonne>().Where(p => p.LieuId == lieux[0]).Select(p => p.BeneficiaireId).FirstAsync();
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            var b = new Beneficiaire { StructureId = structure, Genre = "Féminin", AnneeNaissance = 1990, Commune = "Faitville", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow };
            db.Beneficiaires.Add(b);
            await db.SaveChangesAsync();
            nouvelle = b.Id;
            var mediateur = await db.Activites.Where(a => a.Notes == "faits").Select(a => a.MediateurId).FirstAsync();
            db.Activites.AddRange(Individuel(mediateur, nouvelle, new DateOnly(2031, 3, 9), lieux[0]), Individuel(mediateur, ancienne, new DateOnly(2030, 12, 9), lieux[0]));
            await db.SaveChangesAsync();
            // The fold as layout 1 leaves it: contributions and gap rows right (the same rules), the new presences inserted without
            // the new columns (their database defaults), the person's other presences keeping their former first month.
            var premier = await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == ancienne).Select(p => p.Premier).FirstAsync();
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            foreach (var (personne, mois) in new[] { (nouvelle, new DateOnly(2031, 3, 1)), (ancienne, decembre) })
            {
                var ids = await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == personne && p.Mois == mois).Select(p => p.Id).ToListAsync();
                ids.Count.ShouldBe(1);
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"PresencesPersonnes\" (\"Mois\", \"LieuId\", \"Commune\", \"BeneficiaireId\") SELECT \"Mois\", \"LieuId\", \"Commune\", \"BeneficiaireId\" FROM \"PresencesPersonnes\" WHERE \"Id\" = {ids[0]}");
                await db.Set<PresencePersonne>().Where(p => p.Id == ids[0]).ExecuteDeleteAsync();
            }
            await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == ancienne && p.Mois != decembre).ExecuteUpdateAsync(s => s.SetProperty(p => p.Premier, premier));
            (await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == nouvelle).Select(p => p.Genre).SingleAsync()).ShouldBe("");
            (await MaintenancePersonnes.SansAttributs(db).Distinct().OrderBy(x => x).ToListAsync()).ShouldBe(new[] { nouvelle, ancienne }.Order().ToList());
        });
        await app.AvecDb(async db =>
        {
            // No mark is pending, yet the people blocks are read from the records (right figures) until the rows are repaired.
            (await db.Set<MarqueFaits>().AnyAsync() || await db.Set<MarquePersonne>().AnyAsync()).ShouldBeFalse();
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f, personnes: false);
            await TacheFaits.PasserAsync(db, NullLogger.Instance, CancellationToken.None);
            (await MaintenancePersonnes.SansAttributs(db).AnyAsync()).ShouldBeFalse();
            (await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == ancienne).Select(p => p.Premier).Distinct().ToListAsync()).ShouldBe([decembre]);
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            await DeReconstructionAsync(db);
        });
    }

    [Fact]
    public async Task Des_faits_construits_par_la_couche_1_sont_reconstruits_par_la_tache()
    {
        var (lieux, _) = await SemerAsync(app, 23);
        // Layout 1 wrote its built row without a version; a version "1" is read the same way.
        foreach (var version in new[] { null, "1" })
            await app.AvecDb(async db =>
            {
                await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
                await db.Set<FaitPersonnes>().Where(f => f.Dimension == DimensionsPersonnes.Construit).ExecuteUpdateAsync(s => s.SetProperty(f => f.Valeur, version));
                // What layout 2 reads and layout 1 never wrote: wrong here, which only the rebuild repairs.
                await db.Set<PresencePersonne>().ExecuteUpdateAsync(s => s.SetProperty(p => p.Genre, "Ancien"));
                (await MaintenancePersonnes.ConstruitsAsync(db, CancellationToken.None)).ShouldBeFalse();
                foreach (var f in Filtres(lieux)) await ComparerAsync(db, f, personnes: false);
                await TacheFaits.PasserAsync(db, NullLogger.Instance, CancellationToken.None);
                (await MaintenancePersonnes.ConstruitsAsync(db, CancellationToken.None)).ShouldBeTrue();
                (await db.Set<PresencePersonne>().AnyAsync(p => p.Genre == "Ancien")).ShouldBeFalse();
                foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            });
    }

    [Fact]
    public async Task Des_faits_d_activites_d_une_autre_couche_ne_sont_pas_lus_puis_sont_reconstruits()
    {
        var (lieux, _) = await SemerAsync(app, 29);
        // Activity facts layout 1 kept multi-valued fields |-joined and wrote its built row without a version.
        foreach (var version in new[] { null, "1" })
            await app.AvecDb(async db =>
            {
                await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
                await db.Set<FaitActivites>().Where(f => f.Dimension == Dimensions.Construit).ExecuteUpdateAsync(s => s.SetProperty(f => f.Valeur, version));
                // Wrong counts only the rebuild repairs: read, they would show.
                await db.Set<FaitActivites>().Where(f => f.Dimension == Dimensions.Themes).ExecuteUpdateAsync(s => s.SetProperty(f => f.Accompagnements, f => f.Accompagnements + 1000));
                (await MaintenanceFaits.ConstruitsAsync(db, CancellationToken.None)).ShouldBeFalse();
                foreach (var f in Filtres(lieux)) (await LectureFaits.LireAsync(db, f, CancellationToken.None)).ShouldBeNull($"faits d'une autre couche lus pour {f}");
                await TacheFaits.PasserAsync(db, NullLogger.Instance, CancellationToken.None);
                (await MaintenanceFaits.ConstruitsAsync(db, CancellationToken.None)).ShouldBeTrue();
                (await db.Set<FaitActivites>().AnyAsync(f => f.Dimension == Dimensions.Themes && f.Valeur != null && f.Valeur.Contains("|"))).ShouldBeFalse();
                foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            });
    }
}
