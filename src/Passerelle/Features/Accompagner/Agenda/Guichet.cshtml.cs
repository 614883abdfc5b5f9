using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Agenda;

/// <summary>Booking at the desk or on the phone, for someone with just a name: the free slots of a place on a day, and the person.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class GuichetModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Lieu { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? Creneau { get; set; }
    [BindProperty] public ReservationGuichetSaisie Saisie { get; set; } = new();
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public List<CreneauLibre> Creneaux { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    async Task ChargerAsync(CancellationToken ct)
    {
        var zone = Territoire.Zone(Territoire.FuseauMetropole);
        // A slot given in the link (from the public slot list) sets its place and day.
        if (Creneau is { } cid && await db.Creneaux.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.LieuId, c.Debut }).FirstOrDefaultAsync(ct) is { } choisi)
        {
            Lieu = choisi.LieuId;
            Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(choisi.Debut, zone));
        }
        Date ??= DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(horloge.GetUtcNow().UtcDateTime, zone));
        var utilisateur = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        // The mediator's places and their permanences' places; for a manager, the places of their structures that have slots.
        var q = db.Lieux.Where(l => !l.Archive && (
            db.Mediateurs.Any(m => m.UtilisateurId == utilisateur && (m.Lieux.Any(x => x.Id == l.Id) || db.Permanences.Any(p => p.LieuId == l.Id && p.Mediateurs.Any(pm => pm.Id == m.Id))))
            || ((User.IsInRole(Roles.Administrateur) || User.IsInRole(Roles.Gestionnaire)) && db.Permanences.Any(p => p.LieuId == l.Id && !p.Archivee)
                && (perimetre == null || (l.StructureId != null && perimetre.Contains(l.StructureId.Value))))));
        Lieux = (await q.OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom }).Take(500).ToListAsync(ct)).Select(l => (l.Id, l.Nom)).ToList();
        if (Lieu is not null && Lieux.All(l => l.Id != Lieu) && await db.Lieux.Where(l => l.Id == Lieu).Select(l => l.Nom).FirstOrDefaultAsync(ct) is { } nom)
            Lieux.Insert(0, (Lieu.Value, nom));
        Lieu ??= Lieux.Count > 0 ? Lieux[0].Id : null;
        if (Lieu is not null)
            Creneaux = (await RechercheCreneaux.ExecuterAsync(db, Lieu, null, null, Date, Date, 100, horloge, ct, pourEquipe: true)).Items;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (Creneau is not null) Saisie = Saisie with { CreneauId = Creneau.Value };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Erreurs = ReserverAuGuichet.Verifier(Saisie);
        if (Erreurs.Count == 0)
        {
            try
            {
                var r = await ReserverAuGuichet.ExecuterAsync(db, Saisie, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, options, horloge, ct);
                var debut = await db.Creneaux.Where(c => c.Id == r.CreneauId).Select(c => new { c.Debut, c.Lieu!.FuseauHoraire }).FirstAsync(ct);
                var local = TimeZoneInfo.ConvertTimeFromUtc(debut.Debut, Territoire.Zone(debut.FuseauHoraire));
                TempData["Message"] = $"Rendez-vous pris pour {r.Prenom} {r.Nom} le {Passerelle.Web.DatesEnLettres.Format(local, "dddd d MMMM 'à' HH'h'mm")}."
                    + (r.Telephone is null ? " Donnez-lui la date sur papier : aucun message ne lui sera envoyé." : " Un SMS de confirmation part.");
                // The place's agenda for its managers; a mediator goes back to their own agenda of that day.
                var lieu = Lieu is { } l && await Passerelle.Features.Reseau.Lieux.AutorisationsLieux.AgendaLieuAsync(db, User, l, ct) ? $"&lieu={l}" : "";
                return Redirect($"/admin/agenda?date={local:yyyy-MM-dd}{lieu}#rdv-{r.Id}");
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? "CreneauId"] = [e.Message]; }
            catch (KeyNotFoundException) { Erreurs["CreneauId"] = ["Ce créneau n'existe pas."]; }
        }
        Creneau = null;
        await ChargerAsync(ct);
        return Page();
    }
}
