using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>The chain through the API: offer → lot → device → erasure → test → stock → capped sale, and every refusal on the way.</summary>
public class EquipementTests(AppFactory app) : IClassFixture<AppFactory>
{
    internal static object Offre(string origine = "entreprise", string? siret = "73282932000074") => new
    {
        origine, organisation = "Société Exemple", siret, contactNom = "Jeanne Martin", courriel = "jeanne@exemple.fr", adresseEnlevement = "1 rue de la Paix, Marseille",
        disponibilites = "En semaine, 9 h – 17 h", ageAnnees = 5, disquesPresents = true, lignes = new[] { new { type = "portable", quantite = 20 } },
    };

    /// <summary>An offer accepted and received (at <paramref name="site"/> when given); returns the lot id.</summary>
    internal static async Task<int> LotAsync(AppFactory app, HttpClient equipe, string origine = "entreprise", string? site = null)
    {
        var r = await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", Offre(origine));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.Content.ReadFromJsonAsync<OffreCreeeDto>())!.Id;
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/qualification", new { accepter = true })).EnsureSuccessStatusCode();
        var l = await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{id}/reception", new { nombreAppareils = 20, poidsKg = 46, site });
        l.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await l.Content.ReadFromJsonAsync<LotDto>())!.Id;
    }

    internal static async Task<AppareilDto> AppareilAsync(HttpClient equipe, int lot, int disques = 1)
    {
        var r = await equipe.PostAsJsonAsync("/api/v1/equipement/appareils", new
        {
            lotId = lot, type = "portable", marque = "Lenovo", modele = "ThinkPad T480", numeroSerie = "PF" + Guid.NewGuid().ToString("N")[..10],
            supports = Enumerable.Range(0, disques).Select(i => new { type = "ssd", numeroSerie = "S" + Guid.NewGuid().ToString("N")[..10], capaciteGo = 256 }).ToArray(),
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{(await r.Content.ReadFromJsonAsync<AppareilCreeDto>())!.Id}"))!;
    }

    internal static async Task<HttpResponseMessage> VersAsync(HttpClient equipe, int id, string vers) =>
        await equipe.PostAsJsonAsync($"/api/v1/equipement/appareils/{id}/transitions", new { vers });

    internal static object Effacement(int supportId, string resultat = "reussi") => new
    {
        supportId, niveau = "purge", methode = "ATA Secure Erase", outil = "nwipe", versionOutil = "0.37", passes = 1, verification = "complete", zonesCachees = "absentes",
        debut = "2025-03-12T08:00:00Z", fin = "2025-03-12T08:40:00Z", resultat,
        certificat = new { nom = "nwipe_report.pdf", contenuBase64 = Convert.ToBase64String("%PDF-1.4 certificat"u8.ToArray()) },
    };

    /// <summary>A device taken to "en_stock" with every proof.</summary>
    internal static async Task<AppareilDto> EnStockAsync(HttpClient equipe, int lot)
    {
        var a = await AppareilAsync(equipe, lot);
        (await VersAsync(equipe, a.Id, "qualifie")).EnsureSuccessStatusCode();
        (await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", Effacement(a.Supports[0].Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await VersAsync(equipe, a.Id, "efface")).EnsureSuccessStatusCode();
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/appareils/{a.Id}/tests", new { echecs = Array.Empty<string>(), santeBatterie = 86, grade = "B" })).EnsureSuccessStatusCode();
        foreach (var e in new[] { "teste", "classe", "reconditionne", "en_stock" }) (await VersAsync(equipe, a.Id, e)).StatusCode.ShouldBe(HttpStatusCode.OK, e);
        return a;
    }

    static object Vente(int appareilId, long prix, string date = "2025-03-01") => new
    {
        appareilId, prix, eligibilite = new { motif = "rsa", justificatif = "attestation CAF", date }, acheteur = new { nom = "Karim B.", commune = "Marseille", foyer = "CAF" + Guid.NewGuid().ToString("N")[..10] },
    };

    static async Task<string> DetailAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task De_l_offre_a_la_vente_plafonnee_avec_toutes_les_preuves()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await LotAsync(app, equipe, "public");
        var a = await EnStockAsync(equipe, lot);
        a.Origine.ShouldBe("public");

        // Above the decree's cap for a public-origin laptop (180 €): refused, the device stays in stock.
        var trop = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, 18001));
        trop.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(trop)).ShouldContain("plafond");
        // Eligibility proof older than three months (RSA attestation): refused.
        var expire = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, 9000, "2024-11-01"));
        expire.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(expire)).ShouldContain("expiré");
        (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!.Etat.ShouldBe("en_stock");

        var ok = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, 18000));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var lu = (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!;
        lu.Etat.ShouldBe("vendu");
        lu.Historique.Select(h => h.Vers).ShouldBe(["recu", "qualifie", "efface", "teste", "classe", "reconditionne", "en_stock", "vendu"]);
        lu.Supports[0].Effacements[0].CertificatSha256!.Length.ShouldBe(64);
        // A sold device is final: a second sale is refused.
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, 100))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var liste = await equipe.GetFromJsonAsync<JsonElement>($"/api/v1/equipement/appareils?etat=vendu&lot={lot}");
        liste.GetProperty("total").GetInt32().ShouldBe(1);
        liste.GetProperty("items")[0].GetProperty("origine").GetString().ShouldBe("public");
        // An unknown state is an error that lists the codes, not an empty list.
        var inconnu = await equipe.GetAsync("/api/v1/equipement/appareils?etat=EnStock");
        inconnu.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("État inconnu : choisissez parmi");
    }

    [Fact]
    public async Task Un_appareil_d_entreprise_n_est_pas_plafonne_mais_exige_l_eligibilite()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var a = await EnStockAsync(equipe, await LotAsync(app, equipe));
        var sans = await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", new { appareilId = a.Id, prix = 25000, acheteur = new { nom = "X" } });
        sans.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sans.Content.ReadAsStringAsync()).ShouldContain("motif d'éligibilité");
        (await equipe.PostAsJsonAsync("/api/v1/equipement/ventes", Vente(a.Id, 25000))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Transitions_hors_du_graphe_ou_sans_preuve_refusees_en_francais()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var a = await AppareilAsync(equipe, await LotAsync(app, equipe), disques: 2);
        // No jump from received to in stock.
        var saut = await VersAsync(equipe, a.Id, "en_stock");
        saut.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(saut)).ShouldContain("ne peut pas passer");
        (await VersAsync(equipe, a.Id, "qualifie")).EnsureSuccessStatusCode();
        // One of two media erased, the other failed: not erased, and not out to WEEE either.
        (await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", Effacement(a.Supports[0].Id))).EnsureSuccessStatusCode();
        (await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", Effacement(a.Supports[1].Id, "echec"))).EnsureSuccessStatusCode();
        var sansPreuve = await VersAsync(equipe, a.Id, "efface");
        sansPreuve.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(sansPreuve)).ShouldContain("1 support(s) de stockage sans preuve");
        (await VersAsync(equipe, a.Id, "deee")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // A destruction record is proof too.
        var destruction = Effacement(a.Supports[1].Id);
        (await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", new { supportId = a.Supports[1].Id, niveau = "destroy", methode = "Broyage", outil = "Broyeur", passes = 0,
            verification = "complete", debut = "2025-03-12T09:00:00Z", fin = "2025-03-12T09:05:00Z", resultat = "reussi" })).EnsureSuccessStatusCode();
        (await VersAsync(equipe, a.Id, "efface")).EnsureSuccessStatusCode();
        // « Reconditionné » without a full test: refused (décret 2022-190); a failed test does not count.
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/appareils/{a.Id}/tests", new { echecs = new[] { "batterie" }, grade = "C" })).EnsureSuccessStatusCode();
        (await VersAsync(equipe, a.Id, "teste")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // Unknown state and bad input: 400 in French.
        var inconnu = await VersAsync(equipe, a.Id, "envole");
        inconnu.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("État inconnu");
        // A manager may not declare a device lost (administrators only): 403.
        (await VersAsync(equipe, a.Id, "perdu")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The WEEE exit with its register entry.
        var deee = await equipe.PostAsJsonAsync("/api/v1/equipement/deee", new { appareilIds = new[] { a.Id }, date = "2025-03-12", codeDechet = "16 02 14", description = "Portables hors d'usage",
            poidsKg = 3, transporteur = "Transports Sud", destinataire = "Recyclage Provence (installation autorisée)", codeTraitement = "R4", numeroBordereau = "BSD-1" });
        deee.StatusCode.ShouldBe(HttpStatusCode.Created, await deee.Content.ReadAsStringAsync());
        (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!.Etat.ShouldBe("deee");
        (await app.AvecDb(db => db.Set<Appareil>().Where(x => x.Id == a.Id).Select(x => x.SortieDeeeId).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task Roles_et_saisies_invalides()
    {
        (await app.ClientAnonyme().GetAsync("/api/v1/equipement/appareils")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var mediateur = await app.ClientApiAsync(Roles.Mediateur);
        (await mediateur.GetAsync("/api/v1/equipement/appareils")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mediateur.PostAsJsonAsync("/api/v1/equipement/ventes", new { appareilId = 1, prix = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var siret = await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", Offre(siret: "73282932000075"));
        siret.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await siret.Content.ReadAsStringAsync()).ShouldContain("SIRET n'existe pas");
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var r = await equipe.PostAsJsonAsync("/api/v1/equipement/appareils", new { lotId = 999999, type = "grille-pain", marque = "", modele = "X" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var texte = await r.Content.ReadAsStringAsync();
        texte.ShouldContain("Lot inconnu");
        texte.ShouldContain("Type d'appareil inconnu");
        // Refusing an offer needs a reason, and an examined offer cannot be examined again.
        var o = (await (await app.ClientAnonyme().PostAsJsonAsync("/api/v1/equipement/offres", Offre("particulier", null))).Content.ReadFromJsonAsync<OffreCreeeDto>())!;
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/qualification", new { accepter = false })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/qualification", new { accepter = false, motifRefus = "Matériel trop ancien" })).EnsureSuccessStatusCode();
        (await equipe.PostAsJsonAsync($"/api/v1/equipement/offres/{o.Id}/reception", new { nombreAppareils = 1, poidsKg = 2 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task L_historique_ne_se_modifie_pas()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var a = await AppareilAsync(equipe, await LotAsync(app, equipe));
        await Should.ThrowAsync<Passerelle.Web.RegleMetierException>(() => app.AvecDb(async db =>
        {
            var e = await db.Set<EvenementAppareil>().FirstAsync(x => x.AppareilId == a.Id);
            e.Auteur = "quelqu'un d'autre";
            await db.SaveChangesAsync();
        }));
        (await app.AvecDb(db => db.Set<EvenementAppareil>().Where(x => x.AppareilId == a.Id).Select(x => x.Auteur).SingleAsync())).ShouldNotBe("quelqu'un d'autre");
    }

    [Fact]
    public async Task Deux_personnes_sur_le_meme_appareil_une_seule_l_emporte()
    {
        var equipe = await app.ClientApiAsync(Roles.Gestionnaire);
        var autre = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await LotAsync(app, equipe);
        var a = await AppareilAsync(equipe, lot);
        var reponses = await Task.WhenAll(VersAsync(equipe, a.Id, "qualifie"), VersAsync(autre, a.Id, "qualifie"));
        reponses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        reponses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
        (await app.AvecDb(db => db.Set<EvenementAppareil>().CountAsync(x => x.AppareilId == a.Id && x.Vers == "qualifie"))).ShouldBe(1);

        var b = await EnStockAsync(equipe, lot);
        var ventes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? equipe : autre).PostAsJsonAsync("/api/v1/equipement/ventes", Vente(b.Id, 5000 + i))));
        ventes.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        ventes.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await app.AvecDb(db => db.Set<Passerelle.Features.Equiper.Ventes.Vente>().CountAsync(v => v.AppareilId == b.Id))).ShouldBe(1);
    }
}
