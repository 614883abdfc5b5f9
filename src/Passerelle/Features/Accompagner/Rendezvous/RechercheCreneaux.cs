using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

public sealed record CreneauLibre(int Id, DateTime Debut, DateTime Fin, int LieuId, string Lieu, string Commune, string Fuseau, string Motif, int MotifId, int PlacesRestantes);

/// <summary>A typed commune as the slot search reads it (<see cref="CommuneCherchee.LireAsync"/>).</summary>
public sealed record CommuneLue(IReadOnlyList<string> Noms, IReadOnlyList<string> CodesPostaux, Referentiels.Territoires.CommuneDesignee? Designee);

public static class RechercheCreneaux
{
    public const int TotalMax = 500;

    /// <summary>Free slots, soonest first, that the public can book now (minimum notice and horizon of each motif applied); a commune
    /// is read forgivingly beforehand (<see cref="CommuneCherchee.LireAsync"/>, read once for the search and its counting).</summary>
    public static async Task<(int Total, List<CreneauLibre> Items)> ExecuterAsync(AppDbContext db, int? lieuId, int? motifId, CommuneLue? commune,
        DateOnly? du, DateOnly? au, int taille, TimeProvider horloge, CancellationToken ct, bool pourEquipe = false)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var q = db.Creneaux.AsNoTracking().Where(c => c.Reserves < c.Capacite && !c.Ferme && c.Debut > maintenant);
        if (!pourEquipe)
            q = q.Where(c => c.EnLigne && c.FermetureEnLigne >= maintenant && c.OuvertureEnLigne <= maintenant);
        if (lieuId is not null) q = q.Where(c => c.LieuId == lieuId);
        if (motifId is not null) q = q.Where(c => c.MotifId == motifId);
        if (commune is not null)
        {
            var (noms, codesPostaux) = (commune.Noms, commune.CodesPostaux);
            q = q.Where(c => noms.Contains(c.CommuneRecherche) || codesPostaux.Contains(c.CodePostal));
        }
        if (du is not null) { var d = du.Value.ToDateTime(TimeOnly.MinValue); q = q.Where(c => c.Debut >= d); }
        if (au is not null) { var a = au.Value.AddDays(1).ToDateTime(TimeOnly.MinValue); q = q.Where(c => c.Debut < a); }
        // Counted up to a cap: beyond a few hundred free slots the exact number tells a citizen nothing,
        // and counting thousands of rows on every search was the costliest part of it (docs/performance.md).
        var total = await q.Take(TotalMax).CountAsync(ct);
        // Ordered by start only, so that the (commune|postcode|place, start) indexes give the first page without a sort.
        var items = await q.OrderBy(c => c.Debut).Take(taille)
            .Select(c => new CreneauLibre(c.Id, c.Debut, c.Fin, c.LieuId, c.Lieu!.Nom, c.Lieu.Commune, c.Lieu.FuseauHoraire, c.Motif!.Nom, c.MotifId, c.Capacite - c.Reserves))
            .ToListAsync(ct);
        return (total, items);
    }
}

/// <summary>The places a typed commune covers for the booking search, read as the directory reads it
/// (<see cref="Referentiels.Territoires.RechercheCommunes"/>): a postcode, or an arrondissement (« Marseille 3e » → 13003), covers
/// the places with that postcode; a commune of the reference (accents, hyphens, « St », the beginning of its name: « Port St Louis »)
/// covers the places bearing its name or its arrondissements' names, or one of its postcodes (« Marseille » → 13001 to 13016);
/// any other text, the places bearing that very name.</summary>
public static class CommuneCherchee
{
    /// <returns>Place commune keys (<see cref="Texte.Normaliser"/>) and postcodes, either of which puts a slot in the search, and what
    /// the text designates in the reference (<see cref="Referentiels.Territoires.RechercheCommunes.DesigneeAsync"/>, null for unknown or
    /// ambiguous text), which the counter of searches reuses; null when nothing was typed.</returns>
    public static async Task<CommuneLue?> LireAsync(AppDbContext db, string? commune, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune)) return null;
        var lieu = await Referentiels.Territoires.RechercheCommunes.DesigneeAsync(db, commune, ct);
        var saisie = Referentiels.Territoires.RechercheCommunes.Interpreter(commune);
        if (saisie.CodePostal is { } cp) return new([], [cp], lieu);
        var noms = new List<string> { Texte.Normaliser(commune.Trim()) };
        if (lieu is not { Communes: [var designee] }) return new(noms, [], lieu);
        var code = designee.CodeInsee;
        var couvertes = await db.Set<Referentiels.Territoires.Commune>().AsNoTracking().Where(c => c.CodeInsee == code || c.CommuneParente == code)
            .Select(c => new { c.Nom, c.CodesPostaux }).ToListAsync(ct);
        // Places name arrondissements « Marseille 3e », the geographic code « Marseille 3e Arrondissement »: both are taken.
        noms.AddRange(couvertes.SelectMany(c => new[] { Texte.Normaliser(c.Nom), Texte.Normaliser(c.Nom.Replace(" Arrondissement", "")) }));
        return new(noms.Distinct().ToList(), couvertes.SelectMany(c => c.CodesPostaux.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList(), lieu);
    }
}
