using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Former.Parcours;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary><c>/parcours/moi/{jeton}/competences</c>: a helper's own self-assessment through their secret link (the learner's page key,
/// <see cref="Inscription.Jeton"/>), with their latest levels and the trainer's. Only pathways of a helpers' training, admitted and not
/// anonymised; anything else is 404 (no probing of links).</summary>
[AllowAnonymous]
public sealed class AutoEvaluationModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public string Jeton { get; private set; } = "";
    public string Cohorte { get; private set; } = "";
    public bool Enregistree { get; private set; }
    public List<NiveauCompetence> Fiche { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public DateOnly? Le { get; set; }
    [BindProperty] public Dictionary<int, int?> Niveaux { get; set; } = [];

    async Task<int?> ChargerAsync(string jeton, CancellationToken ct)
    {
        var i = await db.Set<Inscription>().AsNoTracking()
            .Where(x => x.Jeton == jeton && x.Apprenant!.AnonymiseLe == null && x.Cohorte!.Programme!.Nature == Programme.NatureAidants
                && x.Statut != Vocabulaire.Candidat && x.Statut != Vocabulaire.Refuse)
            .Select(x => new { x.Id, Cohorte = x.Cohorte!.Nom }).FirstOrDefaultAsync(ct);
        if (i is null) return null;
        (Jeton, Cohorte) = (jeton, i.Cohorte);
        Fiche = await ProgressionAidants.FicheAsync(db, i.Id, ct);
        return i.Id;
    }

    public async Task<IActionResult> OnGetAsync(string jeton, bool enregistree, CancellationToken ct)
    {
        if (await ChargerAsync(jeton, ct) is null) return NotFound();
        (Le, Enregistree) = (Territoire.AujourdHui(horloge), enregistree);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string jeton, CancellationToken ct)
    {
        if (await ChargerAsync(jeton, ct) is not { } id) return NotFound();
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            await EvaluerAidant.ExecuterAsync(db, id, ReferentielAidants.Auto, null, Le, Niveaux, horloge, ct);
            return Redirect($"/parcours/moi/{jeton}/competences?enregistree=true");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
