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
    /// <summary>One message for an unknown address, a wrong password, a locked or deactivated account: none of them
    /// tells whether the account exists.</summary>
    public const string MessageEchec = "Connexion impossible : l'adresse ou le mot de passe est incorrect, ou le compte est bloqué. "
        + "Après 5 essais infructueux, attendez 15 minutes ; en cas d'oubli, choisissez « Mot de passe oublié ? ».";

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
        Erreur = MessageEchec;
        return Page();
    }

    /// <summary>Password sign-in that costs the same time whether the account exists or not (an unknown address still
    /// hashes), ends the account's sessions when it becomes locked, and notes the last sign-in.</summary>
    public static async Task<Microsoft.AspNetCore.Identity.SignInResult> SeConnecterAsync(SignInManager<IdentityUser> connexion, AppDbContext db, TimeProvider horloge, string email, string motDePasse)
    {
        var users = connexion.UserManager;
        var u = await users.FindByEmailAsync(email.Trim());
        if (u is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), HachageFactice, motDePasse);
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        var etaitBloque = await users.IsLockedOutAsync(u);
        var r = await connexion.PasswordSignInAsync(u, motDePasse, isPersistent: false, lockoutOnFailure: true);
        if (r.IsLockedOut && !etaitBloque) await users.UpdateSecurityStampAsync(u);
        if (r.Succeeded) await NoterConnexionAsync(db, u.Id, horloge);
        return r;
    }

    public static async Task NoterConnexionAsync(AppDbContext db, string id, TimeProvider horloge)
    {
        var profil = await db.Set<ProfilCompte>().FindAsync(id);
        if (profil is null) db.Add(profil = new ProfilCompte { UtilisateurId = id });
        profil.DerniereConnexion = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    static readonly string HachageFactice = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Comptes.GenererMotDePasse());
}
