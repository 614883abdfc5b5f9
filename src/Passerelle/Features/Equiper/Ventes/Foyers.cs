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

    /// <summary>Records a purchase of household <paramref name="cle"/> on <paramref name="jour"/> (Paris), inside the caller's transaction:
    /// moves its <see cref="AchatFoyer"/> row only if its last purchase is on or before <paramref name="jour"/> minus
    /// <paramref name="periodeMois"/> months (one conditional UPDATE), else inserts the row (primary key). A concurrent purchase for the same
    /// household either waits for the row and then finds it too recent, or collides on the key.</summary>
    /// <exception cref="RegleMetierException">The household already bought within the period (409).</exception>
    public static async Task EnregistrerAchatAsync(AppDbContext db, string cle, DateOnly jour, int periodeMois, CancellationToken ct)
    {
        var limite = jour.AddMonths(-periodeMois);
        if (await db.Set<AchatFoyer>().Where(f => f.FoyerCle == cle && f.DernierAchat <= limite)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.DernierAchat, jour), ct) == 1) return;
        var refus = new Web.RegleMetierException($"Ce foyer vient de faire un achat solidaire : un achat par foyer tous les {periodeMois} mois.", "acheteur.nom");
        if (await db.Set<AchatFoyer>().AnyAsync(f => f.FoyerCle == cle, ct)) throw refus;
        var ligne = db.Add(new AchatFoyer { FoyerCle = cle, DernierAchat = jour });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            ligne.State = EntityState.Detached;
            throw refus;
        }
    }

    /// <summary>The last sale (UTC) to this household, or null.</summary>
    public static async Task<DateTime?> DerniereVenteAsync(AppDbContext db, string cle, CancellationToken ct) =>
        await db.Set<Vente>().Where(v => v.FoyerCle == cle).OrderByDescending(v => v.VenduLe).Select(v => (DateTime?)v.VenduLe).FirstOrDefaultAsync(ct);
}

/// <summary>The database's side of « one purchase per household per period »: one row per household key, moved by a conditional
/// UPDATE (only when the last purchase day is old enough) or inserted (unique key) in the sale's transaction, so two simultaneous
/// sales to one household cannot both pass (<see cref="Vendre"/>).</summary>
public sealed class AchatFoyer
{
    public string FoyerCle { get; set; } = "";
    /// <summary>Calendar day (Paris) of the household's last solidarity purchase.</summary>
    public DateOnly DernierAchat { get; set; }
}

public sealed class AchatFoyerConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AchatFoyer>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AchatFoyer> b)
    {
        b.ToTable("AchatsFoyers");
        b.HasKey(a => a.FoyerCle);
        b.Property(a => a.FoyerCle).HasMaxLength(300);
    }
}
