using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>A movement as posted: <c>{ "type": "engagement"|"mandat"|"reversement"|"annulation"|"avoir", "montant": cents, "date": "2023-06-30", "numero": "M-2023-0412" }</c>.
/// The amount may be given positive or negative for the negative kinds (the ledger stores it below zero); it is always
/// positive for an engagement or a mandat.</summary>
public sealed record SaisieMouvement(string? Type, long? Montant, DateOnly? Date, string? Numero);

/// <summary>The ledger's one writer (docs/decisions/0019-chaine-de-financement.md).</summary>
public static class Mouvements
{
    /// <summary>Largest amount of one movement: 10 billion euros, in cents.</summary>
    public const long MontantMax = 1_000_000_000_000;

    public static Dictionary<string, string[]> Verifier(SaisieMouvement s)
    {
        var e = new Dictionary<string, string[]>();
        if (!TypesMouvement.Existe(s.Type)) e["type"] = ["Choisissez le type de mouvement : engagement, annulation, mandat, reversement ou avoir."];
        if (s.Montant is null or 0) e["montant"] = ["Indiquez le montant, en centimes, différent de zéro."];
        else if (Math.Abs(s.Montant.Value) > MontantMax) e["montant"] = ["Le montant dépasse 10 milliards d'euros."];
        else if (s.Montant < 0 && s.Type is TypesMouvement.Engagement or TypesMouvement.Mandat)
            e["montant"] = ["Un engagement ou un mandat est positif : pour corriger, enregistrez une annulation ou un reversement."];
        if (s.Date is null) e["date"] = ["Indiquez la date du mouvement."];
        else if (s.Date.Value.Year is < 1990 or > 2100) e["date"] = ["La date du mouvement doit être entre 1990 et 2100."];
        if (s.Numero is { Length: > 60 }) e["numero"] = ["Le numéro tient en 60 caractères au plus."];
        return e;
    }

    /// <summary>Appends one movement and moves the grant's running total in one transaction: one conditional UPDATE
    /// (<c>PayeCentimes = PayeCentimes + m WHERE PayeCentimes + m BETWEEN 0 AND MontantCentimes</c>), rows affected checked,
    /// then the insert. A mandat is refused beyond what is committed, and a cancellation below what is paid (commitment first,
    /// decision 0026; CHECK <c>PayeCentimes &lt;= EngageCentimes</c>). Under parallel requests the database serialises the updates of the row, so the paid total
    /// never passes the grant's amount (CHECK constraints hold it too).</summary>
    /// <returns>The movement, or null when the grant does not exist.</returns>
    /// <exception cref="RegleMetierException">The grant is not voted, or the movement would pay beyond what remains (or recover
    /// more than was paid, commit beyond the amount, release more than was committed).</exception>
    public static async Task<MouvementSubvention?> EnregistrerAsync(AppDbContext db, int subventionId, SaisieMouvement s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var type = s.Type!;
        var montant = TypesMouvement.Negatif(type) ? -Math.Abs(s.Montant!.Value) : s.Montant!.Value;
        var subventions = db.Set<Subvention>();
        // Inside the caller's transaction when there is one (an instalment paid with its mandat), else in its own.
        var propre = db.Database.CurrentTransaction is null;
        await using var tx = propre ? await db.Database.BeginTransactionAsync(ct) : null;
        var cible = subventions.Where(x => x.Id == subventionId && x.Statut != StatutsSubvention.Demandee && x.Statut != StatutsSubvention.Refusee);
        var lignes = TypesMouvement.SurPaye(type)
            ? await cible.Where(x => x.PayeCentimes + montant >= 0 && x.PayeCentimes + montant <= x.MontantCentimes && x.PayeCentimes + montant <= x.EngageCentimes)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.PayeCentimes, x => x.PayeCentimes + montant), ct)
            : await cible.Where(x => x.EngageCentimes + montant >= x.PayeCentimes && x.EngageCentimes + montant <= x.MontantCentimes)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.EngageCentimes, x => x.EngageCentimes + montant), ct);
        if (lignes != 1)
        {
            if (tx is not null) await tx.RollbackAsync(ct);
            var etat = await subventions.AsNoTracking().Where(x => x.Id == subventionId)
                .Select(x => new { x.Statut, x.MontantCentimes, x.PayeCentimes, x.EngageCentimes }).FirstOrDefaultAsync(ct);
            if (etat is null) return null;
            if (etat.Statut is StatutsSubvention.Demandee or StatutsSubvention.Refusee)
                throw new RegleMetierException($"La subvention est « {StatutsSubvention.Libelle(etat.Statut).ToLowerInvariant()} » : aucun mouvement avant son vote.", "type");
            throw new RegleMetierException(type switch
            {
                TypesMouvement.Mandat when etat.PayeCentimes + montant > etat.EngageCentimes && etat.PayeCentimes + montant <= etat.MontantCentimes =>
                    $"Ce mandat dépasse ce qui est engagé : {Montants.Euros(etat.EngageCentimes)} engagés, {Montants.Euros(etat.PayeCentimes)} déjà payés. Enregistrez d'abord l'engagement.",
                TypesMouvement.Mandat => $"Ce mandat paierait plus que ce qui reste : il reste {Montants.Euros(etat.MontantCentimes - etat.PayeCentimes)} à payer sur {Montants.Euros(etat.MontantCentimes)}.",
                TypesMouvement.Engagement => $"Cet engagement dépasserait la subvention : {Montants.Euros(etat.EngageCentimes)} déjà engagés sur {Montants.Euros(etat.MontantCentimes)}.",
                TypesMouvement.Annulation => $"On ne peut annuler que ce qui est engagé et pas encore payé : {Montants.Euros(etat.EngageCentimes - etat.PayeCentimes)}.",
                _ => $"On ne peut reprendre que ce qui a été payé : {Montants.Euros(etat.PayeCentimes)}.",
            }, "montant");
        }
        var m = new MouvementSubvention
        {
            SubventionId = subventionId, Type = type, MontantCentimes = montant, Date = s.Date!.Value, Numero = string.IsNullOrWhiteSpace(s.Numero) ? null : s.Numero.Trim(),
            EnregistreLe = horloge.GetUtcNow().UtcDateTime, EnregistrePar = auteur,
        };
        db.Add(m);
        Journal.Ajouter(db, horloge, auteur, Journal.Subvention, subventionId, "mouvement", null,
            $"{TypesMouvement.Libelle(type)} {Montants.Euros(montant)}{(m.Numero is null ? "" : " n° " + m.Numero)} du {m.Date:dd/MM/yyyy}");
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return m;
    }
}

/// <summary>Money shown in plain French: « 30 000,00 € ».</summary>
public static class Montants
{
    static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
    public static string Euros(long centimes) => (centimes / 100m).ToString("N2", Fr) + "\u00A0€";
    /// <summary>A share of a total, « 4,05 % », or « — » when the total is zero.</summary>
    public static string Pourcentage(long part, long total) => total == 0 ? "—" : ((decimal)part / total).ToString("P2", Fr);
}

/// <summary>Writes <see cref="JournalFinancement"/> lines (added to the context, saved by the caller).</summary>
public static class Journal
{
    public const string Subvention = "Subvention", Financeur = "Financeur", Enveloppe = "Enveloppe";

    public static void Ajouter(AppDbContext db, TimeProvider horloge, string par, string objet, int id, string champ, string? ancien, string? nouveau) =>
        db.Add(new JournalFinancement
        {
            Le = horloge.GetUtcNow().UtcDateTime, Par = par, Objet = objet, ObjetId = id, Champ = champ,
            Ancien = ancien is { Length: > 1000 } ? ancien[..1000] : ancien, Nouveau = nouveau is { Length: > 1000 } ? nouveau[..1000] : nouveau,
        });
}
