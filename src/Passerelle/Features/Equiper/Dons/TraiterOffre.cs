using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

public sealed record QualificationSaisie(bool Accepter, string? MotifRefus);
public sealed record EnlevementSaisie(DateTime? Le);
/// <param name="PoidsKg">Weight of the whole lot on the workshop's scale, in kilograms (0 to 100 000).</param>
/// <param name="Site">The work site that receives the lot (up to 200 characters; optional: blank leaves it unrecorded).</param>
public sealed record ReceptionSaisie(int NombreAppareils, int PoidsKg, string? Site = null);

/// <summary>The team's steps on an offer: qualify it, plan the pickup, receive the lot. Each step refuses an offer in the wrong status (409).</summary>
public static class TraiterOffre
{
    static async Task<OffreDon> ChargerAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<OffreDon>().Include(o => o.Lot).FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new KeyNotFoundException("Offre inconnue.");

    public static async Task<OffreDon> QualifierAsync(AppDbContext db, int id, QualificationSaisie s, CancellationToken ct)
    {
        if ((s.MotifRefus?.Length ?? 0) > 500) throw Valider.Invalide(new() { ["MotifRefus"] = ["500 caractères au plus."] });
        var o = await ChargerAsync(db, id, ct);
        o.Qualifier(s.Accepter, s.MotifRefus);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public static async Task<OffreDon> PlanifierAsync(AppDbContext db, int id, EnlevementSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        if (s.Le is null) throw Valider.Invalide(new() { ["EnlevementLe"] = ["Indiquez la date et l'heure de l'enlèvement."] });
        var le = DateTime.SpecifyKind(s.Le.Value, DateTimeKind.Utc);
        if (le < horloge.GetUtcNow().UtcDateTime.AddDays(-1)) throw Valider.Invalide(new() { ["EnlevementLe"] = ["L'enlèvement ne peut pas être prévu dans le passé."] });
        var o = await ChargerAsync(db, id, ct);
        o.PlanifierEnlevement(le);
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>Records the lot; the unique index on the lot's offer makes a second reception of the same offer fail (409).</summary>
    public static async Task<Lot> ReceptionnerAsync(AppDbContext db, int id, ReceptionSaisie s, string agent, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new Dictionary<string, string[]>();
        if (s.NombreAppareils is < 1 or > 100_000) erreurs["NombreAppareils"] = ["Indiquez le nombre d'appareils reçus (1 à 100 000)."];
        if (s.PoidsKg is < 0 or > 100_000) erreurs["PoidsKg"] = ["Indiquez le poids en kilos (0 à 100 000)."];
        if ((s.Site?.Trim().Length ?? 0) > 200) erreurs["Site"] = ["Le nom du site tient en 200 caractères au plus."];
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Réception invalide");
        var o = await ChargerAsync(db, id, ct);
        if (o.Statut is not (OffreDon.Acceptee or OffreDon.Planifiee) || o.Lot is not null)
            throw new RegleMetierException(o.Lot is not null ? "Le lot de cette offre est déjà reçu." : "Seule une offre acceptée peut être reçue.", "Statut");
        var lot = new Lot { OffreDonId = o.Id, RecuLe = horloge.GetUtcNow().UtcDateTime, NombreAppareils = s.NombreAppareils, PoidsKg = s.PoidsKg, RecuPar = agent,
            Site = string.IsNullOrWhiteSpace(s.Site) ? null : s.Site.Trim() };
        o.Statut = OffreDon.Recue;
        db.Add(lot);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Le lot de cette offre est déjà reçu.", "Statut"); }
        return lot;
    }
}
