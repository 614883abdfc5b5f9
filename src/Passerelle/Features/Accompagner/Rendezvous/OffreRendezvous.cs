using Passerelle.Data;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Whether a place's public page offers booking: a slot free there.</summary>
public sealed class OffreRendezvous(TimeProvider horloge) : IOffreDuLieu
{
    public async Task<bool> CreneauxLibresAsync(AppDbContext db, int lieuId, CancellationToken ct) =>
        (await RechercheCreneaux.ExecuterAsync(db, lieuId, null, null, null, null, 1, horloge, ct)).Items.Count > 0;
}
