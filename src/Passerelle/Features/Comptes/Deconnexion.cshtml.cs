using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passerelle.Features.Comptes;

public sealed class DeconnexionModel(SignInManager<IdentityUser> connexion) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await connexion.SignOutAsync();
        return Redirect("/");
    }
}
