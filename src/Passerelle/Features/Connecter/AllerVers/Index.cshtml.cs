using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.AllerVers;

/// <summary><c>/admin/connexion/aller-vers</c>: the structure's outreach events, a form to record one and a form to link a diagnostic or an
/// enrolment made there. Mediators, managers and administrators, for the structures they work for.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class IndexModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public List<EvenementDto> Evenements { get; private set; } = [];
    public List<Option> Structures { get; private set; } = [];
    public List<Option> Programmes { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public int? Structure { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? TypeLieu { get; set; }
    [BindProperty] public string? Lieu { get; set; }
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public string? CodeQpv { get; set; }
    [BindProperty] public string? Mediateurs { get; set; }
    [BindProperty] public int? PersonnesRencontrees { get; set; }
    [BindProperty] public int? Programme { get; set; }
    [BindProperty] public int? Evenement { get; set; }
    [BindProperty] public string? TypeLien { get; set; }
    [BindProperty] public int? Cible { get; set; }

    async Task<IActionResult> AfficherAsync(CancellationToken ct)
    {
        var structures = (await AccesConnexion.StructuresAsync(db, User, horloge, ct)).ToList();
        Structures = (await db.Structures.AsNoTracking().Where(s => structures.Contains(s.Id)).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct))
            .Select(s => new Option(s.Id.ToString(), s.Nom)).ToList();
        Programmes = [new("", "Aucun"), .. (await db.Set<ProgrammeConnexion>().AsNoTracking().OrderBy(p => p.Nom).Select(p => new { p.Id, p.Nom }).ToListAsync(ct)).Select(p => new Option(p.Id.ToString(), p.Nom))];
        Evenements = await EvenementsAllerVers.ListerAsync(db, User, horloge, ct);
        Structure ??= structures.Count == 1 ? structures[0] : null;
        Message ??= TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => AfficherAsync(ct);

    async Task<IActionResult> Agir(Func<Task> action, string message, string prefixe, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return Redirect("/admin/connexion/aller-vers");
        }
        catch (ValidationException e) { foreach (var (k, v) in Valider.Erreurs(e)) Erreurs[prefixe + k] = v; }
        catch (RegleMetierException e) { Erreurs[prefixe + (e.Champ ?? "")] = [e.Message]; }
        catch (AccesRefuseException e) { Erreurs[prefixe + "structure"] = [e.Message]; }
        catch (KeyNotFoundException e) { Erreurs[prefixe + "evenement"] = [e.Message]; }
        return await AfficherAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        Agir(() => EvenementsAllerVers.CreerAsync(db, new EvenementSaisie(Structure, Date, TypeLieu, Lieu, Commune, PersonnesRencontrees, CodeQpv, Mediateurs, Programme), User, horloge, ct),
            "Action d'aller vers enregistrée.", "", ct);

    public Task<IActionResult> OnPostLierAsync(CancellationToken ct) =>
        Agir(() => Evenement is { } id ? EvenementsAllerVers.LierAsync(db, id, new LienSaisie(TypeLien, Cible), User, horloge, ct) : throw new KeyNotFoundException("Choisissez l'action."),
            "Lien enregistré.", "lien.", ct);
}
