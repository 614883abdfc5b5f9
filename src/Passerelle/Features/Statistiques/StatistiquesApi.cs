using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Statistiques;

public static class StatistiquesApi
{
    public static void MapStatistiquesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Statistiques").RequireAuthorization(Roles.PolitiqueEquipe);
        g.MapGet("/statistiques", Lire).WithSummary("Indicateurs d'activité (un atelier compte ses participants)");
        g.MapGet("/statistiques.csv", Csv).WithSummary("Les mêmes indicateurs en CSV, filtres écrits en tête");
    }

    /// <summary>Funders see shared views: small cells masked. Coordinators and managers see exact figures (aggregates only, never names).</summary>
    public static bool Masquer(System.Security.Claims.ClaimsPrincipal user) =>
        !(user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Gestionnaire) || user.IsInRole(Roles.Mediateur));

    static FiltresStatistiques Filtres(DateOnly? du, DateOnly? au, int? lieu, int? structure, string? commune, string? type, string? theme, int? convention) =>
        new(du, au, lieu, structure, string.IsNullOrWhiteSpace(commune) ? null : commune, string.IsNullOrWhiteSpace(type) ? null : type,
            string.IsNullOrWhiteSpace(theme) ? null : theme, convention);

    static Dictionary<string, string[]> Erreurs(FiltresStatistiques f, string? qpv)
    {
        var e = CalculStatistiques.Verifier(f);
        if (!string.IsNullOrEmpty(qpv)) e["qpv"] = ["Le filtre QPV n'est pas encore disponible : il arrive avec les fiches bénéficiaires (commune et quartier de la personne)."];
        return e;
    }

    static async Task<Results<Ok<Tableau>, ValidationProblem>> Lire(HttpContext http, AppDbContext db, CancellationToken ct, DateOnly? du, DateOnly? au, int? lieu,
        int? structure, string? commune, string? qpv, string? type, string? theme, int? convention)
    {
        var f = Filtres(du, au, lieu, structure, commune, type, theme, convention);
        if (Erreurs(f, qpv) is { Count: > 0 } e) return TypedResults.ValidationProblem(e, title: "Filtres invalides");
        return TypedResults.Ok(await CalculStatistiques.CalculerAsync(db, f, Masquer(http.User), ct));
    }

    static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct, DateOnly? du,
        DateOnly? au, int? lieu, int? structure, string? commune, string? qpv, string? type, string? theme, int? convention)
    {
        var f = Filtres(du, au, lieu, structure, commune, type, theme, convention);
        if (Erreurs(f, qpv) is { Count: > 0 } e) return TypedResults.ValidationProblem(e, title: "Filtres invalides");
        var t = await CalculStatistiques.CalculerAsync(db, f, Masquer(http.User), ct);
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Web.Csv.EcrireLigne(w, ["Passerelle — statistiques d'activité", $"extrait le {horloge.GetUtcNow():yyyy-MM-dd HH:mm} UTC"]);
        Web.Csv.EcrireLigne(w, ["Filtres", $"du={f.Du:yyyy-MM-dd}", $"au={f.Au:yyyy-MM-dd}", $"lieu={f.Lieu}", $"structure={f.Structure}", $"commune={f.Commune}",
            $"type={f.Type}", $"theme={f.Theme}", $"convention={f.Convention}"]);
        if (t.Masque) Web.Csv.EcrireLigne(w, ["Les cellules de moins de 5 accompagnements sont masquées (-1)."]);
        Web.Csv.EcrireLigne(w, ["Indicateur", "Valeur", "Accompagnements", "Activités"]);
        Web.Csv.EcrireLigne(w, ["Total", "", t.Accompagnements.ToString(CultureInfo.InvariantCulture), t.Activites.ToString(CultureInfo.InvariantCulture)]);
        foreach (var (nom, lignes) in new[] { ("Mois", t.ParMois), ("Type", t.ParType), ("Thème", t.ParTheme), ("Lieu d'accompagnement", t.ParCanal), ("Durée", t.ParDuree),
                     ("Matériel", t.ParMateriel), ("Autonomie", t.ParAutonomie), ("Lieu", t.ParLieu) })
            foreach (var l in lignes)
                Web.Csv.EcrireLigne(w, [nom, l.Libelle, l.Accompagnements.ToString(CultureInfo.InvariantCulture), l.Activites.ToString(CultureInfo.InvariantCulture)]);
        return TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(w.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"statistiques-{horloge.GetUtcNow():yyyy-MM-dd}.csv");
    }
}
