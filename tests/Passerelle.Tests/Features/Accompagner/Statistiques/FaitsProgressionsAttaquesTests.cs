using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Tests.Infra;
using static Passerelle.Tests.Features.Accompagner.Statistiques.FaitsStatistiquesTests;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decision 0035, layout 3, under attack (a review of 2026-12-03): diagnostics on the same date (ordered by id), moved to
/// another person, re-dated or emptied of their levels; referrals of a person never met then met around them, re-dated, moved to
/// another person; records moved to another month; files merged with diagnostics on the same skills, anonymised by the retention job,
/// deleted; folds of one mark at a time. After each change the dashboard read from the facts (people facts answering, asserted) prints
/// as the one from the records for the territory, a commune and places, ranges open on one side or both, while the marks are pending
/// and after the fold; the folded rows equal a rebuild's. Both databases.</summary>
public class FaitsProgressionsAttaquesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The filters of <see cref="FaitsStatistiquesTests.Filtres"/> and ranges cut on the months of the scenarios (February
    /// alone, January–February, February–March), open on one side or both, for the territory, the commune and two places.</summary>
    static IEnumerable<FiltresStatistiques> Vues(int[] lieux)
    {
        var (jan, fev, mar, fevFin, marFin, avrFin) = (new DateOnly(2031, 1, 1), new DateOnly(2031, 2, 1), new DateOnly(2031, 3, 1),
            new DateOnly(2031, 2, 28), new DateOnly(2031, 3, 31), new DateOnly(2031, 4, 30));
        return Filtres(lieux).Concat(
        [
            new(fev, fevFin, null, null, null, null, null, null),
            new(jan, fevFin, null, null, null, null, null, null),
            new(fev, marFin, null, null, null, null, null, null),
            new(null, fevFin, null, null, null, null, null, null),
            new(mar, null, null, null, null, null, null, null),
            new(null, null, null, null, null, null, null, null),
            new(fev, fevFin, null, null, "Faitville", null, null, null),
            new(fev, marFin, null, null, "Faitville", null, null, null),
            new(null, null, null, null, "Faitville", null, null, null),
            new(fev, fevFin, lieux[0], null, null, null, null, null),
            new(mar, null, lieux[2], null, null, null, null, null),
            new(jan, avrFin, lieux[1], null, null, null, null, null),
        ]);
    }

    static async Task ToutComparerAsync(AppDbContext db, int[] lieux)
    {
        foreach (var f in Vues(lieux)) await ComparerAsync(db, f);
    }

    /// <summary>Compares with the marks pending, folds (all at once, or one cell mark and one person mark at a time when
    /// <paramref name="unParUn"/>, comparing after each), then compares again.</summary>
    static async Task ComparerEtReplierAsync(AppDbContext db, int[] lieux, bool unParUn = false)
    {
        ((await db.Set<MarqueFaits>().CountAsync()) + (await db.Set<MarquePersonne>().CountAsync())).ShouldBeGreaterThan(0, "le changement a laissé des marques");
        await ToutComparerAsync(db, lieux);
        if (unParUn)
            while (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None, lot: 1) > 0) await ToutComparerAsync(db, lieux);
        else (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
        (await db.Set<MarqueFaits>().CountAsync()).ShouldBe(0);
        (await db.Set<MarquePersonne>().CountAsync()).ShouldBe(0);
        await ToutComparerAsync(db, lieux);
    }

    static Activite Individuel(int mediateur, int personne, DateOnly date, int? lieu, string? commune = null) => new()
    {
        MediateurId = mediateur, Type = VocabulaireCoop.Individuel, Date = date, DureeMinutes = 30,
        TypeLieu = lieu is null ? VocabulaireCoop.AutreLieu : VocabulaireCoop.LieuActivite, LieuId = lieu, Commune = commune, BeneficiaireId = personne,
        Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
    };

    static Orientation Orientee(int personne, DateOnly date, string resultat) => new()
    {
        BeneficiaireId = personne, Date = date, Categorie = "Autre", Destinataire = "Service test", Motif = "attaque", Resultat = resultat,
    };

    static async Task<Beneficiaire> FicheAsync(AppDbContext db, int structure, string nom)
    {
        var b = new Beneficiaire
        {
            StructureId = structure, Suivi = true, Nom = nom, ConsentementLe = DateTime.UtcNow, Genre = "Féminin", Commune = "Faitville",
            CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow, DerniereActiviteLe = DateTime.UtcNow,
        };
        db.Beneficiaires.Add(b);
        await db.SaveChangesAsync();
        return b;
    }

    static Task<ProgressionPersonne?> ProgressionAsync(AppDbContext db, int personne, string competence) =>
        db.Set<ProgressionPersonne>().AsNoTracking().FirstOrDefaultAsync(p => p.BeneficiaireId == personne && p.Competence == competence);

    [Fact]
    public async Task Des_diagnostics_du_meme_jour_deplaces_redates_ou_vides_gardent_les_competences_exactes()
    {
        var (lieux, personnes) = await SemerAsync(app, 41);
        int p = 0, q = 0, d1 = 0, d2 = 0;
        await app.AvecDb(async db =>
        {
            var modele = await db.Activites.FirstAsync(a => a.Notes == "faits");
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            (p, q) = ((await FicheAsync(db, structure, "Memejour")).Id, (await FicheAsync(db, structure, "Deplacee")).Id);
            db.Activites.AddRange(Individuel(modele.MediateurId, p, new DateOnly(2031, 2, 12), lieux[0]), Individuel(modele.MediateurId, q, new DateOnly(2031, 4, 2), lieux[2]));
            // Two diagnostics of the same day: the one of the greater id is the last.
            var premier = new Diagnostic { BeneficiaireId = p, Date = new DateOnly(2031, 2, 10),
                Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = 0 }, new NiveauCompetence { Competence = "1.2", Niveau = 3 }] };
            db.Diagnostics.Add(premier);
            await db.SaveChangesAsync();
            var second = new Diagnostic { BeneficiaireId = p, Date = new DateOnly(2031, 2, 10),
                Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = 2 }, new NiveauCompetence { Competence = "1.2", Niveau = 1 }] };
            db.Diagnostics.Add(second);
            await db.SaveChangesAsync();
            (d1, d2) = (premier.Id, second.Id);
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ProgressionAsync(db, p, "1.1")).ShouldSatisfyAllConditions(x => x!.Premier.ShouldBe(0), x => x!.Dernier.ShouldBe(2));
            await ToutComparerAsync(db, lieux);
        });
        // A level of the last one edited, the first one re-dated the next day: the order of the two flips.
        await app.AvecDb(async db =>
        {
            (await db.NiveauxCompetences.FirstAsync(n => n.DiagnosticId == d2 && n.Competence == "1.1")).Niveau = 3;
            (await db.Diagnostics.FirstAsync(d => d.Id == d1)).Date = new DateOnly(2031, 2, 11);
            await db.SaveChangesAsync();
            (await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).ToListAsync()).ShouldContain(p);
            await ComparerEtReplierAsync(db, lieux);
            (await ProgressionAsync(db, p, "1.1")).ShouldSatisfyAllConditions(x => x!.Premier.ShouldBe(3), x => x!.Dernier.ShouldBe(0));
        });
        // The second moved to another person met in another month and place, who also gets one of the same day: both progressions change.
        await app.AvecDb(async db =>
        {
            (await db.Diagnostics.FirstAsync(d => d.Id == d2)).BeneficiaireId = q;
            db.Diagnostics.Add(new Diagnostic { BeneficiaireId = q, Date = new DateOnly(2031, 2, 10), Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = 1 }] });
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
            (await ProgressionAsync(db, p, "1.1")).ShouldBeNull();
            (await ProgressionAsync(db, q, "1.1")).ShouldSatisfyAllConditions(x => x!.Premier.ShouldBe(3), x => x!.Dernier.ShouldBe(1));
        });
        // Every level of two diagnostics removed, the diagnostics kept (and one of a seeded person's re-dated before the other).
        await app.AvecDb(async db =>
        {
            db.NiveauxCompetences.RemoveRange(await db.NiveauxCompetences.Where(n => n.DiagnosticId == d2 || n.DiagnosticId == d1).ToListAsync());
            var seme = await db.Diagnostics.Where(d => d.BeneficiaireId == personnes[2]).OrderByDescending(d => d.Date).FirstAsync();
            seme.Date = seme.Date.AddMonths(-3);
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
            (await ProgressionAsync(db, q, "1.1")).ShouldBeNull();
            await DeReconstructionAsync(db);
        });
    }

    [Fact]
    public async Task Les_orientations_suivent_les_mois_rencontres_autour_d_elles()
    {
        var (lieux, personnes) = await SemerAsync(app, 43);
        int r = 0, s = 0, mediateur = 0;
        await app.AvecDb(async db =>
        {
            mediateur = (await db.Activites.FirstAsync(a => a.Notes == "faits")).MediateurId;
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            (r, s) = ((await FicheAsync(db, structure, "Jamais")).Id, (await FicheAsync(db, structure, "Autour")).Id);
            // R never met, referred in February and April; S met in January and March (not February), referred in February and June.
            db.Orientations.AddRange(Orientee(r, new DateOnly(2031, 2, 14), ResultatsOrientation.Aboutie), Orientee(r, new DateOnly(2031, 4, 3), ResultatsOrientation.EnAttente),
                Orientee(s, new DateOnly(2031, 2, 15), ResultatsOrientation.NonAboutie), Orientee(s, new DateOnly(2031, 6, 30), ResultatsOrientation.Inconnu));
            db.Activites.AddRange(Individuel(mediateur, s, new DateOnly(2031, 1, 31), lieux[0]), Individuel(mediateur, s, new DateOnly(2031, 3, 1), lieux[0]));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await db.Set<OrientationPersonne>().CountAsync(o => o.BeneficiaireId == r)).ShouldBe(0);
            var fevrier = await db.Set<OrientationPersonne>().SingleAsync(o => o.BeneficiaireId == s && o.Mois == new DateOnly(2031, 2, 1));
            (fevrier.Avant, fevrier.Apres).ShouldBe((new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 1)));
            await ToutComparerAsync(db, lieux);
        });
        // R met for the first time around their February referral: in January at a typed commune, in March at Autreville.
        await app.AvecDb(async db =>
        {
            db.Activites.AddRange(Individuel(mediateur, r, new DateOnly(2031, 1, 5), null, "Faitville"), Individuel(mediateur, r, new DateOnly(2031, 3, 30), lieux[2]));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
            (await db.Set<OrientationPersonne>().CountAsync(o => o.BeneficiaireId == r)).ShouldBe(2);
        });
        // S's February referral re-dated to May with another outcome; S's March record moved to February, so S is now met in February.
        await app.AvecDb(async db =>
        {
            var o = await db.Orientations.FirstAsync(x => x.BeneficiaireId == s && x.Date == new DateOnly(2031, 2, 15));
            (o.Date, o.Resultat) = (new DateOnly(2031, 5, 2), ResultatsOrientation.Aboutie);
            (await db.Activites.FirstAsync(a => a.BeneficiaireId == s && a.Date == new DateOnly(2031, 3, 1))).Date = new DateOnly(2031, 2, 27);
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
        });
        // R's February referral moved to S, R's January record deleted; folded one mark at a time.
        await app.AvecDb(async db =>
        {
            (await db.Orientations.FirstAsync(x => x.BeneficiaireId == r && x.Date == new DateOnly(2031, 2, 14))).BeneficiaireId = s;
            db.Activites.Remove(await db.Activites.FirstAsync(a => a.BeneficiaireId == r && a.Date == new DateOnly(2031, 1, 5)));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux, unParUn: true);
            await DeReconstructionAsync(db);
        });
    }

    [Fact]
    public async Task Fusion_anonymisation_et_suppression_de_fiches_deplacent_les_faits()
    {
        var (lieux, personnes) = await SemerAsync(app, 47);
        int t = 0, u = 0, v = 0, structure = 0;
        await app.AvecDb(async db =>
        {
            var mediateur = (await db.Activites.FirstAsync(a => a.Notes == "faits")).MediateurId;
            structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            (t, u, v) = ((await FicheAsync(db, structure, "Gardee")).Id, (await FicheAsync(db, structure, "Absorbee")).Id, (await FicheAsync(db, structure, "Jamais vue")).Id);
            db.Activites.AddRange(Individuel(mediateur, t, new DateOnly(2031, 2, 3), lieux[0]), Individuel(mediateur, u, new DateOnly(2031, 4, 9), lieux[1]),
                Individuel(mediateur, u, new DateOnly(2031, 1, 9), lieux[2]));
            // Both files diagnosed on the same skills, on the same day and on others; each referred.
            foreach (var (personne, jour, n) in new[] { (t, 5, 0), (u, 5, 2), (t, 20, 3), (u, 1, 1), (v, 2, 0), (v, 9, 3) })
                db.Diagnostics.Add(new Diagnostic { BeneficiaireId = personne, Date = new DateOnly(2031, 3, jour),
                    Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = n }, new NiveauCompetence { Competence = "1.2", Niveau = 3 - n }] });
            db.Orientations.AddRange(Orientee(t, new DateOnly(2031, 2, 10), ResultatsOrientation.Aboutie), Orientee(u, new DateOnly(2031, 3, 10), ResultatsOrientation.RefuseeCapacite),
                Orientee(v, new DateOnly(2031, 2, 11), ResultatsOrientation.Aboutie));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            await ToutComparerAsync(db, lieux);
        });
        // U merged into T: U's records, diagnostics and referral move over.
        await app.AvecDb(async db =>
        {
            var qui = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test")], "test"));
            await FusionnerFiches.ExecuterAsync(db, [structure], t, u, qui, TimeProvider.System, CancellationToken.None);
            await ComparerEtReplierAsync(db, lieux);
            (await db.Set<ProgressionPersonne>().CountAsync(x => x.BeneficiaireId == u)).ShouldBe(0);
            (await ProgressionAsync(db, t, "1.1")).ShouldSatisfyAllConditions(x => x!.Premier.ShouldBe(1), x => x!.Dernier.ShouldBe(3));
        });
        // The retention job anonymises every followed file without activity for 24 months (the seeded ones: never any), and a file
        // never met is deleted with its diagnostics and referral (cascade); folded one mark at a time.
        await app.AvecDb(async db =>
        {
            (await AnonymiserFiches.ExecuterAsync(db, TimeProvider.System, 24, CancellationToken.None)).ShouldBeGreaterThan(0);
            db.Beneficiaires.Remove(await db.Beneficiaires.FirstAsync(b => b.Id == v));
            await db.SaveChangesAsync();
            (await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).ToListAsync()).ShouldContain(v);
            await ComparerEtReplierAsync(db, lieux, unParUn: true);
            (await db.Set<ProgressionPersonne>().CountAsync(x => x.BeneficiaireId == v)).ShouldBe(0);
            await DeReconstructionAsync(db);
        });
    }
    [Fact]
    public async Task Une_fusion_repliee_a_travers_deux_lots_de_personnes_garde_les_orientations()
    {
        var (lieux, personnes) = await SemerAsync(app, 53);
        int a = 0, b = 0, c = 0, d = 0, structure = 0;
        await app.AvecDb(async db =>
        {
            var mediateur = (await db.Activites.FirstAsync(x => x.Notes == "faits")).MediateurId;
            structure = await db.Beneficiaires.Where(x => x.Id == personnes[0]).Select(x => x.StructureId).FirstAsync();
            (a, b, c, d) = ((await FicheAsync(db, structure, "Absorbee1")).Id, (await FicheAsync(db, structure, "Gardee1")).Id,
                (await FicheAsync(db, structure, "Absorbee2")).Id, (await FicheAsync(db, structure, "Gardee2")).Id);
            foreach (var (personne, date, lieu) in new[] { (a, new DateOnly(2031, 2, 4), lieux[0]), (b, new DateOnly(2031, 3, 4), lieux[1]),
                (c, new DateOnly(2031, 5, 4), lieux[2]), (d, new DateOnly(2031, 1, 4), lieux[0]) })
                db.Activites.Add(Individuel(mediateur, personne, date, lieu));
            db.Orientations.AddRange(Orientee(a, new DateOnly(2031, 2, 10), ResultatsOrientation.Aboutie), Orientee(c, new DateOnly(2031, 3, 10), ResultatsOrientation.NonAboutie));
            // Files never met, only there to fill the fold's first batch of 1 000 people.
            db.Beneficiaires.AddRange(Enumerable.Range(0, 1100).Select(i => new Beneficiaire { StructureId = structure, Genre = "Féminin", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow }));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
        });
        // Marks in this order: the first absorbed file and the second kept one, 1 100 others, then the merges; so each merge's two
        // files are folded in different batches of the same fold, the absorbed one first in one pair, last in the other.
        await app.AvecDb(async db =>
        {
            foreach (var id in new[] { a, d })
            {
                (await db.Beneficiaires.FirstAsync(x => x.Id == id)).Statut = "Retraité";
                await db.SaveChangesAsync();
            }
            foreach (var x in await db.Beneficiaires.Where(x => x.StructureId == structure && x.Nom == null && x.Genre == "Féminin").ToListAsync()) x.Genre = "Masculin";
            await db.SaveChangesAsync();
            var qui = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test")], "test"));
            await FusionnerFiches.ExecuterAsync(db, [structure], b, a, qui, TimeProvider.System, CancellationToken.None);
            await FusionnerFiches.ExecuterAsync(db, [structure], d, c, qui, TimeProvider.System, CancellationToken.None);
        });
        await app.AvecDb(async db =>
        {
            (await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).Distinct().CountAsync()).ShouldBeGreaterThan(1100);
            await ComparerEtReplierAsync(db, lieux);
            (await db.Set<OrientationPersonne>().AsNoTracking().Where(o => o.BeneficiaireId == b || o.BeneficiaireId == d).CountAsync()).ShouldBe(2);
            await DeReconstructionAsync(db);
        });
    }
    [Fact]
    public async Task Une_periode_aux_bornes_du_calendrier_se_lit_dans_les_faits_sans_erreur()
    {
        var (lieux, personnes) = await SemerAsync(app, 59);
        await app.AvecDb(async db =>
        {
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            // The last day of the calendar ends a whole month: the facts answer, as for any other month's end.
            var bornes = new[] { (new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31)), (new DateOnly(2031, 1, 1), new DateOnly(9999, 12, 31)) };
            foreach (var (du, au) in bornes)
            {
                LectureFaits.Admis(new(du, au, null, null, null, null, null, null)).ShouldBeTrue();
                await ComparerAsync(db, new(du, au, null, null, null, null, null, null));
                await ComparerAsync(db, new(du, au, null, null, "Faitville", null, null, null));
            }
            // Pending marks: a record of the first person moved, a diagnostic added.
            var a = await db.Activites.FirstAsync(x => x.BeneficiaireId == personnes[0]);
            a.Date = new DateOnly(2031, 6, 30);
            db.Diagnostics.Add(new Diagnostic { BeneficiaireId = personnes[0], Date = new DateOnly(2031, 6, 1), Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = 3 }] });
            await db.SaveChangesAsync();
            foreach (var (du, au) in bornes) await ComparerAsync(db, new(du, au, lieux[0], null, null, null, null, null));
        });
    }
    [Fact]
    public async Task Une_personne_rencontree_seulement_en_atelier_compte_ses_orientations_et_ses_competences()
    {
        var (lieux, personnes) = await SemerAsync(app, 61);
        int w = 0, atelier = 0;
        await app.AvecDb(async db =>
        {
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            w = (await FicheAsync(db, structure, "Atelier")).Id;
            atelier = (await db.Activites.FirstAsync(a => a.Notes == "faits" && a.Type == VocabulaireCoop.Collectif && a.Date.Month == 2 && a.LieuId == lieux[0])).Id;
            db.Orientations.Add(Orientee(w, new DateOnly(2031, 2, 20), ResultatsOrientation.Aboutie));
            foreach (var (jour, n) in new[] { (1, 1), (1, 2) })
                db.Diagnostics.Add(new Diagnostic { BeneficiaireId = w, Date = new DateOnly(2031, 1, jour), Niveaux = [new NiveauCompetence { Competence = "2.1", Niveau = n }] });
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
        });
        // W joins a February workshop as a named participant: met there only.
        await app.AvecDb(async db =>
        {
            db.ParticipantsActivites.Add(new ParticipantActivite { ActiviteId = atelier, BeneficiaireId = w });
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
            (await db.Set<OrientationPersonne>().CountAsync(o => o.BeneficiaireId == w)).ShouldBe(1);
        });
        // The participation removed: W is met nowhere again.
        await app.AvecDb(async db =>
        {
            db.ParticipantsActivites.Remove(await db.ParticipantsActivites.FirstAsync(p => p.ActiviteId == atelier && p.BeneficiaireId == w));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, lieux);
            (await db.Set<OrientationPersonne>().CountAsync(o => o.BeneficiaireId == w)).ShouldBe(0);
            await DeReconstructionAsync(db);
        });
    }
}
