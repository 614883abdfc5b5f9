using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Two probable duplicates side by side: choose the file to keep, confirm, merge — or say they are two people.</summary>
public sealed class FusionModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty(SupportsGet = true)] public int A { get; set; }
    [BindProperty(SupportsGet = true)] public int B { get; set; }
    /// <summary>The file kept; set once chosen, the page then asks for confirmation.</summary>
    [BindProperty] public int? Garder { get; set; }
    public BeneficiaireDto FicheA { get; private set; } = null!;
    public BeneficiaireDto FicheB { get; private set; } = null!;
    public DateOnly? DernierA { get; private set; }
    public DateOnly? DernierB { get; private set; }
    public bool Confirmation { get; private set; }

    async Task<IActionResult> AfficherAsync(CancellationToken ct)
    {
        FicheA = await LireFiche.ExecuterAsync(Db, Structures, A, User, Horloge, ct);
        FicheB = await LireFiche.ExecuterAsync(Db, Structures, B, User, Horloge, ct);
        var resumes = await Fiches.ResumesAsync(Db, [new Beneficiaire { Id = A }, new Beneficiaire { Id = B }], ct);
        (DernierA, DernierB) = (resumes[0].DernierAccompagnement, resumes[1].DernierAccompagnement);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        if (A == B) return NotFound();
        return await AfficherAsync(ct);
    }

    /// <summary>Step 2: the file to keep is chosen; nothing changes until confirmed.</summary>
    public async Task<IActionResult> OnPostChoisirAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        // As on the first step: one file is no pair (the final step refuses it too).
        if (A == B) return NotFound();
        if (Garder != A && Garder != B) Erreurs["Garder"] = ["Choisissez la fiche à garder."];
        else Confirmation = true;
        return await AfficherAsync(ct);
    }

    public async Task<IActionResult> OnPostFusionnerAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        if (Garder != A && Garder != B) { Erreurs["Garder"] = ["Choisissez la fiche à garder."]; return await AfficherAsync(ct); }
        var garder = Garder!.Value;
        var absorber = garder == A ? B : A;
        try
        {
            await FusionnerFiches.ExecuterAsync(Db, Structures, garder, absorber, User, Horloge, ct);
            TempData["Message"] = "Les deux fiches n'en font plus qu'une : accompagnements, orientations et diagnostics ont été regroupés.";
            return Redirect($"/beneficiaires/{garder}");
        }
        catch (RegleMetierException e) { Erreurs[""] = [e.Message]; }
        return await AfficherAsync(ct);
    }

    public async Task<IActionResult> OnPostNonDoublonAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        try
        {
            await MarquerNonDoublon.ExecuterAsync(Db, Structures, A, B, User, Horloge, ct);
            TempData["Message"] = $"C'est noté : les fiches n° {A} et n° {B} sont deux personnes différentes, elles ne seront plus proposées comme doublon.";
            return Redirect("/beneficiaires/doublons");
        }
        catch (RegleMetierException e) { Erreurs[""] = [e.Message]; }
        return await AfficherAsync(ct);
    }
}
