using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

public class LieuxApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    static object Saisie(string nom, string commune = "Martigues", string cp = "13500", string[]? services = null, double lat = 43.405, double lon = 5.047,
        string? horaires = "Mo-Fr 09:00-12:00,14:00-17:00; PH off", string[]? modalites = null) => new
    {
        nom, pivot = "43493312300029", adresse = "1 quai Brescon", codePostal = cp, commune, latitude = lat, longitude = lon,
        telephone = "04 42 00 00 00", horaires, services = services ?? ["Aide aux démarches administratives"],
        modalitesAccompagnement = modalites ?? ["Accompagnement individuel"], fraisACharge = new[] { "Gratuit" },
    };

    record PageDto(int Total, List<LieuResume> Items);

    [Fact]
    public async Task Creer_lire_modifier_archiver_un_lieu()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var r = await admin.PostAsJsonAsync("/api/v1/lieux", Saisie("Maison des services de Croix-Sainte"));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var cree = (await r.Content.ReadFromJsonAsync<LieuDto>())!;
        cree.Telephone.ShouldBe("+33442000000");
        cree.Source.ShouldBe("Passerelle");
        r.Headers.Location!.ToString().ShouldBe($"/api/v1/lieux/{cree.Id}");

        var lu = await app.ClientAnonyme().GetFromJsonAsync<LieuDto>($"/api/v1/lieux/{cree.Id}");
        lu!.Nom.ShouldBe("Maison des services de Croix-Sainte");
        lu.HorairesReconnus.ShouldBeTrue();
        // 12 March 2025, 10:00 UTC = 11:00 in Martigues, a Wednesday: open.
        lu.OuvertMaintenant.ShouldBe(true);

        var m = await admin.PutAsJsonAsync($"/api/v1/lieux/{cree.Id}", Saisie("Maison des services", horaires: "Sa 09:00-12:00"));
        m.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ClientAnonyme().GetFromJsonAsync<LieuDto>($"/api/v1/lieux/{cree.Id}"))!.OuvertMaintenant.ShouldBe(false);

        (await admin.DeleteAsync($"/api/v1/lieux/{cree.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ClientAnonyme().GetAsync($"/api/v1/lieux/{cree.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.Id == cree.Id))).Archive.ShouldBeTrue();
    }

    [Fact]
    public async Task Erreurs_de_saisie_en_francais_par_champ()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var r = await admin.PostAsJsonAsync("/api/v1/lieux", new { nom = "", codePostal = "ABC", services = new[] { "Réparer un vélo" }, latitude = 95.0, longitude = 5.0 });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("title").GetString().ShouldBe("Lieu invalide");
        var erreurs = doc.RootElement.GetProperty("errors");
        erreurs.GetProperty("Nom")[0].GetString()!.ShouldContain("obligatoire");
        erreurs.GetProperty("CodePostal")[0].GetString()!.ShouldContain("5 chiffres");
        erreurs.GetProperty("Services")[0].GetString()!.ShouldContain("hors de la liste");
        erreurs.GetProperty("Latitude")[0].GetString()!.ShouldContain("intervalle");
    }

    [Fact]
    public async Task Un_gestionnaire_ne_gere_que_les_lieux_de_ses_structures()
    {
        var (sienne, autre) = await app.AvecDb(async db =>
        {
            var a = new Structure { Nom = "Asso A", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "ASSO" };
            var b = new Structure { Nom = "Asso B", Rna = "W13" + Random.Shared.Next(1000000, 9999999), Typologie = "ASSO" };
            db.Structures.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var (email, mdp) = await app.CreerCompteAsync(Roles.Gestionnaire);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.GestionsStructures.Add(new GestionStructure { UtilisateurId = id, StructureId = sienne });
            await db.SaveChangesAsync();
        });
        var client = app.ClientAnonyme();
        var jeton = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = mdp })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", jeton.GetProperty("accessToken").GetString());

        var saisie = JsonSerializer.SerializeToNode(Saisie("Lieu de l'asso A"))!.AsObject();
        saisie["structureId"] = sienne;
        (await client.PostAsJsonAsync("/api/v1/lieux", saisie)).StatusCode.ShouldBe(HttpStatusCode.Created);
        saisie["structureId"] = autre;
        (await client.PostAsJsonAsync("/api/v1/lieux", saisie)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        saisie.Remove("structureId");
        (await client.PostAsJsonAsync("/api/v1/lieux", saisie)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recherche_par_commune_service_modalite_position_et_ouverture()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var tag = Guid.NewGuid().ToString("N")[..5];
        async Task Creer(object saisie) => (await admin.PostAsJsonAsync("/api/v1/lieux", saisie)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Creer(Saisie($"Alpha {tag}", commune: "Saint-Chamas", cp: "13250", services: ["Aide aux démarches administratives", "Loisirs et créations numériques"], lat: 43.55, lon: 5.03));
        await Creer(Saisie($"Bravo {tag}", commune: "Saint-Chamas", cp: "13250", services: ["Loisirs et créations numériques"], lat: 43.551, lon: 5.031, horaires: "Sa 09:00-12:00", modalites: ["À distance"]));
        await Creer(Saisie($"Charlie {tag}", commune: "Cornillon-Confoux", cp: "13250", lat: 43.56, lon: 5.07, horaires: "du lundi au vendredi"));
        var anonyme = app.ClientAnonyme();
        async Task<PageDto> Chercher(string qs) => (await anonyme.GetFromJsonAsync<PageDto>("/api/v1/lieux?" + qs))!;

        (await Chercher("commune=saint chamas")).Items.Select(i => i.Nom).ShouldBe([$"Alpha {tag}", $"Bravo {tag}"]);
        (await Chercher("commune=SAINT-CHAMAS&service=Aide%20aux%20d%C3%A9marches%20administratives")).Items.Single().Nom.ShouldBe($"Alpha {tag}");
        (await Chercher("code_postal=13250&modalite=%C3%80%20distance")).Items.Single().Nom.ShouldBe($"Bravo {tag}");
        (await Chercher("commune=13250")).Total.ShouldBe(3);
        var proches = await Chercher("lat=43.55&lon=5.03&rayon_km=2");
        proches.Items.Select(i => i.Nom).ShouldBe([$"Alpha {tag}", $"Bravo {tag}"]);
        proches.Items[0].DistanceKm.ShouldBe(0);
        (await Chercher("lat=43.55&lon=5.03&rayon_km=10")).Items.Select(i => i.Nom).ShouldContain($"Charlie {tag}");
        // Wednesday 11:00 in Paris: Bravo (Saturday only) is closed; Charlie's unreadable hours are never "open".
        (await Chercher("code_postal=13250&ouvert=true")).Items.Single().Nom.ShouldBe($"Alpha {tag}");
        var page2 = await Chercher("code_postal=13250&taille=2&page=2");
        page2.Total.ShouldBe(3);
        page2.Items.Single().Nom.ShouldBe($"Charlie {tag}");
    }

    [Fact]
    public async Task L_annuaire_en_memoire_suit_les_ecritures_et_au_plus_tard_la_duree_de_cache()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var cree = (await (await admin.PostAsJsonAsync("/api/v1/lieux", Saisie($"Avant {tag}"))).Content.ReadFromJsonAsync<LieuDto>())!;
        async Task<string[]> Noms() => (await app.ClientAnonyme().GetFromJsonAsync<PageDto>($"/api/v1/lieux?q={tag}"))!.Items.Select(i => i.Nom).ToArray();
        (await Noms()).ShouldBe([$"Avant {tag}"]);
        // A write through the app is visible at once.
        (await admin.PutAsJsonAsync($"/api/v1/lieux/{cree.Id}", Saisie($"Pendant {tag}"))).EnsureSuccessStatusCode();
        (await Noms()).ShouldBe([$"Pendant {tag}"]);
        // A write by another instance (here: straight SQL, no interceptor) shows once the cache duration has passed.
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == cree.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Nom, $"Après {tag}")));
        (await Noms()).ShouldBe([$"Pendant {tag}"]);
        app.Horloge.Regler(app.Horloge.GetUtcNow().AddSeconds(31));
        (await Noms()).ShouldBe([$"Après {tag}"]);
        (await admin.DeleteAsync($"/api/v1/lieux/{cree.Id}")).EnsureSuccessStatusCode();
        (await Noms()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lat=abc&lon=5")]
    [InlineData("lat=95&lon=5")]
    [InlineData("lat=43")]
    [InlineData("rayon_km=-3&lat=43&lon=5")]
    [InlineData("taille=100000")]
    [InlineData("page=0")]
    [InlineData("service=Inconnu")]
    [InlineData("ouvert=peut-etre")]
    public async Task Criteres_invalides_donnent_400_en_francais(string qs)
    {
        var r = await app.ClientAnonyme().GetAsync("/api/v1/lieux?" + qs);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var corps = await r.Content.ReadAsStringAsync();
        corps.ShouldContain("\"title\"");
        corps.ShouldNotContain("One or more");
    }
}
