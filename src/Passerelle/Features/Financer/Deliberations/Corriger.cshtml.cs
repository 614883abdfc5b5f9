using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>Correcting an act: the current values pre-filled; saving adds a version (who, when, why).</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class CorrigerModel(AppDbContext db, TimeProvider horloge) : FormulaireDeliberationModel
{
    public override bool Correction => true;
    public int DeliberationId { get; private set; }
    public string Numero { get; private set; } = "";
    public int Version { get; private set; }

    async Task<Deliberation?> ChargerAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliberations.AsNoTracking().Include(x => x.Montants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is not null) (DeliberationId, Numero, Version) = (d.Id, d.Numero, d.Version);
        return d;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ChargerAsync(id, ct) is not { } d) return NotFound();
        Saisie = DeliberationSaisie.De(d);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await ChargerAsync(id, ct) is null) return NotFound();
        ErreursLiaison();
        if (string.IsNullOrWhiteSpace(Saisie.Motif)) Erreurs["Motif"] = ["Dites en quelques mots ce que vous corrigez : ce sera dans l'historique."];
        if (Erreurs.Count > 0) return Page();
        try
        {
            await EnregistrerDeliberation.CorrigerAsync(db, id, Saisie, DeliberationsApi.Auteur(HttpContext), horloge, ct);
            return Redirect($"/admin/deliberations/{id}");
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            Erreurs = Valider.Erreurs(e);
            return Page();
        }
    }
}
