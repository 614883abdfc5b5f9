using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

public sealed class DonModel(AppDbContext db, TimeProvider horloge, LimiteFormulairesPublics limite) : PageModel
{
    [BindProperty] public OffreSaisie Saisie { get; set; } = new();
    /// <summary>Quantity typed for each <see cref="Materiel.Types"/> row, in the same order.</summary>
    [BindProperty] public int[] Quantites { get; set; } = new int[Materiel.Types.Length];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState, "Saisie.").ToDictionary();
        if (Erreurs.Count > 0) return Page();
        if (!limite.Accepter(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Erreurs[""] = [LimiteFormulairesPublics.Message];
            return Page();
        }
        Saisie = Saisie with { Lignes = Materiel.Types.Select((t, i) => new LigneSaisie(t.Code, Quantites.ElementAtOrDefault(i))).Where(l => l.Quantite != 0).ToList() };
        Erreurs = ProposerDon.Verifier(Saisie);
        if (Erreurs.Count > 0) return Page();
        var o = await ProposerDon.ExecuterAsync(db, Saisie, horloge, ct);
        return Redirect($"/equipement/don/{o.Jeton}?nouveau=true");
    }
}
