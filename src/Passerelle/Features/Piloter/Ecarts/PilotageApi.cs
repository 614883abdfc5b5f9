using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>What the API and the pages ask for: level, period, EPCI (SIREN), région (INSEE code); both zone filters may be combined.</summary>
public sealed record DemandeEcarts(string Niveau, DateOnly Du, DateOnly Au, string? Epci, string? Region = null);

public static class PilotageApi
{
    /// <summary>Administrators, funders (aggregates) and structure managers (their own zones).</summary>
    public const string Politique = "pilotage";
    public const string NoteMasquage = "masqué : moins de 5 personnes";

    /// <summary>Reads and checks the query: <c>niveau</c> commune (default) or qpv; <c>du</c>/<c>au</c> ISO dates, default the 12 months
    /// ending today (Paris), at most 3 years; <c>epci</c> a 9-digit SIREN; <c>region</c> the INSEE code of a région (2 digits, « 93 »).
    /// Errors are French, per field. With <paramref name="requete"/>, a parameter given twice (<c>?du=…&amp;du=…</c>) is refused the same
    /// way on the pages (whose binding would keep the first) and the API (whose binding would join them with a comma).</summary>
    public static (DemandeEcarts? Demande, Dictionary<string, string[]> Erreurs) Lire(string? niveau, string? du, string? au, string? epci, TimeProvider horloge,
        string? region = null, IQueryCollection? requete = null)
    {
        var erreurs = new Dictionary<string, string[]>();
        var n = string.IsNullOrWhiteSpace(niveau) ? CalculEcarts.Commune : niveau.Trim().ToLowerInvariant();
        if (n is not (CalculEcarts.Commune or CalculEcarts.Qpv)) erreurs["niveau"] = ["Le niveau est « commune » ou « qpv »."];
        var aujourdhui = Territoire.AujourdHui(horloge);
        DateOnly Date(string nom, string? v, DateOnly defaut)
        {
            if (string.IsNullOrWhiteSpace(v)) return defaut;
            if (!DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                erreurs[nom] = ["Date attendue au format AAAA-MM-JJ, par exemple 2026-01-31."];
            else if (d.Year is < 2000 or > 2100) erreurs[nom] = ["La date doit être comprise entre l'an 2000 et l'an 2100."];
            else return d;
            return defaut;
        }
        var fin = Date("au", au, aujourdhui);
        var debut = Date("du", du, fin.AddMonths(-12).AddDays(1));
        if (debut > fin) erreurs["du"] = ["La date de début doit précéder la date de fin."];
        else if (fin.DayNumber - debut.DayNumber > 3 * 366) erreurs["au"] = ["La période ne dépasse pas trois ans."];
        var e = string.IsNullOrWhiteSpace(epci) ? null : epci.Trim();
        if (e is not null && (e.Length != 9 || !e.All(char.IsAsciiDigit))) erreurs["epci"] = ["L'EPCI est désigné par son SIREN (9 chiffres)."];
        var r = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        if (r is not null && (r.Length != 2 || !r.All(char.IsAsciiDigit))) erreurs["region"] = ["La région est désignée par son code INSEE (2 chiffres, par exemple 93)."];
        foreach (var nom in Parametres)
            if (requete?[nom].Count > 1) erreurs[nom] = [$"Le paramètre « {nom} » figure {requete[nom].Count} fois dans l'adresse : donnez-le une seule fois."];
        return (erreurs.Count > 0 ? null : new DemandeEcarts(n, debut, fin, e, r), erreurs);
    }

    static readonly string[] Parametres = ["niveau", "du", "au", "epci", "region"];

    /// <summary><see cref="Lire"/>, then an EPCI or a région of the right shape but unknown to the reference (no commune belongs to it)
    /// is refused in French rather than answered with an empty table.</summary>
    public static async Task<(DemandeEcarts? Demande, Dictionary<string, string[]> Erreurs)> LireAsync(AppDbContext db, string? niveau, string? du, string? au,
        string? epci, string? region, TimeProvider horloge, IQueryCollection? requete, CancellationToken ct)
    {
        var (demande, erreurs) = Lire(niveau, du, au, epci, horloge, region, requete);
        if (demande is null) return (null, erreurs);
        var communes = db.Set<Referentiels.Territoires.Commune>().AsNoTracking();
        if (demande.Epci is { } s && !await communes.AnyAsync(c => c.EpciSiren == s, ct))
            erreurs["epci"] = [$"L'EPCI {s} est inconnu : aucune commune du référentiel n'en est membre (par exemple 200054807, Métropole d'Aix-Marseille-Provence)."];
        if (demande.Region is { } r && !await communes.AnyAsync(c => c.CodeRegion == r, ct))
            erreurs["region"] = [$"La région {r} est inconnue : aucune commune du référentiel n'y appartient (par exemple 93, Provence-Alpes-Côte d'Azur)."];
        return (erreurs.Count > 0 ? null : demande, erreurs);
    }

    /// <summary>The gap table an account may see: everything for administrators and funders, the zones holding one of its
    /// structures' places for a manager.</summary>
    public static async Task<TableEcarts> PourAsync(AppDbContext db, ClaimsPrincipal user, DemandeEcarts d, CancellationToken ct, IFoyersConnectes? foyers = null)
    {
        var table = await CalculEcarts.ExecuterAsync(db, d.Niveau, d.Du, d.Au, d.Epci, ct, foyers, d.Region);
        if (user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Financeur)) return table;
        var gerees = await Perimetre.StructuresGereesAsync(db, user, ct) ?? [];
        var lieux = (await db.Lieux.Where(l => l.StructureId != null && gerees.Contains(l.StructureId.Value)).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        return table with { Lignes = table.Lignes.Where(l => table.LieuxParZone.GetValueOrDefault(l.Code)?.Any(lieux.Contains) == true).ToList() };
    }

    public static void MapPilotageApi(this RouteGroupBuilder api) =>
        api.MapGet("/pilotage/ecarts", Ecarts).RequireAuthorization(Politique).WithTags("Pilotage territorial")
            .WithSummary("Tableau des écarts besoins / offre par commune ou QPV (niveau, du, au, epci, region)");

    static async Task<Results<Ok<TableEcarts>, ValidationProblem>> Ecarts(AppDbContext db, TimeProvider horloge, ClaimsPrincipal user, IServiceProvider services,
        HttpRequest requete, CancellationToken ct, string? niveau = null, string? du = null, string? au = null, string? epci = null, string? region = null)
    {
        var (demande, erreurs) = await LireAsync(db, niveau, du, au, epci, region, horloge, requete.Query, ct);
        if (demande is null) return TypedResults.ValidationProblem(erreurs, title: "Paramètres invalides");
        return TypedResults.Ok(await PourAsync(db, user, demande, ct, services.GetService<IFoyersConnectes>()));
    }
}
