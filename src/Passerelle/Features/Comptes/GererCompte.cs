using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Comptes;

/// <summary>What an administrator (or a manager, for the mediators of their structures) does to an existing account.
/// Each change that must end the account's sessions changes its security stamp.</summary>
public static class GererCompte
{
    public enum Action { Desactiver, Reactiver, RenvoyerInvitation, Deverrouiller, ReinitialiserDoubleAuthentification }

    /// <summary>The accounts a manager may act on: mediator-only accounts whose card is employed today by one of their structures.</summary>
    public static IQueryable<string> ComptesDuPerimetre(AppDbContext db, HashSet<int> structures, DateOnly aujourdHui) =>
        db.Mediateurs.Where(m => m.UtilisateurId != null && m.Emplois.Any(e => structures.Contains(e.StructureId) && (e.Fin == null || e.Fin >= aujourdHui)))
            .Select(m => m.UtilisateurId!)
            .Where(id => !db.UserRoles.Any(ur => ur.UserId == id && ur.RoleId != Roles.Mediateur.ToLowerInvariant()));

    public static async Task<string> ExecuterAsync(AppDbContext db, UserManager<IdentityUser> users, ClaimsPrincipal auteur, string id, Action action,
        NotificationsOptions options, TimeProvider horloge, DelaisConnexion delais, CancellationToken ct)
    {
        var u = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        var perimetre = await Perimetre.StructuresGereesAsync(db, auteur, ct);
        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        if (perimetre is not null && (action == Action.ReinitialiserDoubleAuthentification
                || !await ComptesDuPerimetre(db, perimetre, aujourdHui).AnyAsync(x => x == id, ct)))
            throw new AccesRefuseException("Ce compte n'est pas celui d'un médiateur de vos structures.");
        if (u.Id == auteur.FindFirstValue(ClaimTypes.NameIdentifier) && action != Action.Deverrouiller)
            throw new RegleMetierException("Vous ne pouvez pas modifier ainsi votre propre compte.");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case Action.Desactiver:
                await users.SetLockoutEndDateAsync(u, Comptes.FinDesactivation);
                await users.UpdateSecurityStampAsync(u);
                return $"Compte {u.Email} désactivé : ses sessions sont fermées.";
            case Action.Reactiver:
                if (!Comptes.EstDesactive(u)) throw new RegleMetierException("Ce compte n'est pas désactivé.");
                await users.SetLockoutEndDateAsync(u, null);
                await users.ResetAccessFailedCountAsync(u);
                delais.Oublier(u.Email ?? "");
                return $"Compte {u.Email} réactivé.";
            case Action.Deverrouiller:
                if (Comptes.EstDesactive(u)) throw new RegleMetierException("Ce compte est désactivé : réactivez-le.");
                await users.SetLockoutEndDateAsync(u, null);
                await users.ResetAccessFailedCountAsync(u);
                // Failed passwords no longer lock (see DelaisConnexion): unlocking ends the delays at every address.
                delais.Oublier(u.Email ?? "");
                return $"Compte {u.Email} déverrouillé.";
            case Action.RenvoyerInvitation:
                if (await users.HasPasswordAsync(u)) throw new RegleMetierException("Ce compte est déjà activé : la personne peut utiliser « Mot de passe oublié ? ».");
                if (Comptes.EstDesactive(u)) throw new RegleMetierException("Ce compte est désactivé : réactivez-le d'abord.");
                // A new stamp: the previous link stops working.
                await users.UpdateSecurityStampAsync(u);
                var profil = await db.Set<ProfilCompte>().FindAsync([u.Id], ct);
                if (profil is null) db.Add(profil = new ProfilCompte { UtilisateurId = u.Id });
                profil.InviteLe = maintenant;
                await Inviter.PlanifierLienAsync(db, users, u, JetonsComptes.Invitation, options, maintenant);
                await db.SaveChangesAsync(ct);
                return $"Invitation renvoyée à {u.Email} (valable 7 jours).";
            case Action.ReinitialiserDoubleAuthentification:
                await users.SetTwoFactorEnabledAsync(u, false);
                await users.ResetAuthenticatorKeyAsync(u);
                return $"Double authentification de {u.Email} réinitialisée : elle sera à configurer à la prochaine connexion.";
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
