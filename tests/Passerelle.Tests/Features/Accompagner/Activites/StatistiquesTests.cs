using System.Net;
using System.Net.Http.Json;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Comptes;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Activites;

public class StatistiquesTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task SemerAsync() => await app.AvecDb(async db =>
    {
        if (db.Activites.Any(a => a.Notes == "stat")) return;
        var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Stat", Nom = "Istique" };
        db.Mediateurs.Add(m);
        await db.SaveChangesAsync();
        Activite A(string type, DateOnly date, int duree, string themes, int participants = 0, string typeLieu = "À distance") => new()
        {
            MediateurId = m.Id, Type = type, Date = date, DureeMinutes = duree, TypeLieu = typeLieu, Themes = themes, ParticipantsAnonymes = participants, Notes = "stat",
            CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow,
        };
        db.Activites.AddRange(
            A(VocabulaireCoop.Collectif, new DateOnly(2025, 1, 15), 120, "Navigation sur internet", participants: 10, typeLieu: "Autre lieu"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 1, 20), 45, "Aide aux démarches administratives"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 2, 3), 20, "E-mail|Navigation sur internet"),
            A(VocabulaireCoop.Individuel, new DateOnly(2025, 2, 4), 60, "E-mail"));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Un_atelier_compte_ses_participants_et_les_filtres_s_appliquent()
    {
        await SemerAsync();
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var t = (await admin.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28"))!;
        t.Accompagnements.ShouldBe(13); // 10 participants + 3 individual accompaniments
        t.Ateliers.ShouldBe(1);
        t.ParMois.Select(m => (m.Libelle, m.Accompagnements)).ShouldBe([("2025-01", 11), ("2025-02", 2)]);
        t.ParTheme.Single(x => x.Libelle == "Navigation sur internet").Accompagnements.ShouldBe(11);
        t.ParDuree.Single(x => x.Libelle == "Moins de 30 min").Accompagnements.ShouldBe(1);
        t.Masque.ShouldBeFalse();
        var individuels = (await admin.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28&type=Accompagnement%20individuel&theme=E-mail"))!;
        individuels.Accompagnements.ShouldBe(2);
        (await admin.GetAsync("/api/v1/statistiques?qpv=QN01301M")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/statistiques?theme=Jardinage")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/statistiques?du=2025-03-01&au=2025-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Les_financeurs_et_la_page_publique_ne_voient_pas_les_petits_nombres()
    {
        await SemerAsync();
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var t = (await financeur.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2025-01-01&au=2025-02-28"))!;
        t.Masque.ShouldBeTrue();
        t.ParMois.Single(m => m.Libelle == "2025-02").Accompagnements.ShouldBeNull(); // 2 < 5: masked
        // With the total (13) shown, January alone would give February away by subtraction: it is masked too.
        t.Accompagnements.ShouldBe(13);
        t.ParMois.Single(m => m.Libelle == "2025-01").Accompagnements.ShouldBeNull();
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/statistiques/public?du=2025-01-01&au=2025-02-28");
        page.QuerySelector("#tableau-mois")!.TextContent.ShouldContain("moins de 5");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Istique");
        var csv = await (await app.ClientApiAsync(Roles.Administrateur)).GetStringAsync("/api/v1/statistiques.csv?du=2025-01-01&au=2025-02-28&type=Atelier%20collectif");
        csv.ShouldContain("\"du=2025-01-01\"");
        csv.ShouldContain("\"type=Atelier collectif\"");
        csv.ShouldContain("\"Total\",\"\",\"10\",\"1\"");
        // The funder's export writes masked cells empty with the reason, never -1.
        var csvFinanceur = await financeur.GetStringAsync("/api/v1/statistiques.csv?du=2025-01-01&au=2025-02-28");
        csvFinanceur.ShouldNotContain("\"-1\"");
        csvFinanceur.ShouldContain($"\"Mois\",\"2025-02\",\"\",\"\",\"{Secret.Note}\"");
    }

    /// <summary>Three months of 20, 30 and 3 accompaniments (2024): the public page shows the total, so the small month must not
    /// be recoverable as total − other months.</summary>
    [Fact]
    public async Task Un_petit_mois_ne_se_retrouve_pas_par_soustraction_sur_la_page_publique()
    {
        await app.AvecDb(async db =>
        {
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Sous", Nom = "Traction" };
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            foreach (var (mois, n) in new[] { (4, 20), (5, 30), (6, 3) })
                for (var i = 0; i < n; i++)
                    db.Activites.Add(new Activite { MediateurId = m.Id, Type = VocabulaireCoop.Individuel, Date = new DateOnly(2024, mois, 10), DureeMinutes = 30,
                        TypeLieu = "À distance", Themes = "E-mail", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/statistiques/public?du=2024-04-01&au=2024-06-30");
        int? Nombre(string? texte) => int.TryParse(new string((texte ?? "").Where(char.IsDigit).ToArray()), out var n) ? n : null;
        var total = Nombre(page.QuerySelector("#total-accompagnements")!.TextContent);
        total.ShouldBe(53);
        var cellules = page.QuerySelectorAll("#tableau-mois tbody tr").Select(tr => (Mois: tr.QuerySelector("th")!.TextContent, Valeur: Nombre(tr.QuerySelector("td")!.GetAttribute("data-valeur")))).ToList();
        var juin = cellules.Single(c => c.Mois == "2024-06");
        juin.Valeur.ShouldBeNull();
        page.QuerySelector("#tableau-mois")!.TextContent.ShouldContain("masqué");
        // The attacker's subtraction: total minus the months shown. It gives the sum of the masked months, not June's 3.
        var deduit = total!.Value - cellules.Where(c => c.Valeur is not null).Sum(c => c.Valeur!.Value);
        deduit.ShouldNotBe(3);
        cellules.Count(c => c.Valeur is null).ShouldBeGreaterThanOrEqualTo(2);
        // The team's dashboard still sees the exact figures.
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await admin.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2024-04-01&au=2024-06-30"))!.ParMois.Single(m => m.Libelle == "2024-06").Accompagnements.ShouldBe(3);
    }

    [Fact]
    public async Task Un_financeur_ne_restreint_ni_a_un_mediateur_ni_a_un_jour()
    {
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var parMediateur = await financeur.GetAsync("/api/v1/statistiques?du=2025-01-01&au=2025-03-31&mediateur=1");
        parMediateur.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await parMediateur.Content.ReadAsStringAsync()).ShouldContain("par médiateur");
        var unJour = await financeur.GetAsync("/api/v1/statistiques.csv?du=2025-01-15&au=2025-01-15");
        unJour.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unJour.Content.ReadAsStringAsync()).ShouldContain("au moins un mois");
        (await financeur.GetAsync("/api/v1/statistiques?du=2025-01-01&au=2025-01-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // At the calendar's end: the API bounds the start (1900–2199) with a French message, and the rule itself no longer adds a month
        // past 9999-12-31 (it overflowed, as the facts' whole-month check did: a reviewer's finding).
        var tard = await financeur.GetAsync("/api/v1/statistiques?du=9999-12-05&au=9999-12-31");
        tard.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tard.Content.ReadAsStringAsync()).ShouldContain("hors des limites");
        CalculStatistiques.MoinsDUnMois(new DateOnly(9999, 12, 1), new DateOnly(9999, 12, 31)).ShouldBeFalse();
        CalculStatistiques.MoinsDUnMois(new DateOnly(9999, 12, 1), new DateOnly(9999, 12, 30)).ShouldBeTrue();
        CalculStatistiques.MoinsDUnMois(new DateOnly(9999, 12, 5), new DateOnly(9999, 12, 31)).ShouldBeTrue();
        CalculStatistiques.MoinsDUnMois(new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 26)).ShouldBeTrue();
        CalculStatistiques.MoinsDUnMois(new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 27)).ShouldBeFalse();
        // The public page refuses a day too, with the message on the page.
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/statistiques/public?du=2025-01-15&au=2025-01-15");
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("au moins un mois");
        page.QuerySelector("#tableau-mois").ShouldBeNull();
        // The team keeps its detailed filters.
        (await (await app.ClientApiAsync(Roles.Administrateur)).GetAsync("/api/v1/statistiques?du=2025-01-15&au=2025-01-15&mediateur=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tableau = await Formulaires.PageAsync(await Formulaires.ConnecterAsync(app, Roles.Financeur), "/statistiques");
        tableau.QuerySelector("#mediateur").ShouldBeNull();
    }

    [Fact]
    public async Task Un_financeur_ne_voit_que_des_communes_du_referentiel()
    {
        await Scenario.LieuAsync(app, "Marseille", "13001");
        await app.AvecDb(async db =>
        {
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Com", Nom = "Mune" };
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            foreach (var commune in new[] { "marseille ", "Le mas de Jean Dupont" })
                db.Activites.Add(new Activite { MediateurId = m.Id, Type = VocabulaireCoop.Individuel, Date = new DateOnly(2023, 1, 10), DureeMinutes = 30,
                    TypeLieu = VocabulaireCoop.AutreLieu, Commune = commune, Themes = "E-mail", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var financeur = await app.ClientApiAsync(Roles.Financeur);
        var t = (await financeur.GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2023-01-01&au=2023-01-31"))!;
        t.ParCommune.Select(c => c.Libelle).OrderBy(x => x).ShouldBe([CalculStatistiques.AutreCommune, "Marseille"]);
        var equipe = (await (await app.ClientApiAsync(Roles.Administrateur)).GetFromJsonAsync<Tableau>("/api/v1/statistiques?du=2023-01-01&au=2023-01-31"))!;
        equipe.ParCommune.Select(c => c.Libelle).ShouldContain("Le mas de Jean Dupont");
    }
}

/// <summary>Secondary suppression, cell by cell.</summary>
public class SecretTests
{
    [Fact]
    public void Une_seule_cellule_masquee_entraine_la_plus_petite_des_autres()
    {
        // 426 = 3 + 200 + 223: masking 3 alone, 426 − 423 gives it back; 200 goes too.
        Secret.Masquer([3, 200, 223]).ShouldBe([true, true, false]);
    }

    [Fact]
    public void Rien_a_masquer_sans_petit_nombre()
    {
        Secret.Masquer([5, 200, 223]).ShouldBe([false, false, false]);
        Secret.Masquer([]).ShouldBeEmpty();
    }

    [Fact]
    public void Deux_cellules_masquees_suffisent_si_leur_somme_atteint_le_seuil()
    {
        Secret.Masquer([3, 4, 100]).ShouldBe([true, true, false]);
    }

    [Fact]
    public void Deux_petites_cellules_dont_la_somme_les_trahit_en_entrainent_une_troisieme()
    {
        // 1 + 1 = 2 from the total: two masked cells of at least 1 each are both 1. A third cell is masked.
        Secret.Masquer([1, 1, 50, 60]).ShouldBe([true, true, true, false]);
    }

    [Fact]
    public void Les_zeros_ne_protegent_rien()
    {
        // The zero cell tells nothing and hides nothing: the 2 is masked with the smallest non-zero cell.
        Secret.Masquer([2, 0, 9, 40]).ShouldBe([true, false, true, false]);
    }

    [Fact]
    public void Aucune_cellule_masquee_ne_se_deduit_du_total()
    {
        // Exhaustive over small dimensions: a masked cell is never alone, and the masked cells together reach the threshold —
        // unless every non-zero cell is masked (then the total is the dimension's whole, under 5 only if all cells are small).
        var valeurs = new[] { 0, 1, 2, 4, 5, 7, 30 };
        foreach (var a in valeurs) foreach (var b in valeurs) foreach (var c in valeurs)
        {
            int[] d = [a, b, c];
            var m = Secret.Masquer(d);
            for (var i = 0; i < 3; i++) if (d[i] is > 0 and < 5) m[i].ShouldBeTrue($"{a},{b},{c}");
            var masques = Enumerable.Range(0, 3).Where(i => m[i]).ToList();
            if (masques.Count == 0 || Enumerable.Range(0, 3).All(i => m[i] || d[i] == 0)) continue;
            masques.Count.ShouldBeGreaterThanOrEqualTo(2, $"{a},{b},{c}");
            masques.Sum(i => d[i]).ShouldBeGreaterThanOrEqualTo(5, $"{a},{b},{c}");
        }
    }
}
