using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/programmes/edition</c> (new) and <c>/parcours/programmes/edition/{id}</c> (edit): a school's programme, for the
/// managers of the school only (<see cref="AccesParcours.GereesAsync"/>); funders are typed one per line as named on funder accounts.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class EditerProgrammeModel(AppDbContext db) : PageModel
{
    public int? Id { get; private set; }
    public List<Option> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public int StructureId { get; set; }
    [BindProperty] public string? LabelGen { get; set; }
    [BindProperty] public DateOnly? LabelDebut { get; set; }
    [BindProperty] public DateOnly? LabelFin { get; set; }
    [BindProperty] public string? Certification { get; set; }
    [BindProperty] public string? Financeurs { get; set; }

    async Task ChargerAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } p) { await AccesParcours.VerifierGestionProgrammeAsync(db, User, p, ct); return; }
        var gerees = await AccesParcours.GereesAsync(db, User, ct);
        if (gerees.Count == 0) throw new AccesRefuseException("Seuls les responsables d'une école créent ses programmes.");
        Structures = await db.Structures.AsNoTracking().Where(s => gerees.Contains(s.Id)).OrderBy(s => s.Nom).Select(s => new Option(s.Id.ToString(), s.Nom)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        if (id is { } p)
        {
            var x = await db.Set<Programme>().AsNoTracking().SingleAsync(y => y.Id == p, ct);
            (Nom, StructureId, LabelGen, LabelDebut, LabelFin, Certification) = (x.Nom, x.StructureId, x.LabelGen, x.LabelDebut, x.LabelFin, x.Certification);
            Financeurs = string.Join('\n', x.ListeFinanceurs());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (id is null && !Structures.Any(s => s.Valeur == StructureId.ToString())) Erreurs["StructureId"] = ["Choisissez l'une de vos écoles."];
        if (Erreurs.Count > 0) return Page();
        var saisie = new ProgrammeSaisie
        {
            Nom = Nom ?? "", StructureId = StructureId, LabelGen = LabelGen, LabelDebut = LabelDebut, LabelFin = LabelFin, Certification = Certification,
            Financeurs = (Financeurs ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        try
        {
            if (id is { } p) await CreerProgramme.ModifierAsync(db, p, saisie, ct);
            else await CreerProgramme.ExecuterAsync(db, saisie, ct);
            return Redirect("/parcours#programmes");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
