using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Informations;

/// <summary>Declared here, not in the places' feature, because Informations already reads the places (a Lieux → Informations edge
/// would close a cycle, decision 0016). The places' existing exports in the national standard « Lieux de médiation numérique » (v1.0.2 columns), on <c>/donnees</c>.</summary>
public sealed class JeuxDonneesLieux(AppDbContext db) : IJeuxDonneesPublies
{
    const string Schema = "Lieux de médiation numérique";
    const string Adresse = "https://schema.data.gouv.fr/LaMednum/standard-mediation-num/";

    public async Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct)
    {
        var dernier = await db.Lieux.MaxAsync(l => (DateTime?)l.ModifieLe, ct);
        DateTimeOffset? date = dernier is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null;
        return
        [
            new("Lieux de médiation numérique (tableur)", "/api/v1/lieux/export.csv", "CSV", Schema, "1.0.2", Adresse, "Licence Ouverte 2.0", date),
            new("Lieux de médiation numérique (pour les programmes)", "/api/v1/lieux/export.json", "JSON", Schema, "1.0.2", Adresse, "Licence Ouverte 2.0", date),
        ];
    }
}
