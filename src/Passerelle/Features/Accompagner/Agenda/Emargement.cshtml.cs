using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Agenda;

/// <summary>The printable attendance sheet of a workshop session, and check-in per participant: for the mediators working at its place
/// and the managers of its structure.</summary>
public sealed class EmargementModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public SessionAtelier Session { get; private set; } = null!;
    public List<Inscription> Participants { get; private set; } = [];
    public List<Inscription> Attente { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The session's record, if made: its id, and whether the viewer may open it (their own).</summary>
    public (int Id, bool Modifiable)? CompteRendu { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await Ateliers.AutorisationsAteliers.SessionAsync(db, User, id, ct)) return Forbid();
        Message = TempData["Message"] as string;
        var s = await db.SessionsAteliers.AsNoTracking().Include(x => x.Atelier).Include(x => x.Lieu).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Session = s;
        var toutes = await db.Inscriptions.AsNoTracking().Where(i => i.SessionId == id).OrderBy(i => i.Nom).ThenBy(i => i.Prenom).ToListAsync(ct);
        Participants = toutes.Where(i => i.Statut is StatutInscription.Inscrit or StatutInscription.Honoree or StatutInscription.Excusee or StatutInscription.Absente).ToList();
        Attente = toutes.Where(i => i.Statut == StatutInscription.ListeAttente).OrderBy(i => i.CreeLe).ToList();
        var moi = await Reseau.Mediateurs.AutorisationsMediateurs.FicheAsync(db, User, ct);
        var fait = await db.Activites.AsNoTracking().Where(a => a.SessionAtelierId == id).Select(a => new { a.Id, a.MediateurId }).FirstOrDefaultAsync(ct);
        if (fait is not null) CompteRendu = (fait.Id, fait.MediateurId == moi);
        return Page();
    }

    /// <summary>Someone who came without registering: written on the sheet as present (staff who run workshops only).</summary>
    public async Task<IActionResult> OnPostPresentAsync(int id, string? prenom, string? nom, CancellationToken ct)
    {
        if (!await Ateliers.AutorisationsAteliers.SessionAsync(db, User, id, ct)) return Forbid();
        var saisie = new PresentSaisie(prenom ?? "", nom ?? "");
        if (Valider.Objet(saisie) is { } erreurs) TempData["Message"] = string.Join(" ", erreurs.SelectMany(e => e.Value));
        else
        {
            try
            {
                var i = await GererSession.AjouterPresentAsync(db, id, saisie, horloge, ct);
                TempData["Message"] = $"{i.Prenom} {i.Nom} ajouté(e) à la feuille, présent(e).";
            }
            catch (RegleMetierException e) { TempData["Message"] = e.Message; }
            catch (KeyNotFoundException) { return NotFound(); }
        }
        return Redirect($"/admin/agenda/session/{id}#sur-place");
    }

    public async Task<IActionResult> OnPostAsync(int id, int inscriptionId, StatutInscription statut, CancellationToken ct)
    {
        if (!await Ateliers.AutorisationsAteliers.SessionAsync(db, User, id, ct)) return Forbid();
        try
        {
            await Agendas.MarquerInscriptionAsync(db, id, inscriptionId, statut, horloge, ct);
            TempData["Message"] = "Présence notée.";
        }
        catch (RegleMetierException e) { TempData["Message"] = e.Message; }
        catch (KeyNotFoundException) { return NotFound(); }
        return Redirect($"/admin/agenda/session/{id}#ins-{inscriptionId}");
    }
}
