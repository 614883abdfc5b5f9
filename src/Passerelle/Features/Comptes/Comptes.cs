using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Passerelle.Features.Comptes;

public static class Comptes
{
    /// <summary>A random password that satisfies the Identity rules (upper, lower, digit, symbol).</summary>
    public static string GenererMotDePasse()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var corps = new string(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return corps[..4] + "-" + corps[4..8] + "-" + corps[8..12] + "-" + corps[12..] + "A7a";
    }

    public static async Task<(bool Ok, string? Erreur)> CreerAsync(UserManager<IdentityUser> users, string email, string motDePasse, string role)
    {
        if (await users.FindByEmailAsync(email) is not null) return (false, $"Un compte existe déjà pour {email}.");
        var utilisateur = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var resultat = await users.CreateAsync(utilisateur, motDePasse);
        if (!resultat.Succeeded) return (false, string.Join(" ", resultat.Errors.Select(e => e.Description)));
        resultat = await users.AddToRoleAsync(utilisateur, role);
        return resultat.Succeeded ? (true, null) : (false, string.Join(" ", resultat.Errors.Select(e => e.Description)));
    }

    /// <summary>A deactivated account is locked until this date: Identity then refuses every sign-in (form, API, link).</summary>
    public static readonly DateTimeOffset FinDesactivation = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool EstDesactive(IdentityUser u) => u.LockoutEnd >= FinDesactivation;

    public static async Task CreerRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var r in Roles.Tous)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
    }
}
