using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Conventions;

public sealed class FicheModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public Convention Convention { get; private set; } = null!;
    public List<MoisLivraison> Mois { get; private set; } = [];
    /// <summary>What the activity records say was delivered under this convention (accompaniments, people, QPV share, age bands).</summary>
    public Accompagner.Statistiques.Tableau Realise { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var c = await db.Conventions.AsNoTracking().Include(x => x.Coordinateur).Include(x => x.Partenaire).Include(x => x.Lieu).Include(x => x.Deliberation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        Convention = c;
        Mois = await Planning.LivraisonAsync(db, c, horloge, ct);
        Realise = await Accompagner.Statistiques.CalculStatistiques.CalculerAsync(db, new Accompagner.Statistiques.FiltresStatistiques(c.DateDebut, c.DateFin, null, null, null, null, null, c.Id), Accompagner.Statistiques.StatistiquesApi.Masquer(User), horloge, ct);
        return Page();
    }
}
