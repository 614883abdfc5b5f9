using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Connecter;

/// <summary>A structure managing a programme (cap 30 €, 9 months), its manager and mediator, and helpers to enrol and top up.</summary>
public sealed record ScenarioConnexion(int Structure, HttpClient Gestion, HttpClient Mediateur, int Programme, int OffreRecharge, int OffreBox, int StructureBailleur,
    string EmailMediateur, string MotDePasseMediateur, string EmailGestion, string MotDePasseGestion)
{
    /// <summary>New sign-ins after the clock moved (the bearer tokens of the old ones have expired).</summary>
    public async Task<ScenarioConnexion> ReconnecterAsync(AppFactory app) =>
        this with { Mediateur = await app.ClientApiAsync(EmailMediateur, MotDePasseMediateur), Gestion = await app.ClientApiAsync(EmailGestion, MotDePasseGestion) };

    public static async Task<ScenarioConnexion> CreerAsync(AppFactory app, long plafond = 3000, int retentionMois = 12)
    {
        var structure = await Scenario.StructureAsync(app);
        var bailleur = await Scenario.StructureAsync(app);
        var (gestion, _, _, emailG, mdpG) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var (mediateur, _, _, email, mdp) = await Scenario.EquipierAsync(app, structure);
        var r = await gestion.PostAsJsonAsync("/api/v1/connexion/programmes", new
        {
            nom = "Connexion " + Guid.NewGuid().ToString("N")[..8], structureGestionnaireId = structure, debut = "2025-01-01", fin = "2026-12-31", budget = 5_000_000,
            plafondMensuel = plafond, dureeMois = 9, renouvellementsMax = 1, regles = new[] { "rsa", "orientation", "resident_qpv", "locataire_partenaire" },
            offresSortie = "Tarif social de l'opérateur, numéro conservé", retentionMois,
            partenaires = new object[]
            {
                new { role = "operateur", nom = "Opérateur Sud" }, new { role = "bailleur", nom = "Habitat Marseille Provence", structureId = bailleur },
                new { role = "financeur", nom = "Métropole" },
            },
            offres = new object[]
            {
                new { type = "recharge", libelle = "Recharge 5 €", valeurFaciale = 500, prixPaye = 200, subvention = 300, subventionPayeePar = "Métropole", volumeMo = 10240 },
                new { type = "box", libelle = "Box sociale", valeurFaciale = 2300, prixPaye = 500, subvention = 1800, subventionPayeePar = "Opérateur Sud" },
            },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var offres = await app.AvecDb(db => Task.FromResult(db.Set<Passerelle.Features.Connecter.Programmes.OffreConnexion>().Where(o => o.ProgrammeId == id).OrderBy(o => o.Id).Select(o => o.Id).ToList()));
        return new ScenarioConnexion(structure, gestion, mediateur, id, offres[0], offres[1], bailleur, email, mdp, emailG, mdpG);
    }

    public async Task<int> FicheAsync(AppFactory app, string? qpv = null, bool suivi = true) => await app.AvecDb(async db =>
    {
        var b = new Beneficiaire
        {
            StructureId = Structure, Suivi = suivi, Prenom = suivi ? "Nadia" : null, Nom = suivi ? "B" + Guid.NewGuid().ToString("N")[..6] : null,
            ConsentementLe = suivi ? new DateTime(2025, 3, 1) : null, Commune = "Port-Saint-Louis-du-Rhône", CodePostal = "13230", CodeQpv = qpv,
            CreeLe = new DateTime(2025, 3, 1), ModifieLe = new DateTime(2025, 3, 1), DerniereActiviteLe = new DateTime(2025, 3, 1),
        };
        db.Beneficiaires.Add(b);
        await db.SaveChangesAsync();
        return b.Id;
    });

    public static object Adhesion(int programme, int beneficiaire, string motif = "rsa", string date = "2025-03-01", string? justificatif = "attestation CAF") =>
        new { programme, beneficiaire, prescripteur = "CCAS de Port-Saint-Louis", eligibilite = new { motif, justificatif, date } };

    public async Task<int> AdhererAsync(AppFactory app, string? qpv = null)
    {
        var r = await Mediateur.PostAsJsonAsync("/api/v1/connexion/adhesions", Adhesion(Programme, await FicheAsync(app, qpv)));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public Task<HttpResponseMessage> RechargerAsync(int adhesion, long montant, string? reference = "BON-1", HttpClient? client = null) =>
        (client ?? Mediateur).PostAsJsonAsync($"/api/v1/connexion/adhesions/{adhesion}/recharges", new { offre = OffreRecharge, montant, reference });

    public static async Task<string> DetailAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
