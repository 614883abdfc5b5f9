using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Comptes;

public sealed record InvitationSaisie
{
    [Required(ErrorMessage = "Indiquez l'adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide."),
     StringLength(200, ErrorMessage = "Adresse électronique trop longue (200 caractères au plus).")]
    public string Email { get; init; } = "";
    [Required(ErrorMessage = "Choisissez un rôle : médiateur, gestionnaire, financeur ou administrateur.")]
    public string Role { get; init; } = "";
    public int? MediateurId { get; init; }
    public int[]? StructureIds { get; init; }
    [StringLength(200, ErrorMessage = "Nom du financeur trop long (200 caractères au plus).")]
    public string? Financeur { get; init; }
    /// <summary>For a Financeur account: the funder it belongs to (id in the funding chain). Its name becomes <see cref="Financeur"/>.</summary>
    public int? FinanceurId { get; init; }
}

/// <summary>Invites someone by e-mail: the account is created without a password, with its role and what it is
/// linked to, and the outbox gets a message with the link that sets the password (7 days, once).</summary>
public static class Inviter
{
    public const string TypeInvitation = "invitation", TypeReinitialisation = "mot-de-passe";

    /// <summary>The role's name as stored, from what people type: "médiateur", "Mediateur", "gestionnaire"…</summary>
    public static string? Role(string? saisi) => saisi?.Trim().ToLowerInvariant().Replace('é', 'e') switch
    {
        "mediateur" => Roles.Mediateur, "gestionnaire" => Roles.Gestionnaire, "financeur" => Roles.Financeur,
        "administrateur" => Roles.Administrateur, "atelier" => Roles.Atelier, "operateur" => Roles.Operateur, _ => null,
    };

    /// <summary>Input errors (400), in French, keyed by field.</summary>
    public static Dictionary<string, string[]>? Verifier(InvitationSaisie s)
    {
        var e = Valider.Objet(s) ?? [];
        var role = Role(s.Role);
        if (!e.ContainsKey(nameof(s.Role)) && role is null) e[nameof(s.Role)] = ["Rôle inconnu : médiateur, gestionnaire, financeur, administrateur, atelier ou opérateur."];
        if (role == Roles.Mediateur && s.MediateurId is null) e[nameof(s.MediateurId)] = ["Choisissez la fiche du médiateur à relier au compte."];
        if (role != Roles.Mediateur && s.MediateurId is not null) e[nameof(s.MediateurId)] = ["Seul un compte de médiateur est relié à une fiche de médiateur."];
        // An operator's or landlord's account is tied to its structure the same way (decision 0020).
        var avecStructures = role is Roles.Gestionnaire or Roles.Operateur;
        if (avecStructures && s.StructureIds is not { Length: > 0 }) e[nameof(s.StructureIds)] = [role == Roles.Operateur ? "Choisissez la structure de l'opérateur ou du bailleur." : "Choisissez au moins une structure gérée."];
        if (!avecStructures && s.StructureIds is { Length: > 0 }) e[nameof(s.StructureIds)] = ["Seuls un gestionnaire ou un opérateur sont reliés à des structures."];
        if (s.StructureIds is { Length: > 100 }) e[nameof(s.StructureIds)] = ["100 structures au plus."];
        if (role == Roles.Financeur && string.IsNullOrWhiteSpace(s.Financeur) && s.FinanceurId is null) e[nameof(s.FinanceurId)] = ["Choisissez le financeur dans la liste."];
        if (role != Roles.Financeur && (!string.IsNullOrWhiteSpace(s.Financeur) || s.FinanceurId is not null))
            e[s.FinanceurId is null ? nameof(s.Financeur) : nameof(s.FinanceurId)] = ["Seul un compte de financeur indique un organisme financeur."];
        return e.Count == 0 ? null : e;
    }

    /// <param name="financeurs">The funders to tie a Financeur account to (by <see cref="InvitationSaisie.FinanceurId"/>).</param>
    public static async Task<string> ExecuterAsync(AppDbContext db, UserManager<IdentityUser> users, ClaimsPrincipal auteur, InvitationSaisie s,
        NotificationsOptions options, TimeProvider horloge, CancellationToken ct, IFinanceursDesComptes? financeurs = null)
    {
        if (Verifier(s) is not null) throw new ArgumentException("Invitation invalide.");
        var role = Role(s.Role)!;
        var email = s.Email.Trim();
        // Managers invite the mediators of their structures, nobody else.
        var perimetre = await Perimetre.StructuresGereesAsync(db, auteur, ct);
        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        if (perimetre is not null && (role != Roles.Mediateur || !await db.Mediateurs.AnyAsync(m => m.Id == s.MediateurId
                && m.Emplois.Any(e => perimetre.Contains(e.StructureId) && (e.Fin == null || e.Fin >= aujourdHui)), ct)))
            throw new AccesRefuseException("Un gestionnaire invite seulement les médiateurs employés par ses structures.");
        if (await users.FindByEmailAsync(email) is not null) throw new RegleMetierException($"Un compte existe déjà pour {email}.", nameof(s.Email));

        var mediateur = s.MediateurId is { } mid ? await db.Mediateurs.FirstOrDefaultAsync(m => m.Id == mid && !m.Archive, ct)
            ?? throw new RegleMetierException("Fiche de médiateur introuvable ou archivée.", nameof(s.MediateurId)) : null;
        if (mediateur?.UtilisateurId is not null) throw new RegleMetierException("Cette fiche de médiateur a déjà un compte.", nameof(s.MediateurId));
        var structures = s.StructureIds?.Distinct().ToArray() ?? [];
        if (structures.Length > 0 && await db.Structures.CountAsync(x => structures.Contains(x.Id) && !x.Archivee, ct) != structures.Length)
            throw new RegleMetierException("Une des structures choisies est introuvable ou archivée.", nameof(s.StructureIds));

        string? nomFinanceur = role == Roles.Financeur ? s.Financeur?.Trim() : null;
        int? financeurId = null;
        if (role == Roles.Financeur)
        {
            var liste = financeurs is null ? [] : await financeurs.ListerAsync(db, ct);
            if (s.FinanceurId is { } fid)
            {
                nomFinanceur = liste.Where(f => f.Id == fid).Select(f => f.Nom).FirstOrDefault()
                    ?? throw new RegleMetierException("Financeur introuvable : choisissez-le dans la liste.", nameof(s.FinanceurId));
                financeurId = fid;
            }
            // A name only (older API clients, a pathway's funding body): tied to the funder of that name when there is one.
            else financeurId = liste.Where(f => string.Equals(f.Nom, nomFinanceur, StringComparison.OrdinalIgnoreCase)).Select(f => (int?)f.Id).FirstOrDefault();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var utilisateur = new IdentityUser { UserName = email, Email = email };
        var r = await users.CreateAsync(utilisateur);
        if (r.Succeeded) r = await users.AddToRoleAsync(utilisateur, role);
        if (!r.Succeeded) throw new RegleMetierException(string.Join(" ", r.Errors.Select(x => x.Description)), nameof(s.Email));
        if (mediateur is not null) mediateur.UtilisateurId = utilisateur.Id;
        foreach (var st in structures) db.GestionsStructures.Add(new GestionStructure { UtilisateurId = utilisateur.Id, StructureId = st });
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        db.Add(new ProfilCompte { UtilisateurId = utilisateur.Id, InviteLe = maintenant, Financeur = nomFinanceur,
            FinanceurId = financeurId });
        await PlanifierLienAsync(db, users, utilisateur, JetonsComptes.Invitation, options, maintenant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return utilisateur.Id;
    }

    /// <summary>Puts the message with a password link in the outbox (saved by the caller).</summary>
    public static async Task PlanifierLienAsync(AppDbContext db, UserManager<IdentityUser> users, IdentityUser u, string but, NotificationsOptions options, DateTime maintenant)
    {
        var jeton = but == JetonsComptes.Invitation
            ? await users.GenerateUserTokenAsync(u, JetonsComptes.Nom, JetonsComptes.Invitation)
            : await users.GeneratePasswordResetTokenAsync(u);
        var lien = $"{options.UrlPublique.TrimEnd('/')}/compte/activer/{JetonsComptes.Lien(u.Id, but, jeton)}";
        var (type, sujet, corps) = but == JetonsComptes.Invitation
            ? (TypeInvitation, "Votre compte Passerelle",
                $"Bonjour,\n\nUn compte Passerelle vient d'être ouvert pour vous ({u.Email}).\n\nPour choisir votre mot de passe et activer le compte, ouvrez ce lien dans les 7 jours :\n{lien}\n\nLe lien ne sert qu'une fois. Si vous n'attendiez pas ce message, ignorez-le.\n")
            : (TypeReinitialisation, "Nouveau mot de passe Passerelle",
                $"Bonjour,\n\nVous avez demandé à changer le mot de passe de votre compte Passerelle ({u.Email}).\n\nPour en choisir un nouveau, ouvrez ce lien dans les 24 heures :\n{lien}\n\nLe lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n");
        db.Notifications.Add(new Notification { Type = type, Canal = CanalNotification.Email, Destinataire = u.Email!, Sujet = sujet, Corps = corps, PrevueLe = maintenant, CreeLe = maintenant });
    }
}
