using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Base of the file pages: the structures whose files the account may open; none = access refused.</summary>
public abstract class PageBeneficiaires(AppDbContext db, TimeProvider horloge) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Horloge => horloge;
    public HashSet<int> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; protected set; } = [];
    public string? Message { get; protected set; }

    protected async Task<bool> AutoriseAsync(CancellationToken ct)
    {
        Structures = await AccesBeneficiaires.StructuresAsync(db, User, horloge, ct);
        Message = TempData["Message"] as string;
        return Structures.Count > 0;
    }

    protected IActionResult Refuse() => StatusCode(403);

    /// <summary>A file of another structure answers the "access refused" page, an unknown one the "not found" page.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var fait = await next();
        if (fait.Exception is GererBeneficiaires.AccesRefuseException) { fait.Result = StatusCode(403); fait.ExceptionHandled = true; }
        else if (fait.Exception is KeyNotFoundException) { fait.Result = NotFound(); fait.ExceptionHandled = true; }
    }

    public async Task<List<(int Id, string Nom)>> NomsStructuresAsync(CancellationToken ct) =>
        (await db.Structures.Where(s => Structures.Contains(s.Id)).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
}

public sealed class ListeModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<BeneficiaireResume> Fiches { get; private set; } = [];
    public int Doublons { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        Fiches = await GererBeneficiaires.ListerAsync(Db, Structures, Q, 200, ct);
        Doublons = (await GererBeneficiaires.DoublonsAsync(Db, Structures, ct)).Count;
        return Page();
    }
}

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
        Quartiers = await GererBeneficiaires.QuartiersDeLaCommuneAsync(Db, Saisie.Commune, Saisie.CodePostal, ct);
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
            var b = await GererBeneficiaires.ChargerAsync(Db, Structures, id, ct);
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
            DoublonsPossibles = await GererBeneficiaires.DoublonsPossiblesAsync(Db, Structures, Saisie, Horloge, ct);
        if (Erreurs.Count == 0 && DoublonsPossibles.Count == 0)
        {
            try
            {
                if (Id is { } id) await GererBeneficiaires.ModifierAsync(Db, Structures, id, Saisie, User, Horloge, ct);
                else Id = (await GererBeneficiaires.CreerAsync(Db, Structures, Saisie, User, Horloge, ct)).Id;
                TempData["Message"] = "Fiche enregistrée.";
                return Redirect($"/beneficiaires/{Id}");
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerListesAsync(ct);
        return Page();
    }
}

public sealed class FicheModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public BeneficiaireDto Fiche { get; private set; } = null!;
    public sealed record LigneActivite(int Id, DateOnly Date, string Type, string? Themes, string Mediateur);
    public List<LigneActivite> Activites { get; private set; } = [];
    public List<Journal> JournalFiche { get; private set; } = [];
    /// <summary>The time zone of the structure that holds the file (the territory's, overseas ones included).</summary>
    public TimeZoneInfo Zone { get; private set; } = Territoire.Zone(null);
    public List<(int Id, string Nom)> LieuxAnnuaire { get; private set; } = [];
    [BindProperty] public OrientationSaisie? Orientation { get; set; }
    [BindProperty] public Dictionary<string, int?> Niveaux { get; set; } = [];

    async Task<IActionResult> AfficherAsync(CancellationToken ct)
    {
        Fiche = await GererBeneficiaires.LireAsync(Db, Structures, Id, User, Horloge, ct);
        var liste = await Db.Activites.AsNoTracking().Where(a => a.BeneficiaireId == Id || a.Participants.Any(p => p.BeneficiaireId == Id))
            .OrderByDescending(a => a.Date).Take(100).Select(a => new { a.Id, a.Date, a.Type, a.Themes, a.Mediateur!.Prenom, a.Mediateur.Nom }).ToListAsync(ct);
        Activites = liste.Select(a => new LigneActivite(a.Id, a.Date, a.Type, a.Themes?.Replace("|", ", "), $"{a.Prenom} {a.Nom}")).ToList();
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
        catch (SaisieInvalideException e) { Erreurs = e.Erreurs; }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        return await AfficherAsync(ct);
    }

    public Task<IActionResult> OnPostOrienterAsync(CancellationToken ct) =>
        Action(() => GererBeneficiaires.OrienterAsync(Db, Structures, Id, Orientation ?? new(null, null, null, null, null), User, Horloge, ct), "Orientation enregistrée.", ct);

    public Task<IActionResult> OnPostResultatAsync(int orientation, string? resultat, DateOnly? le, CancellationToken ct) =>
        Action(() => GererBeneficiaires.NoterResultatAsync(Db, Structures, orientation, new ResultatSaisie(resultat, le), User, Horloge, ct), "Résultat de l'orientation noté.", ct);

    public Task<IActionResult> OnPostDiagnosticAsync(DateOnly? date, CancellationToken ct) =>
        Action(async () => await GererBeneficiaires.DiagnostiquerAsync(Db, Structures, Id,
            new DiagnosticSaisie(date, Niveaux.Where(n => n.Value is not null).ToDictionary(n => n.Key, n => n.Value!.Value), null),
            await Features.Activites.ActivitesApi.MediateurAsync(Db, User, ct), User, Horloge, ct), "Diagnostic enregistré.", ct);

    public async Task<IActionResult> OnPostEffacerAsync(bool confirmation, CancellationToken ct)
    {
        if (!confirmation)
        {
            if (!await AutoriseAsync(ct)) return Refuse();
            Erreurs[""] = ["Cochez la case de confirmation pour effacer la personne."];
            return await AfficherAsync(ct);
        }
        return await Action(() => GererBeneficiaires.EffacerAsync(Db, Structures, Id, User, Horloge, ct), "La personne a été effacée : son identité n'est plus conservée, les chiffres anonymes restent.", ct);
    }
}

public sealed class DoublonsModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    public List<Doublon> Paires { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        Paires = await GererBeneficiaires.DoublonsAsync(Db, Structures, ct);
        return Page();
    }
}

public sealed class ImportModel(AppDbContext db, TimeProvider horloge) : PageBeneficiaires(db, horloge)
{
    public RapportImportBeneficiaires? Rapport { get; private set; }
    public List<(int Id, string Nom)> NomsStructures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        NomsStructures = await NomsStructuresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? fichier, int? structure, CancellationToken ct)
    {
        if (!await AutoriseAsync(ct)) return Refuse();
        NomsStructures = await NomsStructuresAsync(ct);
        if (fichier is null || fichier.Length == 0) { Erreurs["fichier"] = ["Choisissez un fichier CSV."]; return Page(); }
        await using var flux = fichier.OpenReadStream();
        Rapport = await GererBeneficiaires.ImporterCsvAsync(Db, Structures, structure, flux, User, Horloge, ct);
        return Page();
    }
}
