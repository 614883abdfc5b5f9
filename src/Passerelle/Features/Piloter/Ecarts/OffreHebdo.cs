using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>A mediator counted in a zone's offer.</summary>
public sealed record MediateurCompte(int Id, bool ConseillerNumerique);

/// <summary>Help hours held per place over a period, from the permanences (not the building's opening hours): each occurrence
/// of an active permanence counts its length unless the place is closed that day (<c>Fermeture</c>) or every mediator of the
/// permanence is absent over it (<c>Absence</c>); a permanence with no mediator named is counted. Also the mediators of the
/// permanences counted, per place.</summary>
public sealed record OffreHebdo(IReadOnlyDictionary<int, double> Heures, IReadOnlyDictionary<int, List<MediateurCompte>> Mediateurs)
{
    /// <param name="lieux">The places to read (a subquery of ids, run in SQL); null for every place.</param>
    public static async Task<OffreHebdo> CalculerAsync(AppDbContext db, DateOnly du, DateOnly au, CancellationToken ct, IQueryable<int>? lieux = null)
    {
        var permanencesQ = db.Permanences.AsNoTracking().Where(p => !p.Archivee && p.DateDebut <= au && (p.DateFin == null || p.DateFin >= du));
        if (lieux is not null) permanencesQ = permanencesQ.Where(p => lieux.Contains(p.LieuId));
        var permanences = await permanencesQ.Include(p => p.Mediateurs).AsSplitQuery().ToListAsync(ct);
        var lieuxLus = permanencesQ.Select(p => p.LieuId);
        var fermetures = (await db.Fermetures.AsNoTracking().Where(f => f.DateDebut <= au && f.DateFin >= du && lieuxLus.Contains(f.LieuId)).ToListAsync(ct))
            .ToLookup(f => f.LieuId);
        var mediateursLus = permanencesQ.SelectMany(p => p.Mediateurs).Select(m => m.Id);
        var absences = (await db.Absences.AsNoTracking().Where(a => a.DateDebut <= au && a.DateFin >= du && mediateursLus.Contains(a.MediateurId)).ToListAsync(ct))
            .ToLookup(a => a.MediateurId);
        var heures = new Dictionary<int, double>();
        var mediateurs = new Dictionary<int, List<MediateurCompte>>();
        foreach (var p in permanences)
        {
            var duree = (p.HeureFin - p.HeureDebut).TotalHours;
            var tenues = p.Recurrence.Dates(du, au).Count(d => !fermetures[p.LieuId].Any(f => f.Couvre(d))
                && (p.Mediateurs.Count == 0 || p.Mediateurs.Any(m => !absences[m.Id].Any(a => a.Couvre(d, p.HeureDebut, p.HeureFin)))));
            if (tenues == 0) continue;
            heures[p.LieuId] = heures.GetValueOrDefault(p.LieuId) + tenues * duree;
            var liste = mediateurs.TryGetValue(p.LieuId, out var l) ? l : mediateurs[p.LieuId] = [];
            liste.AddRange(p.Mediateurs.Select(m => new MediateurCompte(m.Id, m.ConseillerNumerique)));
        }
        return new OffreHebdo(heures, mediateurs);
    }
}
