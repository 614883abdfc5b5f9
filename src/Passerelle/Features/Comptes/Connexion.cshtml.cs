using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class ConnexionModel(SignInManager<IdentityUser> connexion, AppDbContext db, TimeProvider horloge) : PageModel
{
    /// <summary>One message for an unknown address, a wrong password or a deactivated account: none of them tells whether
    /// the account exists. Too soon after repeated failures, the same message gets the time to wait (<see cref="DelaisConnexion"/>).</summary>
    public const string MessageEchec = "Connexion impossible : l'adresse ou le mot de passe est incorrect, ou le compte est désactivé. "
        + "Après plusieurs essais infructueux, il faut patienter entre deux essais ; en cas d'oubli, choisissez « Mot de passe oublié ? ».";

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
        var r = await SeConnecterAsync(connexion, db, horloge, Formulaire.Email, Formulaire.MotDePasse);
        var retour = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin";
        if (r.Succeeded) return LocalRedirect(retour);
        if (r.RequiresTwoFactor) return RedirectToPage("/Comptes/Code", new { ReturnUrl = retour });
        Erreur = r is ConnexionRetardee d ? MessageEchec + " " + DelaisConnexion.Conseil(d.Attente) : MessageEchec;
        return Page();
    }

    /// <summary>Password sign-in through <see cref="ConnexionIdentite"/> (same time whether the account exists or not,
    /// delays instead of lockout), then notes the last sign-in.</summary>
    public static async Task<Microsoft.AspNetCore.Identity.SignInResult> SeConnecterAsync(SignInManager<IdentityUser> connexion, AppDbContext db, TimeProvider horloge, string email, string motDePasse)
    {
        var r = await connexion.PasswordSignInAsync(email.Trim(), motDePasse, isPersistent: false, lockoutOnFailure: false);
        if (r.Succeeded && await connexion.UserManager.FindByEmailAsync(email.Trim()) is { } u) await NoterConnexionAsync(db, u.Id, horloge);
        return r;
    }

    public static async Task NoterConnexionAsync(AppDbContext db, string id, TimeProvider horloge)
    {
        var profil = await db.Set<ProfilCompte>().FindAsync(id);
        if (profil is null) db.Add(profil = new ProfilCompte { UtilisateurId = id });
        profil.DerniereConnexion = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
