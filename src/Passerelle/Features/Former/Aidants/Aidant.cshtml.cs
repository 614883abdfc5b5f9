using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary><c>/parcours/aidants/inscriptions/{id}</c>: a helper's training — sessions attended, competencies with the latest self- and
/// trainer's levels, the trainer's dated assessment (<see cref="EvaluerAidant"/>) and the helper's association. Staff of the training's
/// structure, the support team and administrators (<see cref="AccesAidants.VerifierAsync"/>); others 403.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class AidantModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public int Id { get; private set; }
    public string Nom { get; private set; } = "";
    public string Cohorte { get; private set; } = "";
    public int SeancesSuivies { get; private set; }
    public int Seances { get; private set; }
    public List<NiveauCompetence> Fiche { get; private set; } = [];
    public List<Option> Structures { get; private set; } = [];
    /// <summary>Outcomes after the training (helpers' list), in moment order: moment label, outcome label, day measured.</summary>
    public List<(string Moment, string Resultat, DateOnly Le)> Resultats { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public Dictionary<string, string[]> ErreursAssociation { get; private set; } = [];
    [BindProperty] public DateOnly? Le { get; set; }
    [BindProperty] public Dictionary<int, int?> Niveaux { get; set; } = [];
    [BindProperty] public int? AssociationId { get; set; }

    /// <returns>The helper's association as recorded.</returns>
    async Task<int?> ChargerAsync(int id, CancellationToken ct)
    {
        await AccesAidants.VerifierAsync(db, User, id, horloge, ct);
        var i = await db.Set<Inscription>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Apprenant!.Prenom, x.Apprenant.Nom, Anonyme = x.Apprenant.AnonymiseLe != null, x.Apprenant.AssociationId, Cohorte = x.Cohorte!.Nom }).SingleAsync(ct);
        (Id, Nom, Cohorte) = (id, i.Anonyme ? "Personne anonymisée" : $"{i.Prenom} {i.Nom}".Trim(), i.Cohorte);
        var presences = await db.Set<Presence>().AsNoTracking().Where(p => p.InscriptionId == id).Select(p => p.Statut).ToListAsync(ct);
        (Seances, SeancesSuivies) = (presences.Count, presences.Count(s => s is Vocabulaire.Present or Vocabulaire.Retard));
        Fiche = await ProgressionAidants.FicheAsync(db, id, ct);
        Resultats = (await db.Set<Resultat>().AsNoTracking().Where(r => r.InscriptionId == id).Select(r => new { r.Moment, r.Type, r.Le }).ToListAsync(ct))
            .OrderBy(r => Vocabulaire.MoisDe(r.Moment)).Select(r => (Vocabulaire.Moments.First(m => m.Code == r.Moment).Libelle, Vocabulaire.LibelleResultat(r.Type), r.Le)).ToList();
        Structures = [new("", "Aucune"), .. await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => new Option(s.Id.ToString(), s.Nom)).ToListAsync(ct)];
        return i.AssociationId;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        AssociationId = await ChargerAsync(id, ct);
        Le = Territoire.AujourdHui(horloge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        AssociationId = await ChargerAsync(id, ct);
        Erreurs = Formulaire.Erreurs(ModelState).Where(e => e.Key != "AssociationId").ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            await EvaluerAidant.ExecuterAsync(db, id, ReferentielAidants.Formateur, User, Le, Niveaux, horloge, ct);
            return Redirect($"/parcours/aidants/inscriptions/{id}#evaluation");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }

    public async Task<IActionResult> OnPostAssociationAsync(int id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        ErreursAssociation = Formulaire.Erreurs(ModelState).Where(e => e.Key == "AssociationId").ToDictionary();
        if (ErreursAssociation.Count > 0) return Page();
        try
        {
            await EvaluerAidant.AssocierAsync(db, id, AssociationId, ct);
            return Redirect($"/parcours/aidants/inscriptions/{id}");
        }
        catch (ValidationException e) { ErreursAssociation = Valider.Erreurs(e); }
        return Page();
    }
}
