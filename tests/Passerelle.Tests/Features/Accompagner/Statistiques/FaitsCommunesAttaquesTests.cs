using System.Security.Claims;
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

/// <summary>Decision 0035, layout 4, under attack (a review of 2026-12-03): records with both a place and a typed commune, in the same
/// commune or two; places created then used, moved twice before the job, moved and moved back, emptied of their commune, deleted; files
/// merged across communes; a file deleted; referrals of a person met in a commune in some months and elsewhere in others; typed communes
/// differing by accents, hyphens and apostrophes, or normalized to nothing. After each change the dashboard read from the facts (people
/// facts answering, asserted) prints as the one from the records for the communes involved over ranges open or not, while the marks are
/// pending and after the fold (all at once or one mark at a time); the folded rows equal a rebuild's. Both databases.</summary>
public class FaitsCommunesAttaquesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Six ranges per commune: the year, February alone, March–April, open before March's end, open from April, fully open;
    /// and the whole territory's year.</summary>
    static IEnumerable<FiltresStatistiques> Vues(params string[] communes) => communes.SelectMany(c => new FiltresStatistiques[]
    {
        new(new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31), null, null, c, null, null, null),
        new(new DateOnly(2031, 2, 1), new DateOnly(2031, 2, 28), null, null, c, null, null, null),
        new(new DateOnly(2031, 3, 1), new DateOnly(2031, 4, 30), null, null, c, null, null, null),
        new(null, new DateOnly(2031, 3, 31), null, null, c, null, null, null),
        new(new DateOnly(2031, 4, 1), null, null, null, c, null, null, null),
        new(null, null, null, null, c, null, null, null),
    }).Append(new(new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31), null, null, null, null, null, null));

    static async Task ToutComparerAsync(AppDbContext db, params string[] communes)
    {
        foreach (var f in Vues(communes)) await ComparerAsync(db, f);
    }

    /// <summary>Compares with the marks pending, folds (all at once, or one cell mark and one person mark at a time when
    /// <paramref name="unParUn"/>, comparing after each pass), compares again and checks the fold against a rebuild.</summary>
    static async Task ComparerEtReplierAsync(AppDbContext db, string[] communes, bool unParUn = false)
    {
        await ToutComparerAsync(db, communes);
        if (unParUn)
            while (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None, lot: 1) > 0) await ToutComparerAsync(db, communes);
        else while (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None) > 0) { }
        (await db.Set<MarqueFaits>().CountAsync()).ShouldBe(0);
        (await db.Set<MarquePersonne>().CountAsync()).ShouldBe(0);
        await ToutComparerAsync(db, communes);
        await DeReconstructionAsync(db);
    }

    /// <summary>The class a commune view reads (null: the presences).</summary>
    static async Task<string?> ClasseAsync(AppDbContext db, string commune)
    {
        var n = Passerelle.Web.Texte.Normaliser(commune);
        var lieux = await db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => l.Id).ToListAsync();
        return await LectureCommunes.ClasseAsync(db, n, commune.Trim(), lieux, CancellationToken.None);
    }

    static Activite Individuel(int mediateur, int personne, DateOnly date, int? lieu, string? commune = null) => new()
    {
        MediateurId = mediateur, Type = VocabulaireCoop.Individuel, Date = date, DureeMinutes = 30,
        TypeLieu = lieu is null ? VocabulaireCoop.AutreLieu : VocabulaireCoop.LieuActivite, LieuId = lieu, Commune = commune, BeneficiaireId = personne,
        Notes = "attaque communes", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
    };

    static Orientation Orientee(int personne, DateOnly date, string resultat) => new()
    {
        BeneficiaireId = personne, Date = date, Categorie = "Autre", Destinataire = "Service test", Motif = "attaque", Resultat = resultat,
    };

    static Diagnostic Diagnostique(int personne, DateOnly date, int niveau) => new()
    {
        BeneficiaireId = personne, Date = date, Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = niveau }, new NiveauCompetence { Competence = "2.1", Niveau = 3 - niveau }],
    };

    /// <summary>Files of various attributes (gender, birth year, status, QPV situation), added and saved.</summary>
    static async Task<int[]> FichesAsync(AppDbContext db, int structure, int n)
    {
        var qpv = await db.Set<Qpv>().Select(q => q.Code).FirstAsync();
        var fiches = Enumerable.Range(0, n).Select(i => new Beneficiaire
        {
            StructureId = structure, Suivi = i % 2 == 0, Nom = i % 2 == 0 ? $"Attaque{i}" : null, ConsentementLe = i % 2 == 0 ? DateTime.UtcNow : null,
            Genre = i % 3 == 0 ? "Féminin" : i % 3 == 1 ? "Masculin" : VocabulaireCoop.NonCommunique, AnneeNaissance = i % 4 == 0 ? null : 1950 + 7 * i,
            Statut = i % 2 == 0 ? "Retraité" : VocabulaireCoop.StatutNonCommunique, CodeQpv = i % 3 == 0 ? qpv : null, Commune = i % 3 == 2 ? null : "Quelque part",
            CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow, DerniereActiviteLe = DateTime.UtcNow,
        }).ToList();
        db.Beneficiaires.AddRange(fiches);
        await db.SaveChangesAsync();
        return fiches.Select(f => f.Id).ToArray();
    }

    static async Task<(int Mediateur, int Structure)> ContexteAsync(AppDbContext db, int[] personnes) =>
        ((await db.Activites.FirstAsync(a => a.Notes == "faits")).MediateurId, await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync());

    static async Task DeplacerAsync(AppDbContext db, int lieu, string commune)
    {
        var l = await db.Lieux.FirstAsync(x => x.Id == lieu);
        l.Commune = commune;
        l.CommuneRecherche = Passerelle.Web.Texte.Normaliser(commune);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Un_compte_rendu_a_un_lieu_et_a_une_commune_saisie_compte_dans_les_deux_classes()
    {
        var (_, seme) = await SemerAsync(app, 71);
        string[] communes = ["Sèvres", "Meudon"];
        int s1 = (await Scenario.LieuAsync(app, "Sèvres", "92310")).Id, m1 = (await Scenario.LieuAsync(app, "Meudon", "92190")).Id;
        int[] p = [];
        var mediateur = 0;
        await app.AvecDb(async db =>
        {
            int structure;
            (mediateur, structure) = await ContexteAsync(db, seme);
            p = await FichesAsync(db, structure, 7);
            db.Activites.AddRange(
                Individuel(mediateur, p[0], new DateOnly(2031, 1, 10), m1, "Sèvres"), Individuel(mediateur, p[0], new DateOnly(2031, 3, 10), s1),
                Individuel(mediateur, p[1], new DateOnly(2031, 2, 10), s1, "Sèvres"),
                Individuel(mediateur, p[2], new DateOnly(2031, 2, 11), null, "Sèvres"), Individuel(mediateur, p[2], new DateOnly(2031, 5, 11), m1),
                Individuel(mediateur, p[3], new DateOnly(2031, 4, 12), m1),
                Individuel(mediateur, p[4], new DateOnly(2031, 3, 13), m1, "Meudon"), Individuel(mediateur, p[4], new DateOnly(2031, 3, 20), s1, "Meudon"));
            db.Orientations.AddRange(Orientee(p[0], new DateOnly(2031, 2, 1), ResultatsOrientation.Aboutie), Orientee(p[2], new DateOnly(2031, 4, 2), ResultatsOrientation.NonAboutie),
                Orientee(p[3], new DateOnly(2031, 1, 3), ResultatsOrientation.EnAttente), Orientee(p[4], new DateOnly(2031, 6, 4), ResultatsOrientation.Inconnu));
            db.Diagnostics.AddRange(Diagnostique(p[0], new DateOnly(2031, 1, 5), 0), Diagnostique(p[0], new DateOnly(2031, 4, 5), 2),
                Diagnostique(p[4], new DateOnly(2031, 2, 5), 3), Diagnostique(p[4], new DateOnly(2031, 5, 5), 1));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ClasseAsync(db, "Sèvres")).ShouldBe("sevres");
            (await ClasseAsync(db, "Meudon")).ShouldBe("meudon");
            await ToutComparerAsync(db, communes);
        });
        // Pending: the typed commune of one record moved to the other commune, one record moved to the other place with its typed commune
        // kept, a new person at a place of one commune typing the other, a file changed, a referral re-dated.
        await app.AvecDb(async db =>
        {
            (await db.Activites.FirstAsync(a => a.BeneficiaireId == p[0] && a.LieuId == m1)).Commune = "Meudon";
            (await db.Activites.FirstAsync(a => a.BeneficiaireId == p[1])).LieuId = m1;
            db.Activites.Add(Individuel(mediateur, p[5], new DateOnly(2031, 6, 1), s1, "Meudon"));
            var f = await db.Beneficiaires.FirstAsync(b => b.Id == p[3]);
            (f.Genre, f.AnneeNaissance) = ("Féminin", 1990);
            (await db.Orientations.FirstAsync(o => o.BeneficiaireId == p[2])).Date = new DateOnly(2031, 2, 20);
            await db.SaveChangesAsync();
            (await ClasseAsync(db, "Sèvres")).ShouldBe("sevres");
            (await ClasseAsync(db, "Meudon")).ShouldBe("meudon");
            await ComparerEtReplierAsync(db, communes);
            (await ClasseAsync(db, "Sèvres")).ShouldBe("sevres");
            (await ClasseAsync(db, "Meudon")).ShouldBe("meudon");
        });
        // Pending: another spelling of Sèvres typed at a place of Meudon by a person met at a place of Sèvres; the class still answers
        // while it is pending (corrected from the records), then reads the presences once the spelling is folded.
        await app.AvecDb(async db =>
        {
            db.Activites.Add(Individuel(mediateur, p[1], new DateOnly(2031, 4, 1), m1, "SÈVRES"));
            db.Activites.Add(Individuel(mediateur, p[6], new DateOnly(2031, 2, 2), null, "SÈVRES"));
            await db.SaveChangesAsync();
            (await ClasseAsync(db, "Sèvres")).ShouldBe("sevres");
            await ComparerEtReplierAsync(db, communes, unParUn: true);
            (await ClasseAsync(db, "Sèvres")).ShouldBeNull("une autre graphie a été saisie");
            (await ClasseAsync(db, "Meudon")).ShouldBe("meudon");
        });
    }

    [Fact]
    public async Task Un_lieu_cree_deplace_deux_fois_vide_puis_supprime_garde_les_vues_exactes()
    {
        var (_, seme) = await SemerAsync(app, 73);
        string[] communes = ["Chaville", "Viroflay", "Vélizy"];
        int c1 = (await Scenario.LieuAsync(app, "Chaville", "92370")).Id, v1 = (await Scenario.LieuAsync(app, "Viroflay", "78220")).Id;
        int[] p = [];
        int mediateur = 0, nouveau = 0;
        await app.AvecDb(async db =>
        {
            int structure;
            (mediateur, structure) = await ContexteAsync(db, seme);
            p = await FichesAsync(db, structure, 5);
            db.Activites.AddRange(Individuel(mediateur, p[0], new DateOnly(2031, 1, 10), c1), Individuel(mediateur, p[0], new DateOnly(2031, 3, 10), v1),
                Individuel(mediateur, p[1], new DateOnly(2031, 2, 10), c1, "Viroflay"), Individuel(mediateur, p[2], new DateOnly(2031, 4, 10), v1));
            db.Orientations.AddRange(Orientee(p[0], new DateOnly(2031, 2, 1), ResultatsOrientation.Aboutie), Orientee(p[1], new DateOnly(2031, 3, 2), ResultatsOrientation.NonAboutie),
                Orientee(p[3], new DateOnly(2031, 5, 2), ResultatsOrientation.Aboutie));
            db.Diagnostics.AddRange(Diagnostique(p[2], new DateOnly(2031, 1, 5), 0), Diagnostique(p[2], new DateOnly(2031, 4, 5), 2));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            await ToutComparerAsync(db, communes);
        });
        // A place created in Chaville after the rebuild, used by a known person and a new one: pending, the class answers.
        nouveau = (await Scenario.LieuAsync(app, "Chaville", "92370")).Id;
        await app.AvecDb(async db =>
        {
            db.Activites.AddRange(Individuel(mediateur, p[2], new DateOnly(2031, 5, 3), nouveau), Individuel(mediateur, p[3], new DateOnly(2031, 2, 3), nouveau),
                Individuel(mediateur, p[3], new DateOnly(2031, 6, 3), nouveau, "Vélizy"));
            await db.SaveChangesAsync();
            (await ClasseAsync(db, "Chaville")).ShouldBe("chaville");
            await ComparerEtReplierAsync(db, communes);
            (await db.Set<ClasseLieu>().SingleAsync(c => c.LieuId == nouveau)).Classe.ShouldBe("chaville");
            (await ClasseAsync(db, "Chaville")).ShouldBe("chaville");
            (await ClasseAsync(db, "Vélizy")).ShouldBe("velizy");
        });
        // The new place moved twice before the job (Chaville → Viroflay → Vélizy) and used again meanwhile; folded a mark at a time.
        await app.AvecDb(async db =>
        {
            await DeplacerAsync(db, nouveau, "Viroflay");
            db.Activites.Add(Individuel(mediateur, p[4], new DateOnly(2031, 3, 3), nouveau));
            await db.SaveChangesAsync();
            await DeplacerAsync(db, nouveau, "Vélizy");
            (await ClasseAsync(db, "Chaville")).ShouldBeNull();
            (await ClasseAsync(db, "Vélizy")).ShouldBeNull();
            (await ClasseAsync(db, "Viroflay")).ShouldBe("viroflay");
            await ComparerEtReplierAsync(db, communes, unParUn: true);
            (await ClasseAsync(db, "Chaville")).ShouldBe("chaville");
            (await ClasseAsync(db, "Vélizy")).ShouldBe("velizy");
        });
        // A place moved and moved back before the job: nothing to do, the classes answer throughout.
        await app.AvecDb(async db =>
        {
            await DeplacerAsync(db, c1, "Viroflay");
            await DeplacerAsync(db, c1, "Chaville");
            (await ClasseAsync(db, "Chaville")).ShouldBe("chaville");
            await ToutComparerAsync(db, communes);
        });
        // A place's commune emptied, then given back another commune.
        await app.AvecDb(async db =>
        {
            await DeplacerAsync(db, v1, "");
            db.Activites.Add(Individuel(mediateur, p[1], new DateOnly(2031, 5, 20), v1));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, communes, unParUn: true);
            (await ClasseAsync(db, "Viroflay")).ShouldBe("viroflay");
            await DeplacerAsync(db, v1, "Chaville");
            await ToutComparerAsync(db, communes);
            while (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None, lot: 1) > 0) await ToutComparerAsync(db, communes);
            await ToutComparerAsync(db, communes);
            await DeReconstructionAsync(db);
        });
        // The new place's records deleted, then the place itself, before the job.
        await app.AvecDb(async db =>
        {
            db.Activites.RemoveRange(await db.Activites.Where(a => a.LieuId == nouveau).ToListAsync());
            await db.SaveChangesAsync();
            db.Lieux.Remove(await db.Lieux.FirstAsync(l => l.Id == nouveau));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, communes);
            (await db.Set<ClasseLieu>().CountAsync(c => c.LieuId == nouveau)).ShouldBe(0);
            (await ClasseAsync(db, "Vélizy")).ShouldBe("velizy");
        });
    }

    [Fact]
    public async Task Une_fusion_entre_deux_communes_et_les_mois_les_plus_proches_des_orientations()
    {
        var (_, seme) = await SemerAsync(app, 79);
        string[] communes = ["Clamart", "Vanves"];
        int k1 = (await Scenario.LieuAsync(app, "Clamart", "92140")).Id, w1 = (await Scenario.LieuAsync(app, "Vanves", "92170")).Id;
        int t = 0, u = 0, v = 0, mediateur = 0, structure = 0;
        await app.AvecDb(async db =>
        {
            (mediateur, structure) = await ContexteAsync(db, seme);
            var p = await FichesAsync(db, structure, 3);
            (t, u, v) = (p[0], p[1], p[2]);
            // T met in Clamart in January and May, in Vanves in March; U in Vanves in February and typed Clamart in April.
            db.Activites.AddRange(Individuel(mediateur, t, new DateOnly(2031, 1, 10), k1), Individuel(mediateur, t, new DateOnly(2031, 5, 10), k1),
                Individuel(mediateur, t, new DateOnly(2031, 3, 10), w1), Individuel(mediateur, u, new DateOnly(2031, 2, 10), w1),
                Individuel(mediateur, u, new DateOnly(2031, 4, 10), null, "Clamart"));
            // Referrals in months met in one commune, in the other, in none.
            db.Orientations.AddRange(Orientee(t, new DateOnly(2031, 2, 14), ResultatsOrientation.Aboutie), Orientee(t, new DateOnly(2031, 3, 14), ResultatsOrientation.NonAboutie),
                Orientee(t, new DateOnly(2031, 4, 14), ResultatsOrientation.EnAttente), Orientee(t, new DateOnly(2031, 6, 14), ResultatsOrientation.Inconnu),
                Orientee(u, new DateOnly(2031, 1, 14), ResultatsOrientation.Aboutie), Orientee(u, new DateOnly(2031, 3, 15), ResultatsOrientation.RefuseeCapacite),
                Orientee(v, new DateOnly(2031, 2, 16), ResultatsOrientation.Aboutie));
            db.Diagnostics.AddRange(Diagnostique(t, new DateOnly(2031, 1, 5), 0), Diagnostique(u, new DateOnly(2031, 2, 5), 3), Diagnostique(u, new DateOnly(2031, 4, 5), 1));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ClasseAsync(db, "Clamart")).ShouldBe("clamart");
            (await ClasseAsync(db, "Vanves")).ShouldBe("vanves");
            await ToutComparerAsync(db, communes);
        });
        // U merged into T: U's records, referrals and diagnostics move over, across the two communes.
        await app.AvecDb(async db =>
        {
            var qui = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test")], "test"));
            await FusionnerFiches.ExecuterAsync(db, [structure], t, u, qui, TimeProvider.System, CancellationToken.None);
            await ComparerEtReplierAsync(db, communes, unParUn: true);
        });
        // T's March record moved from Vanves to a typed Clamart; a referral re-dated into a month met only in Vanves; V (never met) deleted.
        await app.AvecDb(async db =>
        {
            var mars = await db.Activites.FirstAsync(a => a.BeneficiaireId == t && a.LieuId == w1 && a.Date == new DateOnly(2031, 3, 10));
            (mars.LieuId, mars.Commune, mars.TypeLieu) = (null, "Clamart", VocabulaireCoop.AutreLieu);
            (await db.Orientations.FirstAsync(o => o.BeneficiaireId == t && o.Date == new DateOnly(2031, 6, 14))).Date = new DateOnly(2031, 2, 28);
            db.Beneficiaires.Remove(await db.Beneficiaires.FirstAsync(b => b.Id == v));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, communes);
        });
        // T's file deleted with all its records (as a retention purge would): every row of T leaves both classes.
        await app.AvecDb(async db =>
        {
            db.Activites.RemoveRange(await db.Activites.Where(a => a.BeneficiaireId == t).ToListAsync());
            db.Orientations.RemoveRange(await db.Orientations.Where(o => o.BeneficiaireId == t).ToListAsync());
            db.Diagnostics.RemoveRange(await db.Diagnostics.Where(d => d.BeneficiaireId == t).ToListAsync());
            await db.SaveChangesAsync();
            db.Beneficiaires.Remove(await db.Beneficiaires.FirstAsync(b => b.Id == t));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, communes, unParUn: true);
            (await db.Set<ApportCommune>().CountAsync(a => a.BeneficiaireId == t)).ShouldBe(0);
            (await db.Set<OrientationCommune>().CountAsync(o => o.BeneficiaireId == t)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task Accents_traits_d_union_apostrophes_et_communes_vides_a_la_saisie()
    {
        var (_, seme) = await SemerAsync(app, 83);
        string[] communes = ["L'Haÿ-les-Roses", "L'Hay-les-Roses", "l hay les roses", "Orsày", "Orsay", "---", " Orsay ", "Nullepart"];
        var h1 = (await Scenario.LieuAsync(app, "L'Haÿ-les-Roses", "94240")).Id;
        int[] p = [];
        var mediateur = 0;
        await app.AvecDb(async db =>
        {
            int structure;
            (mediateur, structure) = await ContexteAsync(db, seme);
            p = await FichesAsync(db, structure, 6);
            db.Activites.AddRange(Individuel(mediateur, p[0], new DateOnly(2031, 1, 10), h1), Individuel(mediateur, p[1], new DateOnly(2031, 2, 10), null, "L'Haÿ-les-Roses"),
                Individuel(mediateur, p[2], new DateOnly(2031, 3, 10), null, "Orsay"), Individuel(mediateur, p[3], new DateOnly(2031, 4, 10), null, "---"),
                Individuel(mediateur, p[3], new DateOnly(2031, 5, 10), h1, "  "), Individuel(mediateur, p[4], new DateOnly(2031, 2, 11), null, "'"));
            db.Orientations.AddRange(Orientee(p[1], new DateOnly(2031, 3, 1), ResultatsOrientation.Aboutie), Orientee(p[3], new DateOnly(2031, 4, 1), ResultatsOrientation.NonAboutie));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ClasseAsync(db, "L'Haÿ-les-Roses")).ShouldBe("l hay les roses");
            (await ClasseAsync(db, "L'Hay-les-Roses")).ShouldBeNull("saisie autrement que la graphie vue");
            (await ClasseAsync(db, "Orsay")).ShouldBe("orsay");
            (await ClasseAsync(db, " Orsay ")).ShouldBe("orsay");
            (await ClasseAsync(db, "Orsày")).ShouldBeNull();
            (await ClasseAsync(db, "---")).ShouldBeNull("une commune normalisée vide n'a pas de classe");
            (await ClasseAsync(db, "Nullepart")).ShouldBe("nullepart");
            await ToutComparerAsync(db, communes);
        });
        // Pending: a commune never seen typed for the first time, the accented spelling of Orsay typed, the curly apostrophe of L'Haÿ typed.
        await app.AvecDb(async db =>
        {
            db.Activites.AddRange(Individuel(mediateur, p[5], new DateOnly(2031, 3, 3), null, "Nullepart"), Individuel(mediateur, p[2], new DateOnly(2031, 4, 3), null, "Orsày"),
                Individuel(mediateur, p[0], new DateOnly(2031, 2, 3), null, "L’Haÿ-les-Roses"), Individuel(mediateur, p[4], new DateOnly(2031, 6, 3), h1, "Orsay"));
            await db.SaveChangesAsync();
            (await ClasseAsync(db, "Nullepart")).ShouldBe("nullepart");
            (await ClasseAsync(db, "Orsay")).ShouldBe("orsay");
            await ComparerEtReplierAsync(db, communes, unParUn: true);
            (await ClasseAsync(db, "Orsay")).ShouldBeNull();
            (await ClasseAsync(db, "L'Haÿ-les-Roses")).ShouldBeNull();
            (await ClasseAsync(db, "Nullepart")).ShouldBe("nullepart");
        });
    }

    [Fact]
    public async Task Une_commune_saisie_que_la_normalisation_allonge_au_dela_de_200_caracteres()
    {
        var (_, seme) = await SemerAsync(app, 89);
        // 70 Hangul syllables (within the record's 200 characters) decompose into 210 jamo: longer than a class may be.
        var longue = new string('각', 70);
        Passerelle.Web.Texte.Normaliser(longue).Length.ShouldBeGreaterThan(200);
        string[] communes = [longue, "Bagneux"];
        var b1 = (await Scenario.LieuAsync(app, "Bagneux", "92220")).Id;
        int[] p = [];
        var mediateur = 0;
        await app.AvecDb(async db =>
        {
            int structure;
            (mediateur, structure) = await ContexteAsync(db, seme);
            p = await FichesAsync(db, structure, 3);
            db.Activites.AddRange(Individuel(mediateur, p[0], new DateOnly(2031, 1, 10), null, longue), Individuel(mediateur, p[1], new DateOnly(2031, 2, 10), b1, longue),
                Individuel(mediateur, p[1], new DateOnly(2031, 4, 10), b1));
            db.Orientations.Add(Orientee(p[0], new DateOnly(2031, 1, 20), ResultatsOrientation.Aboutie));
            await db.SaveChangesAsync();
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            (await ClasseAsync(db, longue)).ShouldBeNull("pas de classe plus longue que la colonne");
            (await ClasseAsync(db, "Bagneux")).ShouldBe("bagneux");
            await ToutComparerAsync(db, communes);
        });
        await app.AvecDb(async db =>
        {
            db.Activites.Add(Individuel(mediateur, p[2], new DateOnly(2031, 3, 10), b1, longue));
            await db.SaveChangesAsync();
            await ComparerEtReplierAsync(db, communes);
        });
    }
}
