using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Horaires;

namespace Passerelle.Features.Reseau.Lieux;

public sealed class FicheModel(AppDbContext db, TimeProvider horloge, IEnumerable<IOffreDuLieu> offres) : PageModel
{
    public Lieu Lieu { get; private set; } = null!;
    public HorairesOsm? Horaires { get; private set; }
    public bool? Ouvert { get; private set; }
    /// <summary>The seven days from today, in the place's time zone.</summary>
    public bool CreneauxLibres { get; private set; }
    public List<AtelierProche> Ateliers { get; private set; } = [];
    public List<(DateOnly Date, IReadOnlyList<HorairesOsm.Plage> Plages, bool Ferie)> Semaine { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var lieu = await db.Lieux.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && !l.Archive, ct);
        if (lieu is null) return NotFound();
        Lieu = lieu;
        Horaires = CacheHoraires.Lire(lieu.Horaires);
        foreach (var offre in offres)
        {
            CreneauxLibres |= await offre.CreneauxLibresAsync(db, id, ct);
            Ateliers.AddRange(await offre.AteliersAsync(db, id, ct));
        }
        if (Horaires is not null)
        {
            var zone = Territoire.Zone(lieu.FuseauHoraire);
            var maintenant = horloge.GetUtcNow();
            Ouvert = Horaires.EstOuvert(maintenant, zone, lieu.Departement);
            var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(maintenant, zone).DateTime);
            for (var i = 0; i < 7; i++)
            {
                var d = aujourdHui.AddDays(i);
                Semaine.Add((d, Horaires.PlagesDuJour(d, lieu.Departement), JoursFeries.EstFerie(d, lieu.Departement)));
            }
        }
        return Page();
    }

    /// <summary>OpenStreetMap directions to the place (coordinates with a dot, whatever the server's culture).</summary>
    public static string Itineraire(double lat, double lon) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"https://www.openstreetmap.org/directions?to={lat}%2C{lon}");
}
