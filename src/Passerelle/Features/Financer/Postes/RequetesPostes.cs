using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Postes;

/// <summary>One occupant of a post (mediator card link).</summary>
public sealed record OccupantDto(int MediateurId, string Nom, DateOnly Debut, DateOnly? Fin);

/// <summary>One instalment as shown (amount in cents).</summary>
public sealed record EcheanceDto(int Id, int Rang, DateOnly DatePrevue, long Montant, string? Condition, string Statut, DateOnly? PayeeLe, long? MouvementId, bool Fictif);

/// <summary>A post with its occupants, instalments and vacancy: <c>MoisVacance</c> counts the whole and partial months of
/// the days without an occupant from opening to today (or closing), a day = 1/30.4375 month, rounded to one decimal.</summary>
public sealed record PosteDto(int Id, string Programme, string? NumeroNational, int StructureId, string Structure, DateOnly OuvertLe, DateOnly? FermeLe,
    int? SubventionId, long? Subvention, long? Paye, string? Financeur, bool Occupe, decimal MoisVacance, IReadOnlyList<OccupantDto> Occupants, IReadOnlyList<EcheanceDto> Echeances);

/// <summary>Read side of the posts, inside the funding perimeter: an administrator sees all; a funder the posts its grants pay;
/// a manager the posts of its structures.</summary>
public static class RequetesPostes
{
    public static IQueryable<Poste> Filtrer(IQueryable<Poste> q, PerimetreFinancement p)
    {
        if (p.Tout) return q;
        var f = p.FinanceurId ?? -1;
        var s = p.Structures.ToList();
        return q.Where(x => (x.Subvention != null && x.Subvention.FinanceurId == f) || s.Contains(x.StructureId));
    }

    /// <summary>Days without an occupant between opening and <paramref name="aujourdHui"/> (or closing), from the occupations.</summary>
    public static int JoursVacance(DateOnly ouvert, DateOnly? ferme, IEnumerable<(DateOnly Debut, DateOnly? Fin)> occupations, DateOnly aujourdHui)
    {
        var fin = ferme is { } f && f < aujourdHui ? f : aujourdHui;
        if (fin < ouvert) return 0;
        var jours = fin.DayNumber - ouvert.DayNumber + 1;
        var occupes = new HashSet<int>();
        foreach (var (d, fo) in occupations)
            for (var j = Math.Max(d.DayNumber, ouvert.DayNumber); j <= Math.Min((fo ?? fin).DayNumber, fin.DayNumber); j++) occupes.Add(j);
        return jours - occupes.Count;
    }

    public static decimal Mois(int jours) => Math.Round(jours / 30.4375m, 1);

    public static async Task<List<PosteDto>> ListerAsync(AppDbContext db, PerimetreFinancement p, DateOnly aujourdHui, CancellationToken ct, int? structureId = null, int? id = null)
    {
        var q = Filtrer(db.Set<Poste>().AsNoTracking(), p);
        if (structureId is { } sid) q = q.Where(x => x.StructureId == sid);
        if (id is { } pid) q = q.Where(x => x.Id == pid);
        var postes = await q.OrderBy(x => x.Structure!.Nom).ThenBy(x => x.OuvertLe).ThenBy(x => x.Id).Take(1000)
            .Select(x => new
            {
                x.Id, x.Programme, x.NumeroNational, x.StructureId, Structure = x.Structure!.Nom, x.OuvertLe, x.FermeLe, x.SubventionId,
                Montant = x.Subvention == null ? (long?)null : x.Subvention.MontantCentimes, Paye = x.Subvention == null ? (long?)null : x.Subvention.PayeCentimes,
                Financeur = x.Subvention == null ? null : x.Subvention.Financeur!.Nom,
                Occupants = x.Occupations.OrderBy(o => o.Debut).Select(o => new OccupantDto(o.MediateurId, o.Mediateur!.Prenom + " " + o.Mediateur.Nom, o.Debut, o.Fin)).ToList(),
                Echeances = x.Echeances.OrderBy(e => e.Rang).Select(e => new EcheanceDto(e.Id, e.Rang, e.DatePrevue, e.MontantCentimes, e.Condition, e.Statut, e.PayeeLe, e.MouvementId, e.Fictif)).ToList(),
            }).ToListAsync(ct);
        return postes.Select(x => new PosteDto(x.Id, x.Programme, x.NumeroNational, x.StructureId, x.Structure, x.OuvertLe, x.FermeLe, x.SubventionId, x.Montant, x.Paye, x.Financeur,
            x.FermeLe is null && x.Occupants.Any(o => o.Debut <= aujourdHui && (o.Fin is null || o.Fin >= aujourdHui)),
            Mois(JoursVacance(x.OuvertLe, x.FermeLe, x.Occupants.Select(o => (o.Debut, o.Fin)), aujourdHui)), x.Occupants, x.Echeances)).ToList();
    }
}

/// <summary>The board's instalments and vacant posts (<see cref="IPostesDuTableau"/>).</summary>
public sealed class PostesDuTableau : IPostesDuTableau
{
    public async Task<IReadOnlyList<EcheanceDue>> EcheancesDuesAsync(AppDbContext db, PerimetreFinancement p, DateOnly jusquAu, CancellationToken ct)
    {
        var postes = RequetesPostes.Filtrer(db.Set<Poste>().AsNoTracking(), p);
        var lignes = await db.Set<EcheancePoste>().AsNoTracking().Where(e => e.Statut == StatutsEcheance.Prevue && e.DatePrevue <= jusquAu)
            .Join(postes, e => e.PosteId, x => x.Id, (e, x) => new { e.Id, PosteId = x.Id, x.Programme, Structure = x.Structure!.Nom, e.Rang, e.DatePrevue, e.MontantCentimes, e.Condition, e.Fictif })
            .OrderBy(e => e.DatePrevue).ThenBy(e => e.Id).Take(200).ToListAsync(ct);
        return lignes.Select(e => new EcheanceDue(e.Id, e.PosteId, e.Programme, e.Structure, e.Rang, e.DatePrevue, e.MontantCentimes, e.Condition, e.Fictif)).ToList();
    }

    public async Task<IReadOnlyList<PosteVacant>> PostesVacantsAsync(AppDbContext db, PerimetreFinancement p, DateOnly aujourdHui, CancellationToken ct)
    {
        var vacants = await RequetesPostes.Filtrer(db.Set<Poste>().AsNoTracking(), p)
            .Where(x => x.FermeLe == null && x.OuvertLe <= aujourdHui && !x.Occupations.Any(o => o.Debut <= aujourdHui && (o.Fin == null || o.Fin >= aujourdHui)))
            .Select(x => new
            {
                x.Id, x.Programme, Structure = x.Structure!.Nom, x.OuvertLe,
                Occupations = x.Occupations.Select(o => new { o.Debut, o.Fin }).ToList(),
            }).Take(200).ToListAsync(ct);
        return vacants.Select(v =>
        {
            var depuis = v.Occupations.Where(o => o.Fin < aujourdHui).Select(o => o.Fin!.Value.AddDays(1)).DefaultIfEmpty(v.OuvertLe).Max();
            return new PosteVacant(v.Id, v.Programme, v.Structure, depuis,
                (int)Math.Round(RequetesPostes.Mois(RequetesPostes.JoursVacance(v.OuvertLe, null, v.Occupations.Select(o => (o.Debut, o.Fin)), aujourdHui))));
        }).OrderBy(v => v.VacantDepuis).ToList();
    }
}
