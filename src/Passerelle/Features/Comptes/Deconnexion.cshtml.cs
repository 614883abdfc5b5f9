using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passerelle.Features.Comptes;

public sealed class DeconnexionModel(SignInManager<IdentityUser> connexion) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signing out changes the security stamp: a copied cookie or a bearer refresh token of this account stops working too.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await connexion.UserManager.GetUserAsync(User) is { } u) await connexion.UserManager.UpdateSecurityStampAsync(u);
        await connexion.SignOutAsync();
        return Redirect("/");
    }
}
