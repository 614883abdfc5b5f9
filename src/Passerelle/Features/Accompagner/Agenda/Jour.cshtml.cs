using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Agenda;

/// <summary>A mediator's day or week. Besides their own, an account opens the agendas of the mediators and places of the
/// structures it manages (<see cref="Autorisations"/>); anything else is refused.</summary>
public sealed class JourModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public int? Mediateur { get; set; }
    [BindProperty(SupportsGet = true)] public bool Semaine { get; set; }
    [BindProperty(SupportsGet = true)] public int? Lieu { get; set; }
    public string? NomLieu { get; private set; }
    public List<(int Id, string Nom)> LieuxGeres { get; private set; } = [];
    public Reseau.Mediateurs.Mediateur? Personne { get; private set; }
    /// <summary>The agenda shown is the account's own: only then are the calendar link and its settings offered.</summary>
    public bool Sien { get; private set; }
    public List<(int Id, string Nom)> Choix { get; private set; } = [];
    public List<RdvAgenda> Rdv { get; private set; } = [];
    public List<SessionAgenda> Sessions { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The booking whose attendance was just noted: its line takes the focus (fragment <c>#rdv-{id}</c>) and shows
    /// <see cref="Message"/> in its own status region, so the change is read where the person is, not at the top of the page.</summary>
    public int? ReservationAnnoncee { get; private set; }
    public string? LienIcs { get; private set; }
    public DateOnly AujourdHui { get; private set; }
    public DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;
    /// <summary>Records already made for the bookings and sessions shown: the record's id, and whether the viewer may open it (their own).</summary>
    public Dictionary<int, (int Id, bool Modifiable)> ComptesRendusRdv { get; private set; } = [];
    public Dictionary<int, (int Id, bool Modifiable)> ComptesRendusSessions { get; private set; } = [];

    /// <summary>This agenda at another day (or week), keeping the chosen mediator or place.</summary>
    public string Lien(DateOnly jour) => $"/admin/agenda?date={jour:yyyy-MM-dd}" + (Mediateur is { } m ? $"&mediateur={m}" : "")
        + (Lieu is { } l ? $"&lieu={l}" : "") + (Semaine ? "&semaine=true" : "");

    /// <returns>false when the requested mediator or place is outside the account's perimeter.</returns>
    async Task<bool> ChargerAsync(CancellationToken ct)
    {
        var utilisateur = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (Mediateur is not null && !await Reseau.Mediateurs.AutorisationsMediateurs.AgendaMediateurAsync(db, User, Mediateur.Value, horloge, ct)) return false;
        if (Lieu is not null && !await Passerelle.Features.Reseau.Lieux.AutorisationsLieux.AgendaLieuAsync(db, User, Lieu.Value, ct)) return false;
        Personne = Mediateur is not null
            ? await db.Mediateurs.FirstOrDefaultAsync(m => m.Id == Mediateur, ct)
            : await db.Mediateurs.FirstOrDefaultAsync(m => m.UtilisateurId == utilisateur && !m.Archive, ct);
        var gerees = await Autorisations.StructuresResponsableAsync(db, User, ct);
        if (gerees.Count > 0)
        {
            Choix = (await (await Reseau.Mediateurs.AutorisationsMediateurs.AgendasAsync(db, User, horloge, ct)).OrderBy(m => m.Nom).Select(m => new { m.Id, N = m.Prenom + " " + m.Nom }).Take(500).ToListAsync(ct))
                .Select(m => (m.Id, m.N)).ToList();
            LieuxGeres = (await db.Lieux.Where(l => !l.Archive && l.StructureId != null && gerees.Contains(l.StructureId.Value)
                    && (db.Permanences.Any(p => p.LieuId == l.Id && !p.Archivee) || db.SessionsAteliers.Any(s => s.LieuId == l.Id)))
                .OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom }).Take(500).ToListAsync(ct)).Select(l => (l.Id, l.Nom)).ToList();
        }
        if (Lieu is not null) NomLieu = await db.Lieux.Where(l => l.Id == Lieu).Select(l => l.Nom).FirstAsync(ct);
        if (Personne is null && Lieu is null) return true;
        var zone = Territoire.Zone(Territoire.FuseauMetropole);
        AujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(horloge.GetUtcNow().UtcDateTime, zone));
        var jour = Date ?? AujourdHui;
        if (Semaine) jour = jour.AddDays(-(((int)jour.DayOfWeek + 6) % 7));
        Date = jour;
        var du = TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(TimeOnly.MinValue), zone);
        var au = TimeZoneInfo.ConvertTimeToUtc(jour.AddDays(Semaine ? 7 : 1).ToDateTime(TimeOnly.MinValue), zone);
        if (Lieu is not null) { (Rdv, Sessions) = await Agendas.LieuAsync(db, Lieu.Value, du, au, ct); Personne = null; }
        else
        {
            (Rdv, Sessions) = await Agendas.MediateurAsync(db, Personne!.Id, du, au, ct);
            Sien = Personne.UtilisateurId is not null && Personne.UtilisateurId == utilisateur;
            if (Sien && Personne.JetonAgenda is not null) LienIcs = $"{Request.Scheme}://{Request.Host}/agenda/{Personne.JetonAgenda}.ics";
        }
        await ChargerComptesRendusAsync(ct);
        return true;
    }

    async Task ChargerComptesRendusAsync(CancellationToken ct)
    {
        var moi = await Reseau.Mediateurs.AutorisationsMediateurs.FicheAsync(db, User, ct);
        var rdv = Rdv.Select(r => r.ReservationId).ToList();
        var sessions = Sessions.Select(s => s.SessionId).ToList();
        var faits = await db.Activites.AsNoTracking()
            .Where(a => (a.ReservationId != null && rdv.Contains(a.ReservationId.Value)) || (a.SessionAtelierId != null && sessions.Contains(a.SessionAtelierId.Value)))
            .Select(a => new { a.Id, a.ReservationId, a.SessionAtelierId, a.MediateurId }).ToListAsync(ct);
        ComptesRendusRdv = faits.Where(a => a.ReservationId is not null).ToDictionary(a => a.ReservationId!.Value, a => (a.Id, a.MediateurId == moi));
        ComptesRendusSessions = faits.Where(a => a.SessionAtelierId is not null).ToDictionary(a => a.SessionAtelierId!.Value, a => (a.Id, a.MediateurId == moi));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        ReservationAnnoncee = TempData["MessageReservation"] as int?;
        if (!await ChargerAsync(ct)) return Forbid();
        if (ReservationAnnoncee is { } id && Rdv.All(r => r.ReservationId != id)) ReservationAnnoncee = null;
        return Page();
    }

    public async Task<IActionResult> OnPostMarquerAsync(int reservationId, StatutReservation statut, CancellationToken ct)
    {
        if (!await Rendezvous.AutorisationsRendezvous.ReservationAsync(db, User, reservationId, ct)) return Forbid();
        try
        {
            await Agendas.MarquerAsync(db, reservationId, statut, horloge, ct);
            TempData["Message"] = $"Présence notée : {Agendas.Libelle(statut)}.";
        }
        catch (RegleMetierException e) { TempData["Message"] = e.Message; }
        catch (KeyNotFoundException) { return NotFound(); }
        TempData["MessageReservation"] = reservationId;
        // Back to the same line of the agenda, not the top of the page: the line (tabindex=-1) takes the focus.
        return Redirect((Date is { } jour ? Lien(jour) : "/admin/agenda") + $"#rdv-{reservationId}");
    }

    /// <summary>The mediator's choice for their own calendar feed: first names only (default) or full names and purposes.</summary>
    public async Task<IActionResult> OnPostNomsCompletsAsync(bool complets, CancellationToken ct)
    {
        if (await Reseau.Mediateurs.AutorisationsMediateurs.FicheAsync(db, User, ct) is not { } fiche) return Forbid();
        await db.Mediateurs.Where(m => m.Id == fiche).ExecuteUpdateAsync(u => u.SetProperty(m => m.AgendaNomsComplets, complets), ct);
        TempData["Message"] = complets ? "Votre agenda synchronisé montrera le nom complet et l'objet des rendez-vous." : "Votre agenda synchronisé ne montrera que les prénoms.";
        return Redirect("/admin/agenda");
    }

    /// <summary>Creates or replaces the secret link of the account's own calendar feed (never someone else's).</summary>
    public async Task<IActionResult> OnPostIcsAsync(CancellationToken ct)
    {
        if (await Reseau.Mediateurs.AutorisationsMediateurs.FicheAsync(db, User, ct) is not { } fiche) return Forbid();
        if (Mediateur is not null && Mediateur != fiche) return Forbid();
        var m = await db.Mediateurs.FirstAsync(x => x.Id == fiche, ct);
        m.JetonAgenda = Jetons.Nouveau();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Nouveau lien d'agenda créé (l'ancien ne fonctionne plus).";
        return Redirect("/admin/agenda");
    }
}
