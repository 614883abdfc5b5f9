using System.Globalization;
using Passerelle.Data;
using Passerelle.Features.Informations;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>The open-data file <c>/donnees/ecarts-territoriaux.csv</c>: the gap table, aggregates only, counts of fewer than 5
/// people left empty (column <c>masque</c> names them). UTF-8 without byte-order mark, comma, decimal point. Columns:
/// <c>niveau</c> (commune|qpv), <c>code</c> (INSEE or QPV code), <c>nom</c>, <c>du</c>, <c>au</c> (period, ISO dates),
/// <c>population</c>, <c>annee_population</c> (census year), <c>annee_cog</c>, <c>fragilite</c> (1–10), <c>modele_fragilite</c>,
/// <c>lieux</c>, <c>heures_hebdo</c> (weekly help hours), <c>creneaux_hebdo</c>, <c>creneaux_pour_1000</c>, <c>mediateurs</c>,
/// <c>conseillers_numeriques</c>, <c>distance_min_km</c>, <c>demande_observee</c> (accompaniments by residence), <c>personnes</c>,
/// <c>premieres_visites</c>, <c>liste_attente_non_servie</c>, <c>sessions_completes</c>, <c>demande_non_satisfaite</c>,
/// <c>indice_priorite</c>, <c>foyers_connectes</c> (households living in the zone enrolled in a connectivity programme during the
/// period; empty when masked or when no programme feature is present), <c>recherches_sans_creneau</c> (public slot searches for the commune
/// with no free slot within 14 days; empty for QPV), <c>orientations_refusees</c> (referrals refused for capacity, by residence),
/// <c>attente_mediane_jours</c> (median days before the first free slot, over the searches that found one), <c>masque</c>.</summary>
public static class DonneesEcarts
{
    public static readonly string[] Colonnes = ["niveau", "code", "nom", "du", "au", "population", "annee_population", "annee_cog", "fragilite",
        "modele_fragilite", "lieux", "heures_hebdo", "creneaux_hebdo", "creneaux_pour_1000", "mediateurs", "conseillers_numeriques", "distance_min_km",
        "demande_observee", "personnes", "premieres_visites", "liste_attente_non_servie", "sessions_completes", "demande_non_satisfaite",
        "indice_priorite", "foyers_connectes", "recherches_sans_creneau", "orientations_refusees", "attente_mediane_jours", "masque"];

    public static string Texte(TableEcarts t)
    {
        static string N(double? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string E(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        var du = t.Du.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var au = t.Au.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Web.Csv.Ecrire(t.Lignes.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => new[]
        {
            t.Niveau, l.Code, l.Nom, du, au, E(l.Population), E(l.AnneePopulation), E(l.AnneeCog), N(l.Fragilite), l.ModeleFragilite ?? "",
            E(l.Lieux), N(l.HeuresHebdo), N(l.CreneauxHebdo), N(l.CreneauxPour1000), E(l.Mediateurs), E(l.ConseillersNumeriques), N(l.DistanceMinKm),
            E(l.DemandeObservee), E(l.Personnes), E(l.PremieresVisites), E(l.ListeAttenteNonServie), E(l.SessionsCompletes), E(l.DemandeNonSatisfaite),
            N(l.IndicePriorite), E(l.FoyersConnectes), E(l.RecherchesSansCreneau), E(l.OrientationsRefusees), E(l.AttenteMedianeJours), string.Join(' ', l.Masques),
        }).Prepend(Colonnes));
    }

    /// <summary><c>GET /donnees/ecarts-territoriaux.csv?niveau=&amp;du=&amp;au=&amp;epci=&amp;region=</c>: anyone may read it (aggregates only).</summary>
    public static void MapDonneesEcarts(this IEndpointRouteBuilder app) =>
        app.MapGet("/donnees/ecarts-territoriaux.csv", async Task<IResult> (AppDbContext db, TimeProvider horloge, IServiceProvider services, HttpRequest requete, CancellationToken ct,
                string? niveau = null, string? du = null, string? au = null, string? epci = null, string? region = null) =>
            {
                var (demande, erreurs) = await PilotageApi.LireAsync(db, niveau, du, au, epci, region, horloge, requete.Query, ct);
                if (demande is null) return TypedResults.ValidationProblem(erreurs, title: "Paramètres invalides");
                var table = await CalculEcarts.ExecuterAsync(db, demande.Niveau, demande.Du, demande.Au, demande.Epci, ct, services.GetService<IFoyersConnectes>(), demande.Region);
                return Results.File(new System.Text.UTF8Encoding(false).GetBytes(Texte(table)), "text/csv; charset=utf-8", "ecarts-territoriaux.csv");
            })
            .AllowAnonymous().WithTags("Données ouvertes").WithSummary("Écarts besoins / offre par commune ou QPV (agrégats, petits effectifs masqués)");
}

/// <summary>Lists the gap table on <c>/donnees</c>.</summary>
public sealed class JeuxDonneesEcarts : IJeuxDonneesPublies
{
    public Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<JeuDonneesPublie>>(
        [new JeuDonneesPublie("Écarts territoriaux : besoins et offre d'accompagnement par commune (12 derniers mois)", "/donnees/ecarts-territoriaux.csv", "CSV",
            "Passerelle — écarts territoriaux (colonnes décrites dans docs/decisions)", "1", null, "Licence Ouverte 2.0", null)]);
}

public static class ServicesPilotage
{
    public static void AddPilotage(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IJeuxDonneesPublies, JeuxDonneesEcarts>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(PilotageApi.Politique,
            p => p.RequireRole(Comptes.Roles.Administrateur, Comptes.Roles.Financeur, Comptes.Roles.Gestionnaire));
    }
}
