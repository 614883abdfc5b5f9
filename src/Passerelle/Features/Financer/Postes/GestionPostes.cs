using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Postes;

/// <summary>A post as typed: programme, host structure, opening date, national id, the grant that subsidises it.</summary>
public sealed record SaisiePoste(string? Programme, int? StructureId, DateOnly? OuvertLe, string? NumeroNational, int? SubventionId);

/// <summary>An instalment as typed: planned date, amount in cents, condition.</summary>
public sealed record SaisieEcheance(DateOnly? DatePrevue, long? Montant, string? Condition, bool Fictif = false);

/// <summary>Writes posts, their occupants and instalments (administrators); pays an instalment through the grant's ledger.
/// Every change is journaled under « Poste ».</summary>
public static class GestionPostes
{
    public const string ObjetJournal = "Poste";

    public static async Task<Poste> CreerAsync(AppDbContext db, SaisiePoste s, string auteur, TimeProvider horloge, CancellationToken ct, bool demo = false)
    {
        if (string.IsNullOrWhiteSpace(s.Programme) || s.Programme.Trim().Length > 200) throw new RegleMetierException("Indiquez le programme du poste (200 caractères au plus).", "Programme");
        if (s.StructureId is null || !await db.Structures.AnyAsync(x => x.Id == s.StructureId, ct)) throw new RegleMetierException("Choisissez la structure d'accueil.", "StructureId");
        if (s.OuvertLe is null) throw new RegleMetierException("Indiquez la date d'ouverture du poste.", "OuvertLe");
        if (s.NumeroNational is { Length: > 60 }) throw new RegleMetierException("Le numéro national tient en 60 caractères.", "NumeroNational");
        if (s.SubventionId is { } sid)
        {
            if (!await db.Set<Subvention>().AnyAsync(x => x.Id == sid && x.BeneficiaireId == s.StructureId, ct))
                throw new RegleMetierException("Cette subvention n'existe pas ou n'est pas versée à la structure d'accueil.", "SubventionId");
            if (await db.Set<Poste>().AnyAsync(p => p.SubventionId == sid, ct)) throw new RegleMetierException("Cette subvention finance déjà un autre poste.", "SubventionId");
        }
        var p = new Poste { Programme = s.Programme.Trim(), StructureId = s.StructureId.Value, OuvertLe = s.OuvertLe.Value, NumeroNational = s.NumeroNational?.Trim(), SubventionId = s.SubventionId, Demo = demo };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, p.Id, "création", null, $"{p.Programme}, ouvert le {p.OuvertLe:dd/MM/yyyy}");
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>A mediator takes the post from <paramref name="debut"/>; the current occupant, if any, leaves the day before. The
    /// filtered unique index keeps one occupant at a time even under two simultaneous requests.</summary>
    public static async Task OccuperAsync(AppDbContext db, int posteId, int mediateurId, DateOnly debut, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var poste = await db.Set<Poste>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == posteId, ct) ?? throw new KeyNotFoundException();
        if (poste.FermeLe is not null) throw new RegleMetierException("Ce poste est fermé.", "MediateurId");
        if (debut < poste.OuvertLe) throw new RegleMetierException($"Le poste n'est ouvert que depuis le {poste.OuvertLe:dd/MM/yyyy}.", "Debut");
        if (!await db.Mediateurs.AnyAsync(m => m.Id == mediateurId && !m.Archive, ct)) throw new RegleMetierException("Fiche de médiateur introuvable ou archivée.", "MediateurId");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var actuelle = await db.Set<OccupationPoste>().FirstOrDefaultAsync(o => o.PosteId == posteId && o.Fin == null, ct);
        if (actuelle is not null)
        {
            if (debut <= actuelle.Debut) throw new RegleMetierException($"L'occupant actuel est là depuis le {actuelle.Debut:dd/MM/yyyy} : la nouvelle prise de poste vient après.", "Debut");
            actuelle.Fin = debut.AddDays(-1);
        }
        db.Add(new OccupationPoste { PosteId = posteId, MediateurId = mediateurId, Debut = debut });
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, posteId, "occupant", actuelle is null ? "vacant" : $"médiateur {actuelle.MediateurId}", $"médiateur {mediateurId} depuis le {debut:dd/MM/yyyy}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Le poste vient de changer d'occupant : rechargez la page.", "MediateurId"); }
        await tx.CommitAsync(ct);
    }

    /// <summary>The occupant leaves on <paramref name="fin"/>: the post becomes vacant the next day.</summary>
    public static async Task LibererAsync(AppDbContext db, int posteId, DateOnly fin, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var o = await db.Set<OccupationPoste>().FirstOrDefaultAsync(x => x.PosteId == posteId && x.Fin == null, ct)
            ?? throw new RegleMetierException("Le poste est déjà vacant.", "Fin");
        if (fin < o.Debut) throw new RegleMetierException($"L'occupant est là depuis le {o.Debut:dd/MM/yyyy}.", "Fin");
        o.Fin = fin;
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, posteId, "occupant", $"médiateur {o.MediateurId}", $"vacant après le {fin:dd/MM/yyyy}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the next instalment (rank = last + 1). Refused when the instalments would pass the grant's amount.</summary>
    public static async Task<EcheancePoste> AjouterEcheanceAsync(AppDbContext db, int posteId, SaisieEcheance s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var poste = await db.Set<Poste>().AsNoTracking().Where(p => p.Id == posteId).Select(p => new { p.Id, Montant = (long?)p.Subvention!.MontantCentimes }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException();
        if (s.DatePrevue is null) throw new RegleMetierException("Indiquez la date prévue.", "DatePrevue");
        if (s.Montant is not (> 0 and <= Mouvements.MontantMax)) throw new RegleMetierException("Le montant de l'échéance est positif.", "Montant");
        if (s.Condition is { Length: > 200 }) throw new RegleMetierException("La condition tient en 200 caractères.", "Condition");
        var deja = await db.Set<EcheancePoste>().Where(e => e.PosteId == posteId && e.Statut != StatutsEcheance.Annulee).SumAsync(e => (long?)e.MontantCentimes, ct) ?? 0;
        if (poste.Montant is { } m && deja + s.Montant > m)
            throw new RegleMetierException($"Les échéances dépasseraient la subvention du poste : {Montants.Euros(deja)} déjà prévus sur {Montants.Euros(m)}.", "Montant");
        var rang = (await db.Set<EcheancePoste>().Where(e => e.PosteId == posteId).MaxAsync(e => (int?)e.Rang, ct) ?? 0) + 1;
        var e = new EcheancePoste { PosteId = posteId, Rang = rang, DatePrevue = s.DatePrevue.Value, MontantCentimes = s.Montant.Value, Condition = string.IsNullOrWhiteSpace(s.Condition) ? null : s.Condition.Trim(), Fictif = s.Fictif };
        db.Add(e);
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, posteId, $"échéance {rang}", null, $"{Montants.Euros(e.MontantCentimes)} prévue le {e.DatePrevue:dd/MM/yyyy}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Une échéance vient d'être ajoutée : rechargez la page.", "DatePrevue"); }
        return e;
    }

    /// <summary>Pays an instalment: in one transaction, the instalment moves from « prévue » to « payée » by a conditional UPDATE
    /// (a second click or a parallel request finds nothing to update → 409 « déjà payée »), and a <c>mandat</c> of its amount goes
    /// through the grant's ledger (<see cref="Mouvements.EnregistrerAsync"/>, with all its guarantees: not beyond the grant nor
    /// beyond what is committed). Either both happen or neither.</summary>
    /// <exception cref="RegleMetierException">No grant on the post, already paid or cancelled, or the ledger refuses the payment.</exception>
    public static async Task<MouvementSubvention> PayerAsync(AppDbContext db, int echeanceId, DateOnly date, string? numero, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var e = await db.Set<EcheancePoste>().AsNoTracking().Where(x => x.Id == echeanceId)
            .Join(db.Set<Poste>(), x => x.PosteId, p => p.Id, (x, p) => new { x.Id, x.PosteId, x.Rang, x.MontantCentimes, x.Statut, p.SubventionId }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException();
        if (e.SubventionId is not { } sid) throw new RegleMetierException("Ce poste n'a pas de subvention : rattachez-la avant de payer.", "Echeance");
        if (e.Statut != StatutsEcheance.Prevue) throw new RegleMetierException($"L'échéance {e.Rang} est déjà {StatutsEcheance.Libelle(e.Statut).ToLowerInvariant()}.", "Echeance");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The ledger first (it moves the grant's paid total by its conditional UPDATE), then the instalment from « prévue » only:
        // a second payment of the same instalment finds nothing to update and the whole transaction, its mandat included, rolls back.
        var m = await Mouvements.EnregistrerAsync(db, sid, new SaisieMouvement(TypesMouvement.Mandat, e.MontantCentimes, date, numero), auteur, horloge, ct)
            ?? throw new KeyNotFoundException();
        var n = await db.Set<EcheancePoste>().Where(x => x.Id == echeanceId && x.Statut == StatutsEcheance.Prevue)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Statut, StatutsEcheance.Payee).SetProperty(x => x.PayeeLe, date).SetProperty(x => x.MouvementId, m.Id), ct);
        if (n != 1)
        {
            await tx.RollbackAsync(ct);
            throw new RegleMetierException($"L'échéance {e.Rang} vient d'être payée.", "Echeance");
        }
        Journal.Ajouter(db, horloge, auteur, ObjetJournal, e.PosteId, $"échéance {e.Rang}", StatutsEcheance.Libelle(StatutsEcheance.Prevue), $"payée le {date:dd/MM/yyyy} ({Montants.Euros(e.MontantCentimes)})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return m;
    }
}
