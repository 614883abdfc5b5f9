using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Statistiques.Faits;
using Passerelle.Features.Referentiels;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Statistiques;

/// <summary>Decisions 0032 and 0035: the dashboard read from the monthly and people facts equals the one computed from the records, on random records
/// (both databases), masked or not, before and after a change is folded into the facts.</summary>
public class FaitsStatistiquesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] Themes = ["E-mail", "Santé", "Bureautique", "Navigation sur internet", "Aide aux démarches administratives"];

    /// <summary>Random records over the first half of 2031 at three places (two in « Faitville »), typed communes (spelled two ways)
    /// or nowhere; people in or out of a QPV; workshops with anonymous and named participants and anonymous counts.</summary>
    internal static async Task<(int[] Lieux, int[] Personnes)> SemerAsync(AppFactory app, int graine) => await app.AvecDb(async db =>
    {
        var rnd = new Random(graine);
        var lieux = new[] { (await Scenario.LieuAsync(app, "Faitville", "13999")).Id, (await Scenario.LieuAsync(app, "Faitville", "13999")).Id,
            (await Scenario.LieuAsync(app, "Autreville", "13998")).Id };
        var structure = await Scenario.StructureAsync(app);
        var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Fait", Nom = "Mensuel" };
        db.Mediateurs.Add(m);
        var qpv = await db.Set<Qpv>().Select(q => q.Code).FirstOrDefaultAsync();
        if (qpv is null)
        {
            db.Set<Qpv>().Add(new Qpv { Code = "QN99999T", Nom = "Quartier test", Departement = "13", CodesInsee = "13999" });
            qpv = "QN99999T";
        }
        var personnes = Enumerable.Range(0, 30).Select(i => new Beneficiaire
        {
            StructureId = structure, Suivi = i % 3 == 0, Nom = i % 3 == 0 ? $"P{i}" : null, ConsentementLe = i % 3 == 0 ? DateTime.UtcNow : null, CodeQpv = i % 4 == 0 ? qpv : null,
            Commune = i % 5 == 0 ? null : "Faitville", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
        }).ToList();
        db.Beneficiaires.AddRange(personnes);
        await db.SaveChangesAsync();
        string? Un(string[] t, int pourcent) => rnd.Next(100) < pourcent ? t[rnd.Next(t.Length)] : null;
        for (var i = 0; i < 400; i++)
        {
            var collectif = rnd.Next(5) == 0;
            var ou = rnd.Next(6);
            var a = new Activite
            {
                MediateurId = m.Id, Type = collectif ? VocabulaireCoop.Collectif : VocabulaireCoop.Individuel, Date = new DateOnly(2031, 1 + rnd.Next(6), 1 + rnd.Next(28)),
                DureeMinutes = new[] { 15, 30, 45, 60, 90, 150 }[rnd.Next(6)], TypeLieu = ou < 3 ? VocabulaireCoop.LieuActivite : VocabulaireCoop.AutreLieu,
                LieuId = ou < 3 ? lieux[ou] : null, Commune = ou == 3 ? "Faitville" : ou == 4 ? "FAITVILLE" : null,
                Themes = rnd.Next(10) == 0 ? null : string.Join('|', Enumerable.Range(0, 1 + rnd.Next(2)).Select(_ => Themes[rnd.Next(Themes.Length)]).Distinct()),
                ThemesDemarches = Un(["Emploi", "Logement|Santé"], 20), Materiel = Un(["Ordinateur", "Téléphone|Tablette"], 70),
                Autonomie = collectif ? null : Un(VocabulaireCoop.Autonomie, 60), Etiquettes = Un(["Fibre", "Fibre|Été"], 20),
                Orientation = Un(VocabulaireCoop.Orientations, 20), ParticipantsAnonymes = collectif ? rnd.Next(0, 8) : 0,
                BeneficiaireId = !collectif && rnd.Next(3) > 0 ? personnes[rnd.Next(personnes.Count)].Id : null, Notes = "faits",
                CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
            };
            if (collectif)
            {
                foreach (var p in personnes.OrderBy(_ => rnd.Next()).Take(rnd.Next(0, 4))) a.Participants.Add(new ParticipantActivite { BeneficiaireId = p.Id });
                a.ParticipantsNommes = a.Participants.Count;
                if (a.ParticipantsAnonymes >= 2) a.Decomptes.Add(new DecompteAnonyme { Critere = DecompteAnonyme.Genre, Valeur = "Féminin", Nombre = 2 });
            }
            db.Activites.Add(a);
        }
        // Referral outcomes and skills diagnostics of some people (the people blocks count those of the people met).
        foreach (var (p, i) in personnes.Select((p, i) => (p, i)).Where(x => x.i % 2 == 0))
        {
            db.Orientations.Add(new Orientation { BeneficiaireId = p.Id, Date = new DateOnly(2031, 1 + rnd.Next(6), 1 + rnd.Next(28)), Categorie = "Autre", Destinataire = "Service test", Motif = "faits",
                Resultat = ResultatsOrientation.Tous[rnd.Next(ResultatsOrientation.Tous.Length)] });
            foreach (var jour in new[] { 3, 20 })
                db.Diagnostics.Add(new Diagnostic { BeneficiaireId = p.Id, Date = new DateOnly(2031, 1 + i % 6, jour),
                    Niveaux = [new NiveauCompetence { Competence = "1.1", Niveau = rnd.Next(4) }, new NiveauCompetence { Competence = "1.2", Niveau = rnd.Next(4) }] });
        }
        await db.SaveChangesAsync();
        return (lieux, personnes.Select(p => p.Id).ToArray());
    });

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Both computations for the filter, masked and not, must print the same; the facts must actually answer, the people facts
    /// too unless <paramref name="personnes"/> is false (then they must not: a layout-1 presence awaits its repair).</summary>
    internal static async Task ComparerAsync(AppDbContext db, FiltresStatistiques f, bool personnes = true)
    {
        (await LectureFaits.LireAsync(db, f, CancellationToken.None)).ShouldNotBeNull($"les faits répondent pour {f}");
        // Decision 0035: the people blocks come from the people facts, corrected at read time while marks are pending.
        var lu = await LecturePersonnes.LireAsync(db, f, new Tableau(), new Socle(0, 0, []), 2031, CancellationToken.None);
        (lu is not null).ShouldBe(personnes, $"les faits des personnes répondent pour {f}");
        foreach (var masquer in new[] { false, true })
        {
            var faits = await CalculStatistiques.CalculerAsync(db, f, masquer, TimeProvider.System, faits: true, CancellationToken.None);
            var brut = await CalculStatistiques.CalculerAsync(db, f, masquer, TimeProvider.System, faits: false, CancellationToken.None);
            JsonSerializer.Serialize(faits, Json).ShouldBe(JsonSerializer.Serialize(brut, Json), $"{f}, masqué : {masquer}");
        }
    }

    internal static IEnumerable<FiltresStatistiques> Filtres(int[] lieux) =>
    [
        new(new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 30), null, null, null, null, null, null),
        new(new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31), null, null, null, null, null, null),
        new(new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31), null, null, "Faitville", null, null, null),
        new(new DateOnly(2031, 2, 1), new DateOnly(2031, 4, 30), lieux[0], null, null, null, null, null),
        new(new DateOnly(2031, 2, 1), new DateOnly(2031, 2, 28), lieux[2], null, "Autreville", null, null, null),
        new(null, new DateOnly(2031, 4, 30), null, null, null, null, null, null),
        new(new DateOnly(2031, 4, 1), null, null, null, null, null, null, null),
        new(new DateOnly(2031, 2, 1), new DateOnly(2031, 5, 31), null, null, "FAITVILLE", null, null, null),
    ];

    [Fact]
    public async Task Les_faits_donnent_le_tableau_des_comptes_rendus_et_suivent_chaque_changement()
    {
        var (lieux, personnes) = await SemerAsync(app, 16);
        await app.AvecDb(async db =>
        {
            // The other test of the class may have built them: start from facts never built.
            await db.Set<FaitActivites>().ExecuteDeleteAsync();
            await db.Set<FaitPersonnes>().ExecuteDeleteAsync();
            (await LectureFaits.LireAsync(db, Filtres(lieux).First(), CancellationToken.None)).ShouldBeNull("pas de faits avant leur construction");
            (await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await db.Set<MarqueFaits>().CountAsync()).ShouldBe(0);
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            // The commune view's people blocks, from the people met selected once (presences of its places or typed commune).
            var commune = await CalculStatistiques.CalculerAsync(db, Filtres(lieux).ElementAt(2), false, TimeProvider.System, faits: true, CancellationToken.None);
            commune.ResultatsOrientations.ShouldNotBeEmpty();
            commune.Competences.ShouldNotBeEmpty();
            // Filters the facts cannot answer keep reading the records.
            LectureFaits.Admis(new(new DateOnly(2031, 1, 2), null, null, null, null, null, null, null)).ShouldBeFalse();
            LectureFaits.Admis(new(null, null, null, null, null, null, null, null, Qpv: true)).ShouldBeFalse();
        });
        // A record moved to another month and place, one deleted, a workshop added, a person moving into a QPV.
        await app.AvecDb(async db =>
        {
            var toutes = await db.Activites.Where(a => a.Notes == "faits").OrderBy(a => a.Id).ToListAsync();
            var deplace = toutes.First(a => a.Type == VocabulaireCoop.Individuel && a.LieuId == lieux[0] && a.Date.Month != 3);
            deplace.Date = new DateOnly(2031, 3, 10);
            deplace.LieuId = lieux[1];
            deplace.Themes = "Santé";
            db.Activites.Remove(toutes.First(a => a.Type == VocabulaireCoop.Collectif && a.Participants.Count == 0 && a.ParticipantsAnonymes > 0));
            db.Activites.Add(new Activite
            {
                MediateurId = deplace.MediateurId, Type = VocabulaireCoop.Collectif, Date = new DateOnly(2031, 3, 3), DureeMinutes = 120, TypeLieu = VocabulaireCoop.AutreLieu,
                Commune = "Faitville", Themes = "Bureautique", ParticipantsAnonymes = 9, ParticipantsNommes = 1, Notes = "faits",
                Participants = [new ParticipantActivite { BeneficiaireId = personnes[1] }], CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
            });
            var personne = await db.Beneficiaires.FindAsync(personnes[1]);
            personne!.CodeQpv = personne.CodeQpv is null ? await db.Set<Qpv>().Select(q => q.Code).FirstAsync() : null;
            // One person seen in two communes and two months (a place of Faitville in January, Autreville in May), another's
            // gender, birth year and status changed, a third's individual records deleted.
            var vue = await db.Beneficiaires.FindAsync(personnes[2]);
            foreach (var (date, lieu) in new[] { (new DateOnly(2031, 1, 20), lieux[0]), (new DateOnly(2031, 5, 5), lieux[2]) })
                db.Activites.Add(new Activite
                {
                    MediateurId = deplace.MediateurId, Type = VocabulaireCoop.Individuel, Date = date, DureeMinutes = 30, TypeLieu = VocabulaireCoop.LieuActivite,
                    LieuId = lieu, BeneficiaireId = vue!.Id, Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
                });
            var changee = await db.Beneficiaires.FindAsync(personnes[4]);
            changee!.Genre = changee.Genre == "Féminin" ? "Masculin" : "Féminin";
            changee.AnneeNaissance = changee.AnneeNaissance is null ? 1950 : null;
            changee.Statut = "Retraité";
            var effacee = toutes.Where(a => (a.BeneficiaireId == personnes[5] || a.BeneficiaireId == personnes[6]) && a.Participants.Count == 0).ToList();
            db.Activites.RemoveRange(effacee);
            await db.SaveChangesAsync();
        });
        await app.AvecDb(async db =>
        {
            (await db.Set<MarqueFaits>().CountAsync()).ShouldBeGreaterThan(0);
            (await db.Set<MarquePersonne>().Select(m => m.BeneficiaireId).ToListAsync()).ShouldContain(personnes[4]);
            // Pending: the marked cells are read from the records, the people they affect corrected from the records and files.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            // Above the bound, the people blocks read the records.
            (await CorrectionPersonnes.PreparerAsync(db, CancellationToken.None, plafond: 3)).ShouldBeNull();
            (await CorrectionPersonnes.PreparerAsync(db, CancellationToken.None)).ShouldNotBeNull();
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            (await db.Set<MarqueFaits>().CountAsync()).ShouldBe(0);
            (await db.Set<MarquePersonne>().CountAsync()).ShouldBe(0);
            // Folded: the stored facts alone give the records' figures, and the territory rows are the local rows' sums.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
        });
        // The attributes the presences carry: two new people, one first met at Autreville in January then at a place of Faitville in
        // March (met in the commune's February–May view, not new there), one first met at a place of Faitville in April (new there);
        // a person met at a place of Faitville in that view, whose records do not change, moving to the other gender and QPV situation.
        await app.AvecDb(async db =>
        {
            var vue = Filtres(lieux).Last();
            var avant = await CalculStatistiques.CalculerAsync(db, vue, false, TimeProvider.System, faits: true, CancellationToken.None);
            var modele = await db.Activites.FirstAsync(a => a.Notes == "faits");
            var structure = await db.Beneficiaires.Where(b => b.Id == personnes[0]).Select(b => b.StructureId).FirstAsync();
            var nouvelles = Enumerable.Range(0, 2).Select(_ => new Beneficiaire
            {
                StructureId = structure, Genre = "Féminin", Commune = "Faitville", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
            }).ToList();
            db.Beneficiaires.AddRange(nouvelles);
            await db.SaveChangesAsync();
            foreach (var (b, date, lieu) in new[] { (nouvelles[0], new DateOnly(2031, 1, 12), lieux[2]), (nouvelles[0], new DateOnly(2031, 3, 12), lieux[0]),
                (nouvelles[1], new DateOnly(2031, 4, 2), lieux[1]) })
                db.Activites.Add(new Activite
                {
                    MediateurId = modele.MediateurId, Type = VocabulaireCoop.Individuel, Date = date, DureeMinutes = 30, TypeLieu = VocabulaireCoop.LieuActivite,
                    LieuId = lieu, BeneficiaireId = b.Id, Notes = "faits", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
                });
            var changee = await db.Beneficiaires.FindAsync(await db.Set<PresencePersonne>()
                .Where(p => p.LieuId == lieux[0] && p.Mois >= new DateOnly(2031, 2, 1) && p.Mois <= new DateOnly(2031, 5, 1)).Select(p => p.BeneficiaireId).FirstAsync());
            var genre = changee!.Genre == "Masculin" ? "Féminin" : "Masculin";
            changee.Genre = genre;
            changee.CodeQpv = changee.CodeQpv is null ? await db.Set<Qpv>().Select(q => q.Code).FirstAsync() : null;
            changee.Commune = "Faitville";
            await db.SaveChangesAsync();
            // Pending, then folded: the new person first met elsewhere is met but not new in the commune's view either way.
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var pendant = await CalculStatistiques.CalculerAsync(db, vue, false, TimeProvider.System, faits: true, CancellationToken.None);
            (pendant.Beneficiaires, pendant.NouveauxBeneficiaires).ShouldBe((avant.Beneficiaires + 2, avant.NouveauxBeneficiaires + 1));
            (await MaintenanceFaits.RafraichirAsync(db, CancellationToken.None)).ShouldBeGreaterThan(0);
            foreach (var f in Filtres(lieux)) await ComparerAsync(db, f);
            var apres = await CalculStatistiques.CalculerAsync(db, vue, false, TimeProvider.System, faits: true, CancellationToken.None);
            (apres.Beneficiaires, apres.NouveauxBeneficiaires).ShouldBe((avant.Beneficiaires + 2, avant.NouveauxBeneficiaires + 1));
            (await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == changee.Id).Select(p => p.Genre).Distinct().ToListAsync()).ShouldBe([genre]);
            (await db.Set<PresencePersonne>().Where(p => p.BeneficiaireId == nouvelles[0].Id).Select(p => p.Premier).Distinct().ToListAsync())
                .ShouldBe([new DateOnly(2031, 1, 1)]);
        });
        await app.AvecDb(async db =>
        {
            // The people rows moved change by change are those a rebuild computes from scratch.
            await DeReconstructionAsync(db);
            var mars = new DateOnly(2031, 3, 1);
            var territoire = await db.Set<FaitActivites>().Where(x => x.Territoire && x.Mois == mars && x.Dimension == Dimensions.Type).SumAsync(x => x.Accompagnements);
            var locaux = await db.Set<FaitActivites>().Where(x => !x.Territoire && x.Mois == mars && x.Dimension == Dimensions.Type).SumAsync(x => x.Accompagnements);
            var enregistrements = (await db.Activites.Where(a => a.Date >= mars && a.Date < mars.AddMonths(1)).ToListAsync()).Sum(a => a.Accompagnements);
            (territoire, locaux).ShouldBe((enregistrements, enregistrements));
        });
    }

    /// <summary>The people facts as they are (gap rows, presences with what they carry, contributions, skills progressions, referral rows, and the same per
    /// commune class with the places' classes) must be those a rebuild writes, the spellings seen include the rebuild's; the rebuild is left in place.</summary>
    internal static async Task DeReconstructionAsync(AppDbContext db)
    {
        static async Task<List<string>> Lignes(AppDbContext db) => (await db.Set<FaitPersonnes>().AsNoTracking().ToListAsync())
            .Select(x => $"{x.Classe} {x.Avant} {x.Apres} {x.Dimension} {x.Valeur} {x.Personnes}")
            .Concat((await db.Set<PresencePersonne>().AsNoTracking().ToListAsync())
                .Select(x => $"{x.Mois} {x.LieuId} {x.Commune} {x.BeneficiaireId} {x.Premier} {x.Suivi} {x.Genre} {x.AnneeNaissance} {x.Statut} {x.Situation}"))
            .Concat((await db.Set<ApportPersonne>().AsNoTracking().ToListAsync())
                .Select(x => $"{x.BeneficiaireId} {x.Mois} {x.Premier} {x.Suivi} {x.Genre} {x.AnneeNaissance} {x.Statut} {x.Situation}"))
            .Concat((await db.Set<ProgressionPersonne>().AsNoTracking().ToListAsync()).Select(x => $"{x.BeneficiaireId} {x.Competence} {x.Premier} {x.Dernier}"))
            .Concat((await db.Set<OrientationPersonne>().AsNoTracking().ToListAsync()).Select(x => $"{x.OrientationId} {x.BeneficiaireId} {x.Mois} {x.Resultat} {x.Avant} {x.Apres}"))
            .Concat((await db.Set<ApportCommune>().AsNoTracking().ToListAsync()).Select(x => $"classe {x.BeneficiaireId} {x.Classe} {x.Mois}"))
            .Concat((await db.Set<OrientationCommune>().AsNoTracking().ToListAsync()).Select(x => $"{x.OrientationId} {x.Classe} {x.BeneficiaireId} {x.Mois} {x.Resultat} {x.Avant} {x.Apres}"))
            // The places' classes: a place never met may lack one after the fold (recorded at its first presence), the rebuild records every place.
            .Concat((await db.Set<ClasseLieu>().AsNoTracking().Where(c => db.Set<PresencePersonne>().Any(p => p.LieuId == c.LieuId)).ToListAsync()).Select(x => $"lieu {x.LieuId} {x.Classe}"))
            .Order().ToList();
        static async Task<List<string>> Graphies(AppDbContext db) => (await db.Set<GraphieCommune>().AsNoTracking().ToListAsync()).Select(x => $"{x.Classe} {x.Commune}").ToList();
        var suivies = await Lignes(db);
        var graphies = await Graphies(db);
        await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
        (await Lignes(db)).ShouldBe(suivies);
        // A spelling is kept once seen (no longer typed, it only sends its class's views to the presences): the rebuild's are among them.
        (await Graphies(db)).ShouldBeSubsetOf(graphies);
    }

    [Fact]
    public async Task Les_petites_cases_restent_masquees_avec_les_faits()
    {
        var (lieux, _) = await SemerAsync(app, 7);
        await app.AvecDb(async db =>
        {
            await MaintenanceFaits.ReconstruireAsync(db, CancellationToken.None);
            var f = new FiltresStatistiques(new DateOnly(2031, 2, 1), new DateOnly(2031, 2, 28), lieux[0], null, null, null, null, null);
            var t = await CalculStatistiques.CalculerAsync(db, f, masquer: true, TimeProvider.System, faits: true, CancellationToken.None);
            t.Masque.ShouldBeTrue();
            var brut = await CalculStatistiques.CalculerAsync(db, f, masquer: false, TimeProvider.System, faits: true, CancellationToken.None);
            // Every cell under 5 shown unmasked is masked on the shared view.
            foreach (var (l, i) in brut.ParTheme.Select((l, i) => (l, i)).Where(x => x.l.Accompagnements is > 0 and < 5))
                t.ParTheme.Single(x => x.Libelle == l.Libelle).Accompagnements.ShouldBeNull();
            brut.ParTheme.ShouldContain(l => l.Accompagnements < 5, "le jeu de test a de petites cases");
        });
    }
}
