using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Passerelle.Features.Comptes;

/// <summary>Two-factor authentication with an authenticator app (TOTP): required for administrators, offered to everyone.</summary>
[Authorize]
public sealed class SecuriteModel(SignInManager<IdentityUser> connexion) : PageModel
{
    UserManager<IdentityUser> Users => connexion.UserManager;

    [BindProperty, Required(ErrorMessage = "Indiquez le code à 6 chiffres affiché par l'application."),
     RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string Code { get; set; } = "";
    public bool Active { get; private set; }
    public bool Obligatoire { get; private set; }
    public string? Cle { get; private set; }
    public string? Uri { get; private set; }
    public string? QrCode { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var u = await Users.GetUserAsync(User);
        if (u is null) return Challenge();
        Message = Request.Query["fait"] == "1" ? "Double authentification activée : elle sera demandée à chaque connexion."
            : Request.Query["fait"] == "0" ? "Double authentification désactivée." : null;
        await PreparerAsync(u);
        return Page();
    }

    public async Task<IActionResult> OnPostActiverAsync()
    {
        var u = await Users.GetUserAsync(User);
        if (u is null) return Challenge();
        if (!ModelState.IsValid) { await PreparerAsync(u); return Page(); }
        if (!await Users.VerifyTwoFactorTokenAsync(u, Users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", "")))
        {
            ModelState.AddModelError(nameof(Code), "Code incorrect : saisissez le code affiché maintenant par l'application pour Passerelle.");
            await PreparerAsync(u);
            return Page();
        }
        await Users.SetTwoFactorEnabledAsync(u, true);
        // The stamp changed: a new session cookie carries the 2FA mark and survives the next stamp check.
        await connexion.RefreshSignInAsync(u);
        return Redirect("/compte/securite?fait=1");
    }

    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        var u = await Users.GetUserAsync(User);
        if (u is null) return Challenge();
        if (await Users.IsInRoleAsync(u, Roles.Administrateur)) return Forbid();
        await Users.SetTwoFactorEnabledAsync(u, false);
        await Users.ResetAuthenticatorKeyAsync(u);
        await connexion.RefreshSignInAsync(u);
        return Redirect("/compte/securite?fait=0");
    }

    async Task PreparerAsync(IdentityUser u)
    {
        Active = await Users.GetTwoFactorEnabledAsync(u);
        Obligatoire = await Users.IsInRoleAsync(u, Roles.Administrateur);
        if (Active) return;
        var cle = await Users.GetAuthenticatorKeyAsync(u);
        if (string.IsNullOrEmpty(cle))
        {
            await Users.ResetAuthenticatorKeyAsync(u);
            await connexion.RefreshSignInAsync(u);
            cle = (await Users.GetAuthenticatorKeyAsync(u))!;
        }
        Cle = string.Join(' ', cle.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        Uri = $"otpauth://totp/{System.Uri.EscapeDataString("Passerelle:" + u.Email)}?secret={cle}&issuer=Passerelle&digits=6";
        using var generateur = new QRCodeGenerator();
        using var donnees = generateur.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(donnees).GetGraphic(5));
    }
}
