using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Financer.Deliberations;

[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class ListeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Collectivite { get; set; }
    [BindProperty(SupportsGet = true)] public int? Annee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Matiere { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organe { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Read by hand: « page » is a route value of Razor Pages, not bindable.</summary>
    public int NumeroPage => int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, 100_000) : 1;
    public PageDeliberations Resultat { get; private set; } = new(0, 1, 25, []);
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public CriteresDeliberations Criteres => new() { Collectivite = Collectivite, Annee = Annee, Matiere = Matiere, Organe = Organe, Q = Q, Page = NumeroPage };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Erreurs = Web.Formulaire.Erreurs(ModelState).ToDictionary();
        foreach (var e in RechercheDeliberations.Verifier(Criteres)) Erreurs[e.Key] = e.Value;
        if (Erreurs.Count == 0) Resultat = await RechercheDeliberations.ExecuterAsync(db, Criteres, ct);
    }

    /// <summary>The current search's query string for another page number.</summary>
    public string Lien(int page) => "/admin/deliberations" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["collectivite"] = Collectivite, ["annee"] = Annee?.ToString(), ["matiere"] = Matiere, ["organe"] = Organe, ["q"] = Q, ["page"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
