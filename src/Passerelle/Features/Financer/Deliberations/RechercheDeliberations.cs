using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>Register search criteria, shared by <c>/admin/deliberations</c> and <c>GET /api/v1/deliberations</c> (query names are
/// the contract): <c>collectivite</c> (a SIRET, exact, or part of the body's name), <c>annee</c> (year of the session),
/// <c>matiere</c> (ACTES code, or a family digit « 7 »), <c>organe</c>, <c>q</c> (words of the number or subject), <c>page</c> from 1.</summary>
public sealed record CriteresDeliberations
{
    public string? Collectivite { get; init; }
    public int? Annee { get; init; }
    public string? Matiere { get; init; }
    public string? Organe { get; init; }
    public string? Q { get; init; }
    public int Page { get; init; } = 1;
    public int Taille { get; init; } = 25;
}

public sealed record DeliberationResume(int Id, string CollectiviteNom, string CollectiviteSiret, string Organe, string Numero, DateOnly DateSeance,
    string Objet, string MatiereCode, bool Adoptee, decimal TotalEur, int Version);

public sealed record PageDeliberations(int Total, int Page, int Taille, IReadOnlyList<DeliberationResume> Items);

public static class RechercheDeliberations
{
    public const int TailleMax = 100;

    public static Dictionary<string, string[]> Verifier(CriteresDeliberations c)
    {
        var e = new Dictionary<string, string[]>();
        if (c.Annee is < 1900 or > 2200) e["annee"] = ["L'année s'écrit sur quatre chiffres (par exemple 2023)."];
        if (c.Page < 1 || c.Page > 100_000) e["page"] = ["La page est un nombre à partir de 1."];
        if (c.Taille is < 1 or > TailleMax) e["taille"] = [$"La taille d'une page va de 1 à {TailleMax}."];
        if ((c.Q?.Length ?? 0) > 200 || (c.Collectivite?.Length ?? 0) > 200) e["q"] = ["200 caractères au plus."];
        if (c.Organe is { Length: > 0 } o && !Organes.Codes.Contains(o)) e["organe"] = ["Organe inconnu."];
        return e;
    }

    public static async Task<PageDeliberations> ExecuterAsync(AppDbContext db, CriteresDeliberations c, CancellationToken ct)
    {
        var r = db.Deliberations.AsNoTracking();
        if (c.Collectivite?.Trim() is { Length: > 0 } coll)
        {
            var siret = coll.Replace(" ", "");
            if (siret.Length == 14 && siret.All(char.IsAsciiDigit)) r = r.Where(d => d.CollectiviteSiret == siret);
            else { var bas = coll.ToLower(); r = r.Where(d => d.CollectiviteNom.ToLower().Contains(bas)); }
        }
        if (c.Annee is { } a) { var du = new DateOnly(a, 1, 1); var au = new DateOnly(a, 12, 31); r = r.Where(d => d.DateSeance >= du && d.DateSeance <= au); }
        if (c.Matiere?.Trim() is { Length: > 0 } m)
            r = m.Contains('.') ? r.Where(d => d.MatiereCode == m) : r.Where(d => d.MatiereCode.StartsWith(m + "."));
        if (c.Organe is { Length: > 0 } o) r = r.Where(d => d.Organe == o);
        foreach (var mot in (c.Q ?? "").ToLower().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            r = r.Where(d => d.Objet.ToLower().Contains(mot) || d.Numero.ToLower().Contains(mot) || d.CollectiviteNom.ToLower().Contains(mot));
        var total = await r.CountAsync(ct);
        var items = await r.OrderByDescending(d => d.DateSeance).ThenByDescending(d => d.Id).Skip((c.Page - 1) * c.Taille).Take(c.Taille)
            // One name per SIRET across the register: the one printed on the body's latest act.
            .Select(d => new DeliberationResume(d.Id,
                db.Deliberations.Where(x => x.CollectiviteSiret == d.CollectiviteSiret).OrderByDescending(x => x.DateSeance).ThenByDescending(x => x.Id)
                    .Select(x => x.CollectiviteNom).First(), d.CollectiviteSiret, d.Organe, d.Numero, d.DateSeance, d.Objet, d.MatiereCode, d.Adoptee,
                d.Montants.Sum(x => x.MontantCentimes) / 100m, d.Version))
            .ToListAsync(ct);
        return new PageDeliberations(total, c.Page, c.Taille, items);
    }
}
