using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class ConnexionModel(SignInManager<IdentityUser> connexion) : PageModel
{
    public sealed record Saisie
    {
        [Required(ErrorMessage = "Indiquez votre adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide.")]
        public string Email { get; init; } = "";
        [Required(ErrorMessage = "Indiquez votre mot de passe."), StringLength(200)]
        public string MotDePasse { get; init; } = "";
    }

    [BindProperty] public Saisie Formulaire { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Erreur { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        connexion.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var r = await connexion.PasswordSignInAsync(Formulaire.Email, Formulaire.MotDePasse, isPersistent: false, lockoutOnFailure: true);
        if (r.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        Erreur = r.IsLockedOut
            ? "Trop d'essais infructueux : ce compte est bloqué pendant 15 minutes."
            : "Adresse électronique ou mot de passe incorrect.";
        return Page();
    }
}
