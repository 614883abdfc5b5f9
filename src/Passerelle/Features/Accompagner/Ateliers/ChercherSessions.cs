using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>Upcoming sessions open to the public, soonest first (public page and API).</summary>
public static class ChercherSessions
{
    /// <param name="commune">A commune read forgivingly, as the booking search reads it (<see cref="CommuneCherchee"/>): accents, hyphens,
    /// « St », a postcode, « Marseille 3e »; « Marseille » covers its arrondissements; a name the reference does not know matches only the places whose commune is typed
    /// exactly so (none, usually).</param>
    /// <param name="du">First day (inclusive), <paramref name="au"/> last day (inclusive); <paramref name="taille"/>: at most this many items, the total counts all.</param>
    public static async Task<SessionsDto> ExecuterAsync(AppDbContext db, string? commune, DateOnly? du, DateOnly? au, int taille, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var q = db.SessionsAteliers.AsNoTracking().Where(s => !s.Annulee && s.Debut > maintenant);
        if (await CommuneCherchee.LireAsync(db, commune, ct) is { } lue)
        {
            var (noms, codesPostaux) = (lue.Noms, lue.CodesPostaux);
            q = q.Where(s => noms.Contains(s.Lieu!.CommuneRecherche) || codesPostaux.Contains(s.Lieu.CodePostal));
        }
        if (du is not null) { var d = du.Value.ToDateTime(TimeOnly.MinValue); q = q.Where(s => s.Debut >= d); }
        if (au is not null) { var a = au.Value.AddDays(1).ToDateTime(TimeOnly.MinValue); q = q.Where(s => s.Debut < a); }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(s => s.Debut).ThenBy(s => s.Id).Take(taille)
            .Select(s => new SessionDto(s.Id, s.Atelier!.Titre, s.Debut, s.Fin, s.Capacite, s.Capacite - s.Inscrits, s.LieuId, s.Lieu!.Nom, s.Lieu.Commune, s.Lieu.FuseauHoraire)).ToListAsync(ct);
        return new SessionsDto(total, items);
    }
}
