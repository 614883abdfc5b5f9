using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed class FicheModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public BeneficiaireDto Fiche { get; private set; } = null!;
    /// <summary>The person's last 100 records, newest first.</summary>
    public IReadOnlyList<AccompagnementDeLaFiche> Activites { get; private set; } = [];
    public List<Journal> JournalFiche { get; private set; } = [];
    /// <summary>The time zone of the structure that holds the file (the territory's, overseas ones included).</summary>
    public TimeZoneInfo Zone { get; private set; } = Territoire.Zone(null);
    public List<(int Id, string Nom)> LieuxAnnuaire { get; private set; } = [];
    [BindProperty] public OrientationSaisie? Orientation { get; set; }
    [BindProperty] public Dictionary<string, int?> Niveaux { get; set; } = [];

    async Task<IActionResult> AfficherAsync(CancellationToken ct)
    {
        Fiche = await LireFiche.ExecuterAsync(Db, Structures, Id, User, Horloge, ct);
        Activites = await AccompagnementsDesFiches.De(Db).HistoriqueAsync(Db, Id, 100, ct);
        Zone = Territoire.Zone(Territoire.Fuseau(await Db.Structures.Where(s => s.Id == Fiche.StructureId).Select(s => s.CodePostal).FirstOrDefaultAsync(ct)));
        JournalFiche = await Db.Journal.AsNoTracking().Where(j => j.Objet == Journal.FicheBeneficiaire && j.ObjetId == Id).OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
        LieuxAnnuaire = (await Db.Lieux.AsNoTracking().Where(l => !l.Archive).OrderBy(l => l.Nom).Take(500).Select(l => new { l.Id, l.Nom, l.Commune }).ToListAsync(ct))
            .Select(l => (l.Id, $"{l.Nom} ({l.Commune})")).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await AutoriseAsync(ct) ? await AfficherAsync(ct) : Refuse();

    async Task<IActionResult> Action(Func<Task> action, string message, CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        try
        {
            await action();
            TempData["Message"] = message;
            return Redirect($"/beneficiaires/{Id}");
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { Erreurs = Valider.Erreurs(e); }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        return await AfficherAsync(ct);
    }

    public Task<IActionResult> OnPostOrienterAsync(CancellationToken ct) =>
        Action(() => Orienter.ExecuterAsync(Db, Structures, Id, Orientation ?? new(null, null, null, null, null), User, Horloge, ct), "Orientation enregistrée.", ct);

    public Task<IActionResult> OnPostResultatAsync(int orientation, string? resultat, DateOnly? le, CancellationToken ct) =>
        Action(() => NoterResultatOrientation.ExecuterAsync(Db, Structures, orientation, new ResultatSaisie(resultat, le), User, Horloge, ct), "Résultat de l'orientation noté.", ct);

    public Task<IActionResult> OnPostDiagnosticAsync(DateOnly? date, CancellationToken ct) =>
        Action(async () => await Diagnostiquer.ExecuterAsync(Db, Structures, Id,
            new DiagnosticSaisie(date, Niveaux.Where(n => n.Value is not null).ToDictionary(n => n.Key, n => n.Value!.Value), null),
            await AutorisationsMediateurs.FicheAsync(Db, User, ct), User, Horloge, ct), "Diagnostic enregistré.", ct);

    public async Task<IActionResult> OnPostEffacerAsync(bool confirmation, CancellationToken ct)
    {
        if (!confirmation)
        {
            if (!await AutoriseAsync(ct)) return Refuse();
            Erreurs[""] = ["Cochez la case de confirmation pour effacer la personne."];
            return await AfficherAsync(ct);
        }
        return await Action(() => EffacerFiche.ExecuterAsync(Db, Structures, Id, User, Horloge, ct), "La personne a été effacée : son identité n'est plus conservée, les chiffres anonymes restent.", ct);
    }
}
