using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed class EditionModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty] public BeneficiaireSaisie Saisie { get; set; } = new() { Suivi = true };
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>Creating anyway after the duplicate warning.</summary>
    [BindProperty] public bool CreerMalgreDoublons { get; set; }
    public List<BeneficiaireResume> DoublonsPossibles { get; private set; } = [];
    public string? AideQuartiers { get; private set; }
    public List<Qpv> Quartiers { get; private set; } = [];
    public List<(int Id, string Nom)> NomsStructures { get; private set; } = [];
    public bool DejaConsenti { get; private set; }

    async Task ChargerListesAsync(CancellationToken ct)
    {
        Quartiers = await QuartiersDeLaCommune.ExecuterAsync(Db, Saisie.Commune, Saisie.CodePostal, ct);
        // A file whose neighbourhood is outside the list (commune typed otherwise) keeps it offered.
        if (Saisie.CodeQpv is { Length: > 0 } code && Quartiers.All(q => q.Code != code) && await Db.Qpv.AsNoTracking().FirstOrDefaultAsync(q => q.Code == code, ct) is { } actuel)
            Quartiers.Insert(0, actuel);
        NomsStructures = await NomsStructuresAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        if (Id is { } id)
        {
            var b = await Fiches.ChargerAsync(Db, Structures, id, ct);
            DejaConsenti = b.ConsentementLe is not null;
            Saisie = new BeneficiaireSaisie { Suivi = b.Suivi, Prenom = b.Prenom, Nom = b.Nom, Telephone = b.Telephone, Courriel = b.Courriel, AnneeNaissance = b.AnneeNaissance,
                Genre = b.Genre, Statut = b.Statut, Commune = b.Commune, CodePostal = b.CodePostal, CodeQpv = b.CodeQpv, Notes = b.Notes, StructureId = b.StructureId };
        }
        await ChargerListesAsync(ct);
        return Page();
    }

    /// <summary>Without JavaScript: re-shows the form with the priority neighbourhoods of the commune typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostQuartiersAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        ModelState.Clear();
        await ChargerListesAsync(ct);
        AideQuartiers = Quartiers.Count > 0 ? $"{Quartiers.Count} quartier(s) prioritaire(s) dans cette commune."
            : string.IsNullOrWhiteSpace(Saisie.Commune + Saisie.CodePostal) ? null : "Aucun quartier prioritaire connu pour cette commune : laissez « Aucun ».";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        if (!ModelState.IsValid)
            foreach (var (cle, v) in ModelState.Where(m => m.Value!.Errors.Count > 0)) Erreurs[cle.Replace("Saisie.", "")] = [v!.Errors[0].ErrorMessage is { Length: > 0 } m ? m : "Valeur mal écrite."];
        if (Erreurs.Count == 0 && Id is null && !CreerMalgreDoublons)
            DoublonsPossibles = await global::Passerelle.Features.Accompagner.Beneficiaires.DoublonsPossibles.ExecuterAsync(Db, Structures, Saisie, Horloge, ct);
        if (Erreurs.Count == 0 && DoublonsPossibles.Count == 0)
        {
            try
            {
                if (Id is { } id) await ModifierFiche.ExecuterAsync(Db, Structures, id, Saisie, User, Horloge, ct);
                else Id = (await CreerFiche.ExecuterAsync(Db, Structures, Saisie, User, Horloge, ct)).Id;
                TempData["Message"] = "Fiche enregistrée.";
                return Redirect($"/beneficiaires/{Id}");
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerListesAsync(ct);
        return Page();
    }
}
