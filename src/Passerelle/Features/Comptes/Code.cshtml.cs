using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>Second step of sign-in for an account with two-factor authentication: the 6-digit code of the authenticator app.</summary>
[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class CodeModel(SignInManager<IdentityUser> connexion, AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Indiquez le code à 6 chiffres."), RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Erreur { get; private set; }

    /// <summary>No pending sign-in (expired after a few minutes, or the page opened directly): say so and link back.</summary>
    public bool SansConnexion { get; private set; }

    public async Task OnGetAsync() => SansConnexion = await connexion.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var u = await connexion.GetTwoFactorAuthenticationUserAsync();
        if (u is null) { SansConnexion = true; return Page(); }
        if (!ModelState.IsValid) return Page();
        connexion.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var r = await connexion.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", ""), isPersistent: false, rememberClient: false);
        if (r.Succeeded)
        {
            await ConnexionModel.NoterConnexionAsync(db, u.Id, horloge);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        Erreur = r is ConnexionRetardee d ? "Trop d'essais de code. " + DelaisConnexion.Conseil(d.Attente)
            : r.IsLockedOut ? ConnexionModel.MessageEchec : "Code incorrect ou expiré : saisissez le code affiché maintenant par votre application.";
        return Page();
    }
}
