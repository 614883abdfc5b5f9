using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>Workshops answer what Permanences announces: they are held at a place too, so the sessions of the days it closes
/// are cancelled and their people told (<see cref="AnnulerSession"/>).</summary>
public sealed class AnnulationsAteliers : IAnnoncesPermanences
{
    public async Task<(int Sessions, int Personnes)> LieuFermeAsync(AppDbContext db, Fermeture f, NotificationsOptions options, DateTime maintenant,
        CancellationToken ct)
    {
        var fuseau = await db.Lieux.Where(l => l.Id == f.LieuId).Select(l => l.FuseauHoraire).FirstAsync(ct);
        var zone = Territoire.Zone(fuseau);
        var du = TimeZoneInfo.ConvertTimeToUtc(f.DateDebut.ToDateTime(TimeOnly.MinValue), zone);
        var au = TimeZoneInfo.ConvertTimeToUtc(f.DateFin.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var sessions = await db.SessionsAteliers.Include(x => x.Atelier).Include(x => x.Lieu)
            .Where(x => x.LieuId == f.LieuId && !x.Annulee && x.Debut > maintenant && x.Debut >= du && x.Debut < au).ToListAsync(ct);
        var personnes = 0;
        foreach (var session in sessions) personnes += await AnnulerSession.ExecuterAsync(db, session, f.Explication(), options, maintenant, ct);
        return (sessions.Count, personnes);
    }
}
