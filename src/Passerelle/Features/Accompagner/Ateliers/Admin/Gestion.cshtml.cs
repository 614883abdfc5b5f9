using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Ateliers.Admin;

/// <summary>Workshop catalogue and sessions: one-off, or a monthly series ("first Wednesday").</summary>
public sealed class GestionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public string? Titre { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string[] Themes { get; set; } = [];
    [BindProperty] public string Niveau { get; set; } = "Débutant";
    [BindProperty] public int DureeMinutes { get; set; } = 120;
    [BindProperty] public string? Materiel { get; set; }

    [BindProperty] public int AtelierId { get; set; }
    [BindProperty] public int LieuId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly Heure { get; set; } = new(14, 0);
    [BindProperty] public int Capacite { get; set; } = 8;
    [BindProperty] public bool Mensuelle { get; set; }
    [BindProperty] public int Rang { get; set; } = 1;
    [BindProperty] public DayOfWeek Jour { get; set; } = DayOfWeek.Wednesday;
    [BindProperty] public DateOnly? Jusqu { get; set; }
    /// <summary>A cycle of N weekly sessions, booked together.</summary>
    [BindProperty] public int SeancesCycle { get; set; }

    public List<Atelier> Catalogue { get; private set; } = [];
    public sealed record SessionAVenir(int Id, string Titre, DateTime Debut, string Lieu, string Fuseau, int Capacite, int Inscrits, int EnAttente, bool Annulee);
    /// <summary>The next sessions at the account's places, cancelled ones included (marked).</summary>
    public List<SessionAVenir> Sessions { get; private set; } = [];
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    /// <summary>Errors by property name of the form that was sent (the two forms' fields are distinct).</summary>
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    /// <summary>HTML id of each field, by property name: the summary's links (others: the lower-cased name).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["AtelierId"] = "atelier", ["LieuId"] = "lieu", ["Jusqu"] = "jusqu", ["SeancesCycle"] = "cycle", ["DureeMinutes"] = "duree",
    };
    public string? Message { get; private set; }

    async Task ChargerAsync(CancellationToken ct)
    {
        Catalogue = await db.Ateliers.AsNoTracking().Where(a => !a.Archive).OrderBy(a => a.Titre).ToListAsync(ct);
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var q = db.Lieux.Where(l => !l.Archive && l.StructureId != null);
        if (perimetre is not null) q = q.Where(l => perimetre.Contains(l.StructureId!.Value));
        Lieux = (await q.OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom }).Take(1000).ToListAsync(ct)).Select(l => (l.Id, l.Nom)).ToList();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var sessions = db.SessionsAteliers.AsNoTracking().Where(s => s.Debut > maintenant);
        if (perimetre is not null) sessions = sessions.Where(s => s.Lieu!.StructureId != null && perimetre.Contains(s.Lieu.StructureId.Value));
        Sessions = await sessions.OrderBy(s => s.Debut).ThenBy(s => s.Id).Take(100)
            .Select(s => new SessionAVenir(s.Id, s.Atelier!.Titre, s.Debut, s.Lieu!.Nom, s.Lieu.FuseauHoraire, s.Capacite, s.Inscrits,
                db.Inscriptions.Count(i => i.SessionId == s.Id && i.Statut == StatutInscription.ListeAttente), s.Annulee)).ToListAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct) { Message = TempData["Message"] as string; await ChargerAsync(ct); }

    public async Task<IActionResult> OnPostAtelierAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Titre) || Titre.Length > 200) Erreurs["Titre"] = ["Le titre est obligatoire (200 caractères au plus)."];
        if (Themes.Any(t => !VocabulaireCoop.Themes.Contains(t))) Erreurs["Themes"] = ["Thème inconnu."];
        if (!VocabulaireCoop.Niveaux.Contains(Niveau)) Erreurs["Niveau"] = ["Niveau inconnu."];
        if (DureeMinutes is < 15 or > 480) Erreurs["DureeMinutes"] = ["Durée : de 15 à 480 minutes."];
        if ((Description?.Length ?? 0) > 4000) Erreurs["Description"] = ["4 000 caractères au plus."];
        if ((Materiel?.Length ?? 0) > 500) Erreurs["Materiel"] = ["500 caractères au plus."];
        // Only this form's fields are checked: the page binds both forms' properties.
        if (Erreurs.Count == 0)
        {
            db.Ateliers.Add(new Atelier { Titre = Titre!.Trim(), Description = Description, Themes = Themes.Length == 0 ? null : string.Join('|', Themes), Niveau = Niveau, DureeMinutes = DureeMinutes, MaterielNecessaire = Materiel });
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"Atelier « {Titre} » ajouté au catalogue.";
            return RedirectToPage();
        }
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSessionsAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        var atelier = Catalogue.FirstOrDefault(a => a.Id == AtelierId);
        if (atelier is null) Erreurs["AtelierId"] = ["Choisissez un atelier du catalogue."];
        if (Lieux.All(l => l.Id != LieuId)) Erreurs["LieuId"] = ["Choisissez un de vos lieux."];
        if (Capacite is < 1 or > 200) Erreurs["Capacite"] = ["Capacité : de 1 à 200 places."];
        if (Date is null) Erreurs["Date"] = ["Indiquez la date (ou la date de la première session)."];
        if (Mensuelle && (Jusqu is null || Jusqu < Date || Jusqu > Date?.AddYears(2))) Erreurs["Jusqu"] = ["Pour une série, indiquez une date de fin (deux ans au plus)."];
        if (SeancesCycle is < 0 or > 20 || (SeancesCycle > 1 && Mensuelle)) Erreurs["SeancesCycle"] = ["Un cycle compte de 2 à 20 séances hebdomadaires (pas avec une série mensuelle)."];
        if (Erreurs.Count > 0) return Page();
        var lieu = await db.Lieux.FirstAsync(l => l.Id == LieuId, ct);
        var zone = Territoire.Zone(lieu.FuseauHoraire);
        var dates = Mensuelle
            ? new Recurrence(TypeRecurrence.Mensuelle, 0, 1, Rang, Jour, Date!.Value, Jusqu).Dates(Date.Value, Jusqu!.Value).Where(d => !JoursFeries.EstFerie(d, lieu.Departement)).ToList()
            : SeancesCycle > 1 ? Enumerable.Range(0, SeancesCycle).Select(k => Date!.Value.AddDays(7 * k)).ToList()
            : [Date!.Value];
        var cycle = SeancesCycle > 1 ? Guid.NewGuid().ToString("N") : null;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var creees = 0;
        foreach (var d in dates)
        {
            var local = d.ToDateTime(Heure);
            if (zone.IsInvalidTime(local)) continue;
            var debut = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            if (debut <= maintenant) continue;
            db.SessionsAteliers.Add(new SessionAtelier { AtelierId = atelier!.Id, LieuId = LieuId, Debut = debut, Fin = debut.AddMinutes(atelier.DureeMinutes), Capacite = Capacite, Cycle = cycle });
            creees++;
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = creees == 0 ? "Aucune session créée : les dates sont passées ou fériées." : $"{creees} session(s) de « {atelier!.Titre} » créée(s), ouvertes à l'inscription.";
        return RedirectToPage();
    }
}
