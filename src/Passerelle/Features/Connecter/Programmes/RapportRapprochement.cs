using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Voucher stock of an offer: received, used by top-ups, given back by cancelled vouchers, and what is left (can go negative: top-ups
/// recorded before the lot, to check).</summary>
public sealed record StockBonsDto(int Offre, string Libelle, int Recus, int Utilises, int Annules, int Restants);
/// <summary>A ledger movement without voucher reference: id, day, enrolment, signed amount in cents.</summary>
public sealed record SansReferenceDto(long Mouvement, DateOnly Le, int Adhesion, long Montant);
/// <summary>A reference with the invoiced and the ledger's net amounts (cents); one of them is 0 when only one side has it.</summary>
public sealed record EcartDto(string Reference, long Facture, long Journal, string? Factures);

/// <summary>The reconciliation report of a programme over a period (standard §3): movements without a reference (flagged), invoice lines
/// whose reference no movement carries, movements whose reference no invoice carries, references whose amounts differ, and the voucher
/// stock per offer. Amounts in cents; the ledger's side is the net (top-ups minus refunds and cancelled vouchers) of each reference.</summary>
public sealed record RapprochementDto(int Programme, DateOnly Du, DateOnly Au, long TotalFacture, long TotalJournal, int SansReference, long MontantSansReference,
    IReadOnlyList<SansReferenceDto> SansReferenceListe, IReadOnlyList<EcartDto> NonFacturees, IReadOnlyList<EcartDto> SansMouvement, IReadOnlyList<EcartDto> Ecarts,
    IReadOnlyList<StockBonsDto> Stock);

public static class RapportRapprochement
{
    /// <summary>Each list is cut at this many rows (the counts and totals are not).</summary>
    public const int LignesMax = 500;

    public static async Task<RapprochementDto> ExecuterAsync(AppDbContext db, ProgrammeConnexion p, DateOnly? du, DateOnly? au, TimeProvider horloge, CancellationToken ct)
    {
        var fin = au ?? Territoire.AujourdHui(horloge);
        var debut = du ?? new DateOnly(fin.Year, fin.Month, 1);
        if (debut > fin || debut < fin.AddYears(-2)) throw Valider.Invalide(new() { ["du"] = ["Période : « du » avant « au », deux ans au plus."] });
        DateTime de = debut.ToDateTime(TimeOnly.MinValue), a = fin.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var ids = db.Set<Adhesion>().Where(x => x.ProgrammeId == p.Id).Select(x => x.Id);
        var mouvements = db.Set<MouvementRecharge>().AsNoTracking().Where(m => ids.Contains(m.AdhesionId) && m.Le >= de && m.Le < a);
        var sans = mouvements.Where(m => m.Reference == null);
        var nSans = await sans.CountAsync(ct);
        var montantSans = await sans.SumAsync(m => (long?)m.MontantCentimes, ct) ?? 0;
        var listeSans = (await sans.OrderBy(m => m.Le).ThenBy(m => m.Id).Take(LignesMax).Select(m => new { m.Id, m.Le, m.AdhesionId, m.MontantCentimes }).ToListAsync(ct))
            .Select(m => new SansReferenceDto(m.Id, DateOnly.FromDateTime(m.Le), m.AdhesionId, m.MontantCentimes)).ToList();
        var journal = (await mouvements.Where(m => m.Reference != null).GroupBy(m => m.Reference!).Select(g => new { g.Key, S = g.Sum(m => m.MontantCentimes) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.S);
        var factures = db.Set<FactureOperateur>().Where(f => f.ProgrammeId == p.Id);
        var facture = (await db.Set<LigneFactureOperateur>().AsNoTracking().Where(l => factures.Any(f => f.Id == l.FactureId) && l.Date >= debut && l.Date <= fin)
            .Join(factures, l => l.FactureId, f => f.Id, (l, f) => new { l.Reference, l.MontantCentimes, f.Numero }).ToListAsync(ct))
            .GroupBy(l => l.Reference).ToDictionary(g => g.Key, g => (S: g.Sum(x => x.MontantCentimes), Numero: string.Join(", ", g.Select(x => x.Numero).Distinct())));

        var sansMouvement = facture.Where(f => !journal.ContainsKey(f.Key)).OrderBy(f => f.Key).Select(f => new EcartDto(f.Key, f.Value.S, 0, f.Value.Numero)).ToList();
        var nonFacturees = journal.Where(j => !facture.ContainsKey(j.Key) && j.Value != 0).OrderBy(j => j.Key).Select(j => new EcartDto(j.Key, 0, j.Value, null)).ToList();
        var ecarts = facture.Where(f => journal.TryGetValue(f.Key, out var j) && j != f.Value.S).OrderBy(f => f.Key)
            .Select(f => new EcartDto(f.Key, f.Value.S, journal[f.Key], f.Value.Numero)).ToList();

        var offres = await db.Set<OffreConnexion>().AsNoTracking().Where(o => o.ProgrammeId == p.Id && o.Type != TypesOffres.Box).OrderBy(o => o.Id).ToListAsync(ct);
        var stock = new List<StockBonsDto>();
        foreach (var o in offres)
        {
            var recus = await db.Set<LotBons>().Where(l => l.OffreId == o.Id).SumAsync(l => (int?)l.Quantite, ct) ?? 0;
            var utilises = await db.Set<MouvementRecharge>().CountAsync(m => m.OffreId == o.Id && m.Type == TypesMouvements.Recharge, ct);
            var annules = await db.Set<MouvementRecharge>().CountAsync(m => m.OffreId == o.Id && m.Type == TypesMouvements.BonAnnule, ct);
            stock.Add(new StockBonsDto(o.Id, o.Libelle, recus, utilises, annules, recus - utilises + annules));
        }
        return new RapprochementDto(p.Id, debut, fin, facture.Values.Sum(f => f.S), journal.Values.Sum(), nSans, montantSans, listeSans,
            nonFacturees.Take(LignesMax).ToList(), sansMouvement.Take(LignesMax).ToList(), ecarts.Take(LignesMax).ToList(), stock);
    }
}
