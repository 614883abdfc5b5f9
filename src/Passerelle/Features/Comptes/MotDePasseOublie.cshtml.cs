using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>Sends a link that sets a new password. The answer is the same page, in the same time, whether the address
/// has an account or not: the request is queued and handled in the background (<see cref="DemandesMotDePasse"/>); an
/// account still waiting for its invitation gets a fresh invitation instead.</summary>
[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class MotDePasseOublieModel(DemandesMotDePasse demandes) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Indiquez votre adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)]
    public string Email { get; set; } = "";
    public bool Envoye { get; private set; }

    public void OnGet() => Envoye = Request.Query["envoye"] == "1";

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid) return Page();
        demandes.Deposer(Email);
        return Redirect("/mot-de-passe-oublie?envoye=1");
    }
}
