using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

public sealed record LigneApprenant(int Id, string Nom, string Statut, string? Referent, string Origine);

/// <summary><c>/parcours/cohortes/{id}</c>: the cohort board. School staff see the learners, their referent and those without one;
/// a funder of the programme sees the aggregates only, small cells masked; anyone else is refused.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed partial class CohorteModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public string Programme { get; private set; } = "";
    public string Statut { get; private set; } = "";
    public bool Complet { get; private set; }
    public Indicateurs Indicateurs { get; private set; } = null!;
    public List<LigneApprenant> Apprenants { get; private set; } = [];
    public bool Gestion { get; private set; }
    public List<Option> Mediateurs { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public ReaffectationSaisie Saisie { get; set; } = new();
    public List<LigneApprenant> SansReferent => Apprenants.Where(a => a.Referent is null && a.Statut == Vocabulaire.Candidat).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Complet = await AccesParcours.VoitCohorteEnCompletAsync(db, User, id, horloge, ct);
        var c = await db.Set<Cohorte>().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Nom, Programme = x.Programme!.Nom, x.Statut }).SingleAsync(ct);
        (Id, Nom, Programme, Statut) = (c.Id, c.Nom, c.Programme, c.Statut);
        Indicateurs = await CalculerIndicateurs.CohorteAsync(db, id, masquer: !Complet, horloge, ct);
        var structure = await db.Set<Cohorte>().Where(x => x.Id == id).Select(x => x.Programme!.StructureId).SingleAsync(ct);
        Gestion = (await AccesParcours.GereesAsync(db, User, ct)).Contains(structure);
        if (Gestion)
        {
            var aujourdHui = Territoire.AujourdHui(horloge);
            Mediateurs = await db.Mediateurs.AsNoTracking().Where(m => m.Emplois.Any(e => e.StructureId == structure && (e.Fin == null || e.Fin >= aujourdHui.AddYears(-1))))
                .OrderBy(m => m.Nom).Select(m => new Option(m.Id.ToString(), m.Prenom + " " + m.Nom)).ToListAsync(ct);
        }
        if (Complet)
            Apprenants = (await db.Set<Inscription>().AsNoTracking().Where(i => i.CohorteId == id)
                .Select(i => new { i.Id, i.Apprenant!.Prenom, i.Apprenant.Nom, i.Apprenant.AnonymiseLe, i.Statut, R = i.Referent == null ? null : i.Referent.Prenom + " " + i.Referent.Nom, i.Origine })
                .ToListAsync(ct))
                .Select(i => new LigneApprenant(i.Id, i.AnonymiseLe is null ? $"{i.Prenom} {i.Nom}" : "Personne anonymisée", i.Statut, i.R, i.Origine))
                .OrderBy(a => a.Nom).ToList();
        if (Complet) await ChargerPresencesAsync(id, ct);
        return Page();
    }

    /// <summary>Bulk reassignment on a referent's departure (<see cref="Reaffecter"/>), managers of the school only.</summary>
    public async Task<IActionResult> OnPostReaffecterAsync(int id, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().Where(x => x.Id == id).Select(x => new { x.ProgrammeId, x.Programme!.StructureId }).FirstOrDefaultAsync(ct);
        await AccesParcours.VerifierGestionProgrammeAsync(db, User, c?.ProgrammeId ?? -1, ct);
        try
        {
            await Reaffecter.ExecuterAsync(db, id, c!.StructureId, Saisie, horloge, ct);
            return Redirect($"/parcours/cohortes/{id}");
        }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return await OnGetAsync(id, ct);
    }

    /// <summary>The next status of the cohort (recruiting → running → finished), or null when finished.</summary>
    public string? StatutSuivant => Statut switch { "recrutement" => "en_cours", "en_cours" => "terminee", _ => null };

    /// <summary>Starts or finishes the cohort (<see cref="ChangerStatutCohorte"/>), managers of the school only.</summary>
    public async Task<IActionResult> OnPostStatutAsync(int id, string? statut, CancellationToken ct)
    {
        var programme = await db.Set<Cohorte>().Where(x => x.Id == id).Select(x => (int?)x.ProgrammeId).FirstOrDefaultAsync(ct);
        await AccesParcours.VerifierGestionProgrammeAsync(db, User, programme ?? -1, ct);
        try
        {
            await ChangerStatutCohorte.ExecuterAsync(db, id, statut ?? "", ct);
            return Redirect($"/parcours/cohortes/{id}");
        }
        catch (RegleMetierException e) { Erreurs["Statut"] = [e.Message]; }
        return await OnGetAsync(id, ct);
    }
}
