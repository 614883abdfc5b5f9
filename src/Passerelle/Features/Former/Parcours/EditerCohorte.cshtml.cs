using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/cohortes/edition?programme={id}</c> (new) and <c>/parcours/cohortes/edition/{id}</c> (edit): a session of a programme,
/// for the managers of the programme's school only. Its status moves on the cohort board.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed class EditerCohorteModel(AppDbContext db) : PageModel
{
    public int? Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public string Programme { get; private set; } = "";
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public CohorteSaisie Saisie { get; set; } = new();

    async Task ChargerAsync(int? id, int? programme, CancellationToken ct)
    {
        Id = id;
        ProgrammeId = id is { } c ? await db.Set<Cohorte>().Where(x => x.Id == c).Select(x => x.ProgrammeId).FirstOrDefaultAsync(ct) : programme ?? 0;
        await AccesParcours.VerifierGestionProgrammeAsync(db, User, ProgrammeId, ct);
        Programme = await db.Set<Programme>().Where(p => p.Id == ProgrammeId).Select(p => p.Nom).SingleAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? programme, CancellationToken ct)
    {
        await ChargerAsync(id, programme, ct);
        if (id is { } c)
        {
            var x = await db.Set<Cohorte>().AsNoTracking().SingleAsync(y => y.Id == c, ct);
            Saisie = new CohorteSaisie
            {
                ProgrammeId = x.ProgrammeId, Nom = x.Nom, Debut = x.Debut, Fin = x.Fin, HeuresPrevues = x.HeuresPrevues, Capacite = x.Capacite, Lieu = x.Lieu,
                RecrutementDebut = x.RecrutementDebut, RecrutementFin = x.RecrutementFin,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? programme, CancellationToken ct)
    {
        await ChargerAsync(id, programme, ct);
        Erreurs = Formulaire.Erreurs(ModelState, "Saisie.").ToDictionary();
        if (Erreurs.Count > 0) return Page();
        try
        {
            var s = Saisie with { ProgrammeId = ProgrammeId };
            var cohorte = id ?? (await CreerCohorte.ExecuterAsync(db, s, ct)).Id;
            if (id is { } c) await CreerCohorte.ModifierAsync(db, c, s, ct);
            return Redirect($"/parcours/cohortes/{cohorte}");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        return Page();
    }
}
