using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary>Identity's claims, plus a mark when the account has two-factor authentication on: administrators
/// without it are held at /compte/securite. Rebuilt with every security-stamp check.</summary>
public sealed class FabriqueIdentite(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IdentityUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IdentityUser user)
    {
        var identite = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled) identite.AddClaim(new Claim(Authentification.ClaimDoubleAuthentification, "1"));
        return identite;
    }
}
