using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

public sealed record InvitationDto(string Id, string Email, string Role);

public static class ComptesApi
{
    public static void MapComptesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/comptes").WithTags("Comptes").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapPost("/invitations", Inviter).WithSummary("Inviter une personne par courriel (administrateurs ; gestionnaires pour les médiateurs de leurs structures)");
    }

    static async Task<Results<Created<InvitationDto>, ValidationProblem>> Inviter(InvitationSaisie saisie, ClaimsPrincipal user, AppDbContext db,
        UserManager<IdentityUser> users, NotificationsOptions options, TimeProvider horloge, IFinanceursDesComptes financeurs, CancellationToken ct)
    {
        if (Passerelle.Features.Comptes.Inviter.Verifier(saisie) is { } erreurs) return TypedResults.ValidationProblem(erreurs, title: "Invitation invalide");
        var id = await Passerelle.Features.Comptes.Inviter.ExecuterAsync(db, users, user, saisie, options, horloge, ct, financeurs);
        return TypedResults.Created($"/admin/comptes?q={Uri.EscapeDataString(saisie.Email.Trim())}",
            new InvitationDto(id, saisie.Email.Trim(), Passerelle.Features.Comptes.Inviter.Role(saisie.Role)!));
    }
}
