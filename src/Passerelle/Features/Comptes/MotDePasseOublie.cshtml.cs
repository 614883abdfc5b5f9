using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>Sends a link that sets a new password. The answer is the same page whether the address has an account
/// or not; an account still waiting for its invitation gets a fresh invitation instead.</summary>
[EnableRateLimiting(Authentification.LimiteConnexion)]
public sealed class MotDePasseOublieModel(UserManager<IdentityUser> users, AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Indiquez votre adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide."), StringLength(200)]
    public string Email { get; set; } = "";
    public bool Envoye { get; private set; }

    public void OnGet() => Envoye = Request.Query["envoye"] == "1";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var u = await users.FindByEmailAsync(Email.Trim());
        if (u is not null && !Comptes.EstDesactive(u))
        {
            var maintenant = horloge.GetUtcNow().UtcDateTime;
            var invitation = !await users.HasPasswordAsync(u);
            await Inviter.PlanifierLienAsync(db, users, u, invitation ? JetonsComptes.Invitation : UserManager<IdentityUser>.ResetPasswordTokenPurpose, options, maintenant);
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/mot-de-passe-oublie?envoye=1");
    }
}
