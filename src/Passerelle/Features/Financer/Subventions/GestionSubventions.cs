using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>A grant as posted to <c>POST /api/v1/subventions</c>. Amounts in cents; <c>statut</c> is <c>demandee</c> (default)
/// or <c>votee</c>; <c>rangActe</c> is the award line of the deliberation it comes from.</summary>
public sealed record SaisieSubvention(int FinanceurId, int BeneficiaireId, int Exercice, string? Objet, long Montant, int? EnveloppeId = null,
    int? DeliberationId = null, int? RangActe = null, string? Statut = null, string? Nature = null, string? ConditionsVersement = null,
    DateOnly? VersementDebut = null, DateOnly? VersementFin = null, long? BudgetAction = null, string? ReferenceDecision = null, bool NotificationUe = false);

/// <summary>Creating grants and moving their status; every change journaled (<see cref="Journal"/>).</summary>
public static class GestionSubventions
{
    /// <summary>Allowed status changes (issue 11 §2): requested → voted → notified → convention signed → paid → reported →
    /// closed; a request may be refused; a notified grant without a convention (below 23 000 €) goes straight to paid.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Suivants = new Dictionary<string, string[]>
    {
        [StatutsSubvention.Demandee] = [StatutsSubvention.Votee, StatutsSubvention.Refusee],
        [StatutsSubvention.Votee] = [StatutsSubvention.Notifiee],
        [StatutsSubvention.Notifiee] = [StatutsSubvention.Conventionnee, StatutsSubvention.Versee],
        [StatutsSubvention.Conventionnee] = [StatutsSubvention.Versee],
        [StatutsSubvention.Versee] = [StatutsSubvention.Justifiee],
        [StatutsSubvention.Justifiee] = [StatutsSubvention.Soldee],
        [StatutsSubvention.Soldee] = [],
        [StatutsSubvention.Refusee] = [],
    };

    /// <summary>Statuses that count as voted money on the board and envelope pages.</summary>
    public static readonly string[] Votes = [StatutsSubvention.Votee, StatutsSubvention.Notifiee, StatutsSubvention.Conventionnee,
        StatutsSubvention.Versee, StatutsSubvention.Justifiee, StatutsSubvention.Soldee];

    public static async Task<Dictionary<string, string[]>> VerifierAsync(AppDbContext db, SaisieSubvention s, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!await db.Set<Financeur>().AnyAsync(f => f.Id == s.FinanceurId, ct)) e["financeurId"] = ["Choisissez un financeur connu."];
        if (!await db.Structures.AnyAsync(x => x.Id == s.BeneficiaireId, ct)) e["beneficiaireId"] = ["Choisissez une structure de l'annuaire."];
        if (s.Exercice is < 2000 or > 2100) e["exercice"] = ["L'exercice est une année entre 2000 et 2100."];
        if (string.IsNullOrWhiteSpace(s.Objet)) e["objet"] = ["Indiquez l'objet de la subvention."];
        else if (s.Objet.Length > 1000) e["objet"] = ["L'objet tient en 1 000 caractères au plus."];
        if (s.Montant is <= 0 or > Mouvements.MontantMax) e["montant"] = ["Le montant, en centimes, est positif et inférieur à 10 milliards d'euros."];
        if (s.EnveloppeId is { } env && !await db.Set<Enveloppe>().AnyAsync(x => x.Id == env && x.FinanceurId == s.FinanceurId, ct))
            e["enveloppeId"] = ["Cette enveloppe n'est pas une ligne budgétaire de ce financeur."];
        if (s.DeliberationId is { } d && !await db.Deliberations.AnyAsync(x => x.Id == d, ct)) e["deliberationId"] = ["Cette délibération n'est pas au registre."];
        if (s.RangActe is not null && s.DeliberationId is null) e["rangActe"] = ["Une ligne d'acte suppose la délibération."];
        if (s.Statut is not null && s.Statut is not (StatutsSubvention.Demandee or StatutsSubvention.Votee))
            e["statut"] = ["Une subvention est créée demandée ou votée."];
        if (s.Nature is not null && !NaturesAide.Toutes.Contains(s.Nature)) e["nature"] = ["Nature : « aide en numéraire » ou « aide en nature »."];
        if (s.ConditionsVersement is { Length: > 256 }) e["conditionsVersement"] = ["Les conditions de versement tiennent en 256 caractères."];
        if (s.VersementDebut is { } a && s.VersementFin is { } b && b < a) e["versementFin"] = ["La fin des versements suit leur début."];
        if (s.BudgetAction is { } ba && (ba < s.Montant || ba > Mouvements.MontantMax)) e["budgetAction"] = ["Le budget de l'action est au moins le montant de la subvention."];
        if (s.ReferenceDecision is { Length: > 300 }) e["referenceDecision"] = ["La référence de la décision tient en 300 caractères."];
        return e;
    }

    /// <summary>Adds the grant (not saved: the caller saves, alone or with others in one transaction) and journals it.</summary>
    public static Subvention Ajouter(AppDbContext db, SaisieSubvention s, string auteur, TimeProvider horloge)
    {
        var sub = new Subvention
        {
            FinanceurId = s.FinanceurId, BeneficiaireId = s.BeneficiaireId, Exercice = s.Exercice, Objet = s.Objet!.Trim(), MontantCentimes = s.Montant,
            EnveloppeId = s.EnveloppeId, DeliberationId = s.DeliberationId, RangActe = s.RangActe, Statut = s.Statut ?? StatutsSubvention.Demandee,
            Nature = s.Nature ?? NaturesAide.Numeraire, ConditionsVersement = string.IsNullOrWhiteSpace(s.ConditionsVersement) ? "unique" : s.ConditionsVersement.Trim(),
            VersementDebut = s.VersementDebut, VersementFin = s.VersementFin, BudgetActionCentimes = s.BudgetAction,
            ReferenceDecision = string.IsNullOrWhiteSpace(s.ReferenceDecision) ? null : s.ReferenceDecision.Trim(), NotificationUe = s.NotificationUe,
            CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(sub);
        return sub;
    }

    static void JournaliserCreation(AppDbContext db, Subvention s, string auteur, TimeProvider horloge) =>
        Journal.Ajouter(db, horloge, auteur, Journal.Subvention, s.Id, "création", null,
            $"{Montants.Euros(s.MontantCentimes)}, exercice {s.Exercice}, {StatutsSubvention.Libelle(s.Statut).ToLowerInvariant()}");

    /// <summary>Creates one grant.</summary>
    /// <exception cref="RegleMetierException">The act's line already gave a grant.</exception>
    public static async Task<Subvention> CreerAsync(AppDbContext db, SaisieSubvention s, string auteur, TimeProvider horloge, CancellationToken ct) =>
        (await CreerPlusieursAsync(db, [s], auteur, horloge, ct))[0];

    /// <summary>Creates several grants in one transaction: all or none (the grants of one act, confirmed line by line).</summary>
    /// <exception cref="RegleMetierException">One of the act's lines already gave a grant (unique index on act and rank).</exception>
    public static async Task<List<Subvention>> CreerPlusieursAsync(AppDbContext db, IReadOnlyList<SaisieSubvention> saisies, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var subs = saisies.Select(s => Ajouter(db, s, auteur, horloge)).ToList();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            foreach (var x in subs) db.Entry(x).State = EntityState.Detached;
            throw new RegleMetierException("Une ligne de cet acte a déjà donné une subvention : rechargez la page.");
        }
        foreach (var x in subs) JournaliserCreation(db, x, auteur, horloge);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return subs;
    }

    /// <summary>Moves a grant to a next status (<see cref="Suivants"/>) with a conditional update on the current one, so two
    /// people changing it at once cannot both win.</summary>
    /// <returns>False when the grant does not exist.</returns>
    /// <exception cref="RegleMetierException">The change is not allowed from the current status.</exception>
    public static async Task<bool> ChangerStatutAsync(AppDbContext db, int id, string? statut, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var actuel = await db.Set<Subvention>().Where(x => x.Id == id).Select(x => x.Statut).FirstOrDefaultAsync(ct);
        if (actuel is null) return false;
        if (statut is null || !Suivants[actuel].Contains(statut))
            throw new RegleMetierException($"Une subvention « {StatutsSubvention.Libelle(actuel).ToLowerInvariant()} » ne peut passer qu'à : "
                + (Suivants[actuel].Length == 0 ? "aucun autre statut" : string.Join(", ", Suivants[actuel].Select(x => "« " + StatutsSubvention.Libelle(x).ToLowerInvariant() + " »"))) + ".", "statut");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await db.Set<Subvention>().Where(x => x.Id == id && x.Statut == actuel).ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, statut), ct);
        if (n != 1) throw new RegleMetierException("La subvention vient de changer de statut : rechargez la page.", "statut");
        Journal.Ajouter(db, horloge, auteur, Journal.Subvention, id, "statut", StatutsSubvention.Libelle(actuel), StatutsSubvention.Libelle(statut));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The directory structure whose name best matches an act's beneficiary as printed (exact name, ignoring case and
    /// accents, then the first structure whose name contains it or is contained in it, then the longest shared beginning of
    /// 24 characters or more); null when none.</summary>
    public static int? Rapprocher(IReadOnlyList<(int Id, string Nom)> structures, string beneficiaire)
    {
        var b = Texte.Normaliser(beneficiaire);
        if (b.Length == 0) return null;
        var noms = structures.Select(s => (s.Id, Nom: Texte.Normaliser(s.Nom))).ToList();
        static int Commun(string x, string y) { var i = 0; while (i < x.Length && i < y.Length && x[i] == y[i]) i++; return i; }
        return noms.Where(s => s.Nom == b).Select(s => (int?)s.Id).FirstOrDefault()
            ?? noms.Where(s => s.Nom.Length >= 4 && (s.Nom.Contains(b) || b.Contains(s.Nom))).Select(s => (int?)s.Id).FirstOrDefault()
            // A long name printed in full in the act and shortened in the directory: the longest shared beginning, 24 characters at least.
            ?? noms.Select(s => (s.Id, Commun: Commun(s.Nom, b))).Where(x => x.Commun >= 24).OrderByDescending(x => x.Commun).Select(x => (int?)x.Id).FirstOrDefault();
    }
}
