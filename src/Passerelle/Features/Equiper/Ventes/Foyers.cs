using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>The household a solidarity sale counts against (one purchase per household per period, <see cref="EquipementOptions.PeriodeAchatMois"/>).
/// Its key, stored on the sale (<see cref="Vente.FoyerCle"/>): the household's reference when the seller typed one (« ref: » and the
/// reference without spaces, upper case), else the buyer's file when linked (« fiche: » and its id), else the name and town without
/// accents, case or punctuation (« nom: »). A household known by its reference once and by its name another time is not matched.</summary>
public static class Foyers
{
    public static string Cle(string? reference, int? beneficiaireId, string nom, string? commune)
    {
        if (!string.IsNullOrWhiteSpace(reference)) return "ref:" + string.Concat(reference.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        if (beneficiaireId is { } b) return "fiche:" + b.ToString(CultureInfo.InvariantCulture);
        var cle = "nom:" + Simple(nom) + "|" + Simple(commune ?? "");
        return cle.Length <= 300 ? cle : cle[..300];
    }

    static string Simple(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (char.IsWhiteSpace(c) && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        return sb.ToString().Trim();
    }

    /// <summary>The last sale (UTC) to this household, or null.</summary>
    public static async Task<DateTime?> DerniereVenteAsync(AppDbContext db, string cle, CancellationToken ct) =>
        await db.Set<Vente>().Where(v => v.FoyerCle == cle).OrderByDescending(v => v.VenduLe).Select(v => (DateTime?)v.VenduLe).FirstOrDefaultAsync(ct);
}
