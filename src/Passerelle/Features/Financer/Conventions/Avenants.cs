using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>What an amendment changes; a null field is left as it is. <paramref name="Cibles"/>: new target by objective id;
/// <paramref name="Retires"/>: objectives the amendment closes.</summary>
public sealed record SaisieAvenant(DateOnly? Date, string? Objet, int? DeliberationId = null, long? MontantAnnuel = null, DateOnly? Debut = null, DateOnly? Fin = null,
    IReadOnlyDictionary<int, int>? Cibles = null, IReadOnlyCollection<int>? Retires = null);

/// <summary>Recording amendments (docs/standards/financement-local.md §2: « keep every version; the current convention is the initial
/// text plus its amendments in order »).</summary>
public static class Avenants
{
    public static Dictionary<string, string[]> Verifier(SaisieAvenant s)
    {
        var e = new Dictionary<string, string[]>();
        if (s.Date is null) e["date"] = ["Indiquez la date de l'avenant."];
        if (string.IsNullOrWhiteSpace(s.Objet)) e["objet"] = ["Dites en une phrase ce que l'avenant change."];
        else if (s.Objet.Length > 1000) e["objet"] = ["L'objet tient en 1 000 caractères."];
        if (s.MontantAnnuel is < 0 or > Mouvements.MontantMax) e["montant"] = ["Le montant par an est positif ou nul."];
        if (s.Debut is { } d && s.Fin is { } f && f <= d) e["fin"] = ["La fin de la convention doit suivre son début."];
        if (s.Cibles?.Values.Any(v => v < 0) == true) e["cibles"] = ["Une cible est un nombre positif ou nul."];
        if (s.MontantAnnuel is null && s.Debut is null && s.Fin is null && (s.Cibles?.Count ?? 0) == 0 && (s.Retires?.Count ?? 0) == 0)
            e[""] = ["Un avenant change au moins le montant, la période ou un objectif."];
        return e;
    }

    /// <summary>Records the next amendment of the convention and applies it, in one transaction that first locks the convention's row:
    /// number = last + 1 (a unique index backs it), old values read in the transaction, the convention and
    /// its objectives updated, the change journaled (object « Convention »).</summary>
    /// <returns>Null when the convention does not exist.</returns>
    /// <exception cref="RegleMetierException">Nothing changes, the period would end before it starts, an unknown objective or act,
    /// or another amendment was recorded at the same moment.</exception>
    public static async Task<Avenant?> EnregistrerAsync(AppDbContext db, int conventionId, SaisieAvenant s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Takes the convention's row lock first (a no-op update): a second amendment waits here, then reads the first one's values.
        if (await db.Conventions.Where(x => x.Id == conventionId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MontantAnnuelCentimes, x => x.MontantAnnuelCentimes), ct) == 0) return null;
        var c = await db.Conventions.FirstAsync(x => x.Id == conventionId, ct);
        if (s.DeliberationId is { } did && !await db.Deliberations.AnyAsync(d => d.Id == did, ct))
            throw new RegleMetierException("Cette délibération n'est pas au registre.", "deliberationId");
        var numero = (await db.Set<Avenant>().Where(a => a.ConventionId == conventionId).MaxAsync(a => (int?)a.Numero, ct) ?? 0) + 1;
        var a = new Avenant
        {
            ConventionId = conventionId, Numero = numero, Date = s.Date!.Value, DeliberationId = s.DeliberationId, Objet = s.Objet!.Trim(),
            EnregistrePar = auteur, EnregistreLe = horloge.GetUtcNow().UtcDateTime,
        };
        if (s.MontantAnnuel is { } m && m != c.MontantAnnuelCentimes) { a.AncienMontantAnnuelCentimes = c.MontantAnnuelCentimes; a.NouveauMontantAnnuelCentimes = m; c.MontantAnnuelCentimes = m; }
        if (s.Debut is { } d && d != c.DateDebut) { a.AncienDebut = c.DateDebut; a.NouveauDebut = d; c.DateDebut = d; }
        if (s.Fin is { } f && f != c.DateFin) { a.AncienneFin = c.DateFin; a.NouvelleFin = f; c.DateFin = f; }
        if (c.DateFin <= c.DateDebut) throw new RegleMetierException("La fin de la convention doit suivre son début.", "fin");
        var lignes = new List<string>();
        var ids = (s.Cibles?.Keys ?? []).Concat(s.Retires ?? []).Distinct().ToList();
        var objectifs = await db.Set<ObjectifConvention>().Where(o => o.ConventionId == conventionId && ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        if (objectifs.Count != ids.Count) throw new RegleMetierException("Un objectif n'appartient pas à cette convention.", "cibles");
        foreach (var (id, cible) in s.Cibles ?? new Dictionary<int, int>())
            if (objectifs[id].Cible != cible && objectifs[id].Actif)
            {
                lignes.Add($"Objectif {objectifs[id].Rang} « {objectifs[id].Intitule} » : cible {objectifs[id].Cible} → {cible}");
                objectifs[id].Cible = cible;
            }
        foreach (var id in s.Retires ?? [])
            if (objectifs[id].Actif)
            {
                lignes.Add($"Objectif {objectifs[id].Rang} « {objectifs[id].Intitule} » : retiré");
                objectifs[id].Actif = false;
            }
        if (lignes.Count > 0) a.Objectifs = string.Join("\n", lignes);
        if (a.NouveauMontantAnnuelCentimes is null && a.NouveauDebut is null && a.NouvelleFin is null && a.Objectifs is null)
            throw new RegleMetierException("Cet avenant ne change rien : le montant, la période et les objectifs sont déjà ceux-là.");
        db.Add(a);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            throw new RegleMetierException("Un autre avenant vient d'être enregistré pour cette convention : rechargez la page.");
        }
        Journal.Ajouter(db, horloge, auteur, JournalConventions.Convention, conventionId, $"avenant n° {numero}", null, Resume(a));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return a;
    }

    /// <summary>The amendment's changes in one line each, old → new.</summary>
    public static string Resume(Avenant a)
    {
        var l = new List<string>();
        if (a.NouveauMontantAnnuelCentimes is { } m) l.Add($"Montant par an : {Montants.Euros(a.AncienMontantAnnuelCentimes ?? 0)} → {Montants.Euros(m)}");
        if (a.NouveauDebut is { } d) l.Add($"Début : {DatesEnLettres.Jour(a.AncienDebut!.Value)} → {DatesEnLettres.Jour(d)}");
        if (a.NouvelleFin is { } f) l.Add($"Fin : {DatesEnLettres.Jour(a.AncienneFin!.Value)} → {DatesEnLettres.Jour(f)}");
        if (a.Objectifs is not null) l.AddRange(a.Objectifs.Split('\n'));
        return string.Join("\n", l);
    }
}

/// <summary>Journal object names of this feature (<see cref="JournalFinancement.Objet"/>).</summary>
public static class JournalConventions
{
    public const string Convention = "Convention";
}
