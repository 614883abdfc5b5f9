using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Statistiques;

/// <summary>The team dashboard (/statistiques) and the territory's public page (/statistiques/public, small cells masked).</summary>
public class TableauModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true)] public int? Lieu { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Convention { get; set; }
    public Tableau? Resultat { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public List<(int Id, string Nom)> Conventions { get; private set; } = [];
    public virtual bool Public => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var f = new FiltresStatistiques(Du, Au, Lieu, null, string.IsNullOrWhiteSpace(Commune) ? null : Commune, string.IsNullOrWhiteSpace(Type) ? null : Type,
            string.IsNullOrWhiteSpace(Theme) ? null : Theme, Public ? null : Convention);
        Erreurs = CalculStatistiques.Verifier(f);
        if (!ModelState.IsValid) Erreurs["filtres"] = ["Filtres mal écrits (dates au format jour/mois/année)."];
        if (!Public) Conventions = (await db.Conventions.OrderBy(c => c.Intitule).Select(c => new { c.Id, c.Intitule }).ToListAsync(ct)).Select(c => (c.Id, c.Intitule)).ToList();
        if (Erreurs.Count == 0) Resultat = await CalculStatistiques.CalculerAsync(db, f, Public || StatistiquesApi.Masquer(User), ct);
    }
}

public sealed class PublicModel(AppDbContext db) : TableauModel(db)
{
    public override bool Public => true;
}
