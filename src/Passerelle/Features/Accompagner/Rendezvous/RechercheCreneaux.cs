using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

public sealed record CreneauLibre(int Id, DateTime Debut, DateTime Fin, int LieuId, string Lieu, string Commune, string Fuseau, string Motif, int MotifId, int PlacesRestantes);

public static class RechercheCreneaux
{
    public const int TotalMax = 500;

    /// <summary>Free slots, soonest first, that the public can book now (minimum notice and horizon of each motif applied); a commune
    /// is read forgivingly beforehand (<see cref="CommuneCherchee.LireAsync"/>, read once for the search and its counting).</summary>
    public static async Task<(int Total, List<CreneauLibre> Items)> ExecuterAsync(AppDbContext db, int? lieuId, int? motifId, CommuneLue? commune,
        DateOnly? du, DateOnly? au, int taille, TimeProvider horloge, CancellationToken ct, bool pourEquipe = false)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var q = db.Creneaux.AsNoTracking().Where(c => c.Reserves < c.Capacite && !c.Ferme && c.Debut > maintenant);
        if (!pourEquipe)
            q = q.Where(c => c.EnLigne && c.FermetureEnLigne >= maintenant && c.OuvertureEnLigne <= maintenant);
        if (lieuId is not null) q = q.Where(c => c.LieuId == lieuId);
        if (motifId is not null) q = q.Where(c => c.MotifId == motifId);
        if (commune is not null)
        {
            var (noms, codesPostaux) = (commune.Noms, commune.CodesPostaux);
            q = q.Where(c => noms.Contains(c.CommuneRecherche) || codesPostaux.Contains(c.CodePostal));
        }
        if (du is not null) { var d = du.Value.ToDateTime(TimeOnly.MinValue); q = q.Where(c => c.Debut >= d); }
        if (au is not null) { var a = au.Value.AddDays(1).ToDateTime(TimeOnly.MinValue); q = q.Where(c => c.Debut < a); }
        // Counted up to a cap: beyond a few hundred free slots the exact number tells a citizen nothing,
        // and counting thousands of rows on every search was the costliest part of it (docs/performance.md).
        var total = await q.Take(TotalMax).CountAsync(ct);
        // Ordered by start only, so that the (commune|postcode|place, start) indexes give the first page without a sort.
        var items = await q.OrderBy(c => c.Debut).Take(taille)
            .Select(c => new CreneauLibre(c.Id, c.Debut, c.Fin, c.LieuId, c.Lieu!.Nom, c.Lieu.Commune, c.Lieu.FuseauHoraire, c.Motif!.Nom, c.MotifId, c.Capacite - c.Reserves))
            .ToListAsync(ct);
        return (total, items);
    }
}
