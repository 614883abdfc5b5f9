using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Passerelle.Features.Comptes;

/// <summary>Links that set a password: an invitation (7 days) or a forgotten password (24 hours). The token holds its
/// creation time, the account, the purpose and the security stamp, protected by the data-protection keys; setting the
/// password changes the stamp, so a link works once. Written here rather than Identity's DataProtectorTokenProvider
/// because that one reads the system clock, and expiry must follow the app's <see cref="TimeProvider"/>.</summary>
public sealed class JetonsComptes(IDataProtectionProvider protection, TimeProvider horloge) : IUserTwoFactorTokenProvider<IdentityUser>
{
    public const string Nom = "Passerelle";
    public const string Invitation = "Invitation";
    public static readonly TimeSpan DureeInvitation = TimeSpan.FromDays(7);
    public static readonly TimeSpan DureeReinitialisation = TimeSpan.FromHours(24);

    readonly IDataProtector _protecteur = protection.CreateProtector("Passerelle.Comptes.Jetons");

    static TimeSpan Duree(string but) => but == Invitation ? DureeInvitation : DureeReinitialisation;

    public async Task<string> GenerateAsync(string purpose, UserManager<IdentityUser> manager, IdentityUser user)
    {
        var contenu = string.Join('\n', horloge.GetUtcNow().UtcTicks, await manager.GetUserIdAsync(user), purpose,
            await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protecteur.Protect(Encoding.UTF8.GetBytes(contenu)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<IdentityUser> manager, IdentityUser user)
    {
        string[] parties;
        try { parties = Encoding.UTF8.GetString(_protecteur.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n'); }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException) { return false; }
        if (parties.Length != 4 || !long.TryParse(parties[0], out var ticks)) return false;
        var cree = new DateTimeOffset(ticks, TimeSpan.Zero);
        return cree + Duree(purpose) >= horloge.GetUtcNow()
            && parties[1] == await manager.GetUserIdAsync(user) && parties[2] == purpose
            && parties[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<IdentityUser> manager, IdentityUser user) => Task.FromResult(false);

    /// <summary>The {jeton} of /compte/activer: the account id, the kind of link and the token, in one URL segment.</summary>
    public static string Lien(string utilisateurId, string but, string jeton) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{utilisateurId}\n{but}\n{jeton}"));

    public static (string UtilisateurId, string But, string Jeton)? Lire(string lien)
    {
        try
        {
            var p = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(lien)).Split('\n');
            return p.Length == 3 && p.All(x => x.Length is > 0 and < 2000) ? (p[0], p[1], p[2]) : null;
        }
        catch (FormatException) { return null; }
    }
}
