using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Comptes.Admin;

/// <summary>/admin/comptes: who has an account and in what state; invite; deactivate, re-send, unlock.
/// A manager sees and invites only the mediators of their structures.</summary>
public sealed class IndexModel(AppDbContext db, UserManager<IdentityUser> users, NotificationsOptions options, TimeProvider horloge, DelaisConnexion delais, IFinanceursDesComptes financeurs) : PageModel
{
    public const int TaillePage = 50;
    public sealed record Ligne(string Id, string Email, string Role, string Rattachement, string Statut, DateTime? DerniereConnexion, bool DoubleAuthentification);
    public sealed record Choix(int Id, string Libelle);

    [BindProperty] public InvitationSaisie Invitation { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;
    public List<Ligne> Comptes { get; private set; } = [];
    public int Total { get; private set; }
    public List<Choix> MediateursSansCompte { get; private set; } = [];
    public List<Choix> Structures { get; private set; } = [];
    /// <summary>The funders a Financeur account can be tied to.</summary>
    public List<Choix> Financeurs { get; private set; } = [];
    public bool Administrateur => User.IsInRole(Roles.Administrateur);
    [TempData] public string? Message { get; set; }
    public string? Erreur { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => ChargerAsync(ct);

    public async Task<IActionResult> OnPostInviterAsync(CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var (champ, messages) in Inviter.Verifier(Invitation) ?? [])
            foreach (var m in messages) ModelState.AddModelError("Invitation." + champ, m);
        if (ModelState.IsValid)
        {
            try
            {
                await Inviter.ExecuterAsync(db, users, User, Invitation, options, horloge, ct, financeurs);
                Message = $"Invitation envoyée à {Invitation.Email.Trim()} : le lien est valable 7 jours.";
                return RedirectToPage();
            }
            catch (RegleMetierException e) { ModelState.AddModelError("Invitation." + (e.Champ ?? ""), e.Message); }
            catch (AccesRefuseException) { return Forbid(); }
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(string id, GererCompte.Action action, CancellationToken ct)
    {
        if (!Enum.IsDefined(action)) return BadRequest();
        try { Message = await GererCompte.ExecuterAsync(db, users, User, id, action, options, horloge, delais, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (AccesRefuseException) { return Forbid(); }
        catch (RegleMetierException e) { Message = e.Message; }
        return RedirectToPage(new { Q, p = NumeroPage });
    }

    async Task ChargerAsync(CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(maintenant.UtcDateTime);
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (Administrateur) Financeurs = (await financeurs.ListerAsync(db, ct)).Select(f => new Choix(f.Id, f.Nom)).ToList();
        IQueryable<IdentityUser> q = db.Users;
        if (perimetre is not null)
        {
            var ids = GererCompte.ComptesDuPerimetre(db, perimetre, aujourdHui);
            q = q.Where(u => ids.Contains(u.Id));
        }
        if (!string.IsNullOrWhiteSpace(Q)) { var cherche = Q.Trim().ToUpperInvariant(); q = q.Where(u => u.NormalizedEmail!.Contains(cherche)); }
        Total = await q.CountAsync(ct);
        NumeroPage = Math.Clamp(NumeroPage, 1, Math.Max(1, (Total + TaillePage - 1) / TaillePage));
        var page = await q.OrderBy(u => u.NormalizedEmail).Skip((NumeroPage - 1) * TaillePage).Take(TaillePage)
            .Select(u => new { u.Id, u.Email, AMotDePasse = u.PasswordHash != null, u.LockoutEnd, u.TwoFactorEnabled }).ToListAsync(ct);
        var ids2 = page.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids2.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(x => x.UserId, x => Roles.Libelle(x.Name!));
        var fiches = (await db.Mediateurs.Where(m => m.UtilisateurId != null && ids2.Contains(m.UtilisateurId))
            .Select(m => new { m.UtilisateurId, Nom = m.Prenom + " " + m.Nom }).ToListAsync(ct)).ToLookup(x => x.UtilisateurId!, x => "fiche " + x.Nom);
        var gerees = (await db.GestionsStructures.Where(g => ids2.Contains(g.UtilisateurId)).Select(g => new { g.UtilisateurId, g.Structure!.Nom })
            .ToListAsync(ct)).ToLookup(x => x.UtilisateurId, x => x.Nom);
        var profils = await db.Set<ProfilCompte>().Where(p => ids2.Contains(p.UtilisateurId)).ToDictionaryAsync(p => p.UtilisateurId, ct);
        Comptes = page.Select(u =>
        {
            var profil = profils.GetValueOrDefault(u.Id);
            var statut = u.LockoutEnd >= Passerelle.Features.Comptes.Comptes.FinDesactivation ? "désactivé"
                : !u.AMotDePasse ? (profil?.InviteLe is { } le && le.Add(JetonsComptes.DureeInvitation) < maintenant.UtcDateTime ? "invitation expirée" : "invitation en attente")
                : u.LockoutEnd > maintenant || delais.Ralenti(u.Email ?? "") ? "verrouillé" : "actif";
            var rattachement = string.Join(" ; ", fiches[u.Id].Concat(gerees[u.Id].Any() ? ["structures : " + string.Join(", ", gerees[u.Id])] : [])
                .Concat(profil?.Financeur is { } f ? ["financeur : " + f] : []));
            return new Ligne(u.Id, u.Email ?? "", string.Join(", ", roles[u.Id]), rattachement, statut, profil?.DerniereConnexion, u.TwoFactorEnabled);
        }).ToList();

        var mediateurs = db.Mediateurs.Where(m => !m.Archive && m.UtilisateurId == null);
        if (perimetre is not null) mediateurs = mediateurs.Where(m => m.Emplois.Any(e => perimetre.Contains(e.StructureId) && (e.Fin == null || e.Fin >= aujourdHui)));
        MediateursSansCompte = await mediateurs.OrderBy(m => m.Nom).ThenBy(m => m.Prenom)
            .Select(m => new Choix(m.Id, m.Nom + " " + m.Prenom + (m.Courriel == null ? "" : " (" + m.Courriel + ")"))).ToListAsync(ct);
        if (perimetre is null)
            Structures = await db.Structures.Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new Choix(s.Id, s.Nom)).ToListAsync(ct);
    }
}
