using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>A typed commune as the slot and workshop searches read it (<see cref="CommuneCherchee.LireAsync"/>).</summary>
public sealed record CommuneLue(IReadOnlyList<string> Noms, IReadOnlyList<string> CodesPostaux, CommuneDesignee? Designee);

/// <summary>The places a typed commune covers for the booking and workshop searches, read as the directory reads it
/// (<see cref="RechercheCommunes"/>): a postcode, or an arrondissement (« Marseille 3e » → 13003), covers
/// the places with that postcode; a commune of the reference (accents, hyphens, « St », the beginning of its name: « Port St Louis »)
/// covers the places bearing its name or its arrondissements' names, or one of its postcodes (« Marseille » → 13001 to 13016);
/// any other text, the places bearing that very name.</summary>
public static class CommuneCherchee
{
    /// <returns>Place commune keys (<see cref="Texte.Normaliser"/>) and postcodes, either of which puts a slot in the search, and what
    /// the text designates in the reference (<see cref="RechercheCommunes.DesigneeAsync"/>, null for unknown or
    /// ambiguous text), which the counter of searches reuses; null when nothing was typed.</returns>
    public static async Task<CommuneLue?> LireAsync(AppDbContext db, string? commune, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(commune)) return null;
        var lieu = await RechercheCommunes.DesigneeAsync(db, commune, ct);
        var saisie = RechercheCommunes.Interpreter(commune);
        if (saisie.CodePostal is { } cp) return new([], [cp], lieu);
        var noms = new List<string> { Texte.Normaliser(commune.Trim()) };
        if (lieu is not { Communes: [var designee] }) return new(noms, [], lieu);
        var code = designee.CodeInsee;
        var couvertes = await db.Set<Commune>().AsNoTracking().Where(c => c.CodeInsee == code || c.CommuneParente == code)
            .Select(c => new { c.Nom, c.CodesPostaux }).ToListAsync(ct);
        // Places name arrondissements « Marseille 3e », the geographic code « Marseille 3e Arrondissement »: both are taken.
        noms.AddRange(couvertes.SelectMany(c => new[] { Texte.Normaliser(c.Nom), Texte.Normaliser(c.Nom.Replace(" Arrondissement", "")) }));
        return new(noms.Distinct().ToList(), couvertes.SelectMany(c => c.CodesPostaux.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList(), lieu);
    }
}
