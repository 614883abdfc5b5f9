using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>The e-mailed link: an invitation (7 days) or a forgotten password (24 hours) sets the password once.</summary>
[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class ActiverModel(UserManager<IdentityUser> users) : PageModel
{
    public sealed record Saisie
    {
        [Required(ErrorMessage = "Choisissez un mot de passe."), StringLength(200, MinimumLength = 10, ErrorMessage = "Le mot de passe doit comporter de 10 à 200 caractères.")]
        public string MotDePasse { get; init; } = "";
        [Required(ErrorMessage = "Saisissez le mot de passe une deuxième fois."), Compare(nameof(MotDePasse), ErrorMessage = "Les deux saisies ne sont pas identiques.")]
        public string Confirmation { get; init; } = "";
    }

    [BindProperty] public Saisie Formulaire { get; set; } = new();
    public bool LienValide { get; private set; }
    public bool Invitation { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string jeton)
    {
        await LireAsync(jeton);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string jeton)
    {
        var (u, lien) = await LireAsync(jeton);
        if (u is null || lien is null || !ModelState.IsValid) return Page();
        var r = Invitation
            ? await users.AddPasswordAsync(u, Formulaire.MotDePasse)
            : await users.ResetPasswordAsync(u, lien.Value.Jeton, Formulaire.MotDePasse);
        if (!r.Succeeded)
        {
            foreach (var e in r.Errors) ModelState.AddModelError("Formulaire.MotDePasse", e.Description);
            return Page();
        }
        // The address is proven by the link; a forgotten password also lifts a lockout (never a deactivation).
        u.EmailConfirmed = true;
        u.LockoutEnd = null;
        u.AccessFailedCount = 0;
        await users.UpdateAsync(u);
        return Redirect("/connexion?motdepasse=1");
    }

    async Task<(IdentityUser?, (string UtilisateurId, string But, string Jeton)?)> LireAsync(string jeton)
    {
        var lien = JetonsComptes.Lire(jeton);
        if (lien is null) return (null, null);
        var u = await users.FindByIdAsync(lien.Value.UtilisateurId);
        if (u is null || Comptes.EstDesactive(u)) return (null, null);
        Invitation = lien.Value.But == JetonsComptes.Invitation;
        var valide = Invitation
            ? !await users.HasPasswordAsync(u) && await users.VerifyUserTokenAsync(u, JetonsComptes.Nom, JetonsComptes.Invitation, lien.Value.Jeton)
            : lien.Value.But == UserManager<IdentityUser>.ResetPasswordTokenPurpose
              && await users.VerifyUserTokenAsync(u, JetonsComptes.Nom, UserManager<IdentityUser>.ResetPasswordTokenPurpose, lien.Value.Jeton);
        if (!valide) return (null, null);
        LienValide = true;
        Email = u.Email;
        return (u, lien);
    }
}
