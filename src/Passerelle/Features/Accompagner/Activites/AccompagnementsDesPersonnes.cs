using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>What the people files read and change in the records (<see cref="IAccompagnementsDesFiches"/>, owned by Beneficiaires,
/// decision 0016). A person is in a record as its <see cref="Activite.BeneficiaireId"/> or as one of its <see cref="Activite.Participants"/>.</summary>
public sealed class AccompagnementsDesPersonnes : IAccompagnementsDesFiches
{
    static IQueryable<Activite> DeLaPersonne(AppDbContext db, int id) =>
        db.Activites.AsNoTracking().Where(a => a.BeneficiaireId == id || a.Participants.Any(p => p.BeneficiaireId == id));

    public async Task<IReadOnlyList<AccompagnementDeLaFiche>> HistoriqueAsync(AppDbContext db, int beneficiaireId, int max, CancellationToken ct)
    {
        var liste = await DeLaPersonne(db, beneficiaireId).OrderByDescending(a => a.Date).Take(max)
            .Select(a => new { a.Id, a.Date, a.Type, a.Themes, a.Mediateur!.Prenom, a.Mediateur.Nom }).ToListAsync(ct);
        return liste.Select(a => new AccompagnementDeLaFiche(a.Id, a.Date, a.Type, a.Themes?.Replace("|", ", "), $"{a.Prenom} {a.Nom}")).ToList();
    }

    public async Task<int> NombreAsync(AppDbContext db, int beneficiaireId, CancellationToken ct) =>
        await db.Activites.CountAsync(a => a.BeneficiaireId == beneficiaireId, ct) + await db.ParticipantsActivites.CountAsync(p => p.BeneficiaireId == beneficiaireId, ct);

    public async Task<Dictionary<int, DateOnly>> DerniersAsync(AppDbContext db, IReadOnlyCollection<int> beneficiaires, CancellationToken ct)
    {
        var ids = beneficiaires.ToList();
        return (await db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value))
                .GroupBy(a => a.BeneficiaireId!.Value).Select(g => new { Id = g.Key, Date = g.Max(a => a.Date) }).ToListAsync(ct))
            .Concat(await (from p in db.ParticipantsActivites join a in db.Activites on p.ActiviteId equals a.Id where ids.Contains(p.BeneficiaireId)
                           group a.Date by p.BeneficiaireId into g select new { Id = g.Key, Date = g.Max() }).ToListAsync(ct))
            .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Max(x => x.Date));
    }

    public async Task FusionnerAsync(AppDbContext db, int garderId, int absorberId, CancellationToken ct)
    {
        await db.Activites.Where(a => a.BeneficiaireId == absorberId).ExecuteUpdateAsync(u => u.SetProperty(a => a.BeneficiaireId, garderId), ct);
        // A workshop where both files took part keeps one participation.
        var communs = await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId && db.ParticipantsActivites.Any(q => q.ActiviteId == p.ActiviteId && q.BeneficiaireId == garderId))
            .Select(p => p.ActiviteId).ToListAsync(ct);
        if (communs.Count > 0)
        {
            await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId && communs.Contains(p.ActiviteId)).ExecuteDeleteAsync(ct);
            await db.Activites.Where(a => communs.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.ParticipantsNommes, a => a.ParticipantsNommes - 1), ct);
        }
        var participations = await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId).ToListAsync(ct);
        db.ParticipantsActivites.RemoveRange(participations);
        await db.SaveChangesAsync(ct);
        db.ParticipantsActivites.AddRange(participations.Select(p => new ParticipantActivite { ActiviteId = p.ActiviteId, BeneficiaireId = garderId }));
        // The records changed in bulk above are attached as modified (same values) so that save interceptors (statistics facts) see them.
        foreach (var a in await db.Activites.Where(a => a.BeneficiaireId == garderId || communs.Contains(a.Id)).ToListAsync(ct))
            db.Entry(a).Property(x => x.ModifieLe).IsModified = true;
    }

    public async Task AnonymiserAsync(AppDbContext db, IReadOnlyCollection<int> beneficiaires, CancellationToken ct)
    {
        var ids = beneficiaires.ToList();
        var activites = db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value));
        await activites.ExecuteUpdateAsync(u => u.SetProperty(a => a.Notes, (string?)null).SetProperty(a => a.NomDemarche, (string?)null), ct);
        // The journal keeps who did what and when, not the values: a record's old → new values (procedure name, address, commune)
        // would otherwise outlive the erasure.
        var idsActivites = activites.Select(a => a.Id);
        await db.Journal.Where(j => j.Objet == Journal.CompteRendu && idsActivites.Contains(j.ObjetId))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Details, AnonymiserFiches.DetailsEffaces), ct);
    }

    public async Task<IReadOnlyList<AccompagnementExporte>> ExporterAsync(AppDbContext db, int beneficiaireId, CancellationToken ct) =>
        await DeLaPersonne(db, beneficiaireId).OrderBy(a => a.Date)
            .Select(a => new AccompagnementExporte(a.Date, a.Type, a.DureeMinutes, a.TypeLieu, a.Lieu != null ? a.Lieu.Nom : a.Commune, a.Themes, a.ThemesDemarches,
                a.NomDemarche, a.Autonomie, a.Orientation, a.Notes))
            .ToListAsync(ct);
}

public static class ServicesActivites
{
    /// <summary>Registers what the people files read of the records (<see cref="IAccompagnementsDesFiches"/>).</summary>
    public static void AddActivites(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IAccompagnementsDesFiches, AccompagnementsDesPersonnes>();
}
