using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Rapports;

/// <summary><c>/admin/financement/rapports/{id}</c>: a funder report (CERFA 15059 layout). The beneficiary's managers fill and submit it;
/// administrators accept it or send it back with a comment; the grant's funder reads it (aggregates, no names). Others: 404.
/// Attached files (<see cref="PiecesRapports"/>): listed, downloaded by whoever sees the report, attached by whoever may write it.
/// A request up to <see cref="TailleRequete"/> reaches the page so that a file just over <see cref="PieceRapport.TailleMax"/> gets its
/// French reason next to the field (400); a larger one gets the shared 413 page.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
[RequestSizeLimit(TailleRequete)]
[RequestFormLimits(MultipartBodyLengthLimit = TailleRequete)]
public sealed class FicheModel(AppDbContext db, TimeProvider horloge, CatalogueIndicateurs catalogue) : PageModel
{
    public RapportVu Vu { get; private set; } = null!;
    /// <summary>Largest request the page reads: the largest file and its form around it.</summary>
    public const long TailleRequete = PieceRapport.TailleMax + 1024 * 1024;
    public List<JournalFinancement> Historique { get; private set; } = [];
    /// <summary>The report's attached files (<see cref="PiecesRapports"/>).</summary>
    public List<PieceDto> Pieces { get; private set; } = [];
    /// <summary>The file posted by the « Joindre » form (multipart), at most <see cref="PieceRapport.TailleMax"/> bytes.</summary>
    [BindProperty] public IFormFile? Fichier { get; set; }

    /// <summary>What a journal line of a report did, in plain French (the stored field names « saisie », « statut »… are codes).</summary>
    public static string Quoi(string champ) => champ switch
    {
        "création" => "Compte rendu ouvert",
        "saisie" => "Compte rendu modifié",
        "statut" => "Changement d'état",
        _ => champ.Length > 0 ? char.ToUpperInvariant(champ[0]) + champ[1..] : champ,
    };
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public DateOnly AujourdHui { get; private set; }

    [BindProperty] public string? BilanQualitatif { get; set; }
    [BindProperty] public string? Annexe { get; set; }
    [BindProperty] public Dictionary<string, string?> Prevu { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Realise { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Explication { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Declare { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> CommentaireIndicateur { get; set; } = [];
    [BindProperty] public string? Commentaire { get; set; }

    /// <summary>The summary's link target of each error key.</summary>
    public static string IdDe(string cle) => cle switch
    {
        "bilan" => "bilan", "annexe" => "annexe", "commentaire" => "commentaire", "budget" => "budget", "fichier" => "fichier",
        _ when cle.StartsWith("ligne-") => "realise-" + cle[6..],
        _ when cle.StartsWith("declare-") => cle,
        _ => "rapport",
    };

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return false;
        Vu = vu;
        AujourdHui = Territoire.AujourdHui(horloge);
        Pieces = await PiecesRapports.ListerAsync(db, vu, ct);
        if (vu.VoitPersonnes)
            Historique = await db.Set<JournalFinancement>().AsNoTracking().Where(j => j.Objet == GestionRapports.Objet && j.ObjetId == id).OrderByDescending(j => j.Id).Take(100).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    SaisieRapport? Lire()
    {
        var lignes = new List<SaisieLigne>();
        foreach (var l in PlanComptable.Lignes)
        {
            var okP = Euros.Lire(Prevu.GetValueOrDefault(l.Compte), out var p);
            var okR = Euros.Lire(Realise.GetValueOrDefault(l.Compte), out var r);
            if (!okP || !okR || p < 0 || r < 0) { Erreurs["ligne-" + l.Compte] = [$"{l.Libelle} : un montant en euros, par exemple 2 500 ou 2 500,50."]; continue; }
            lignes.Add(new SaisieLigne(l.Compte, p ?? 0, r ?? 0, Explication.GetValueOrDefault(l.Compte)));
        }
        const double ValeurMax = 1e12;
        var declares = new Dictionary<int, decimal?>();
        foreach (var (rang, texte) in Declare)
        {
            // Stored as numeric(14,1): at most 12 digits before the comma, checked before the conversion to decimal.
            if (!Nombres.Lire(texte, out double? v) || v < 0 || v >= ValeurMax)
            {
                Erreurs["declare-" + rang] = ["La valeur atteinte est un nombre positif, inférieur à 1 000 milliards (par exemple 120 ou 45,5)."];
                continue;
            }
            declares[rang] = v is null ? null : Math.Round((decimal)v.Value, 1);
        }
        if (Erreurs.Count > 0) return null;
        var s = new SaisieRapport(BilanQualitatif, Annexe, lignes, declares, CommentaireIndicateur);
        Erreurs = GestionRapports.Verifier(s);
        return Erreurs.Count == 0 ? s : null;
    }

    async Task<IActionResult?> EnregistrerAsync(int id, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        if (!vu.PeutEcrire) return Forbid();
        var s = Lire();
        if (s is null) return null;
        try { await DeciderRapports.EnregistrerAsync(db, id, s, catalogue, User.Identity?.Name ?? "inconnu", horloge, ct); }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? "rapport"] = [e.Message]; return null; }
        return Redirect("ok");
    }

    public async Task<IActionResult> OnPostEnregistrerAsync(int id, CancellationToken ct)
    {
        var r = await EnregistrerAsync(id, ct);
        if (r is RedirectResult) { TempData["Message"] = "Compte rendu enregistré."; return RedirectToPage(new { id }); }
        return r ?? (await ChargerAsync(id, ct) ? Page() : NotFound());
    }

    public async Task<IActionResult> OnPostSoumettreAsync(int id, CancellationToken ct)
    {
        var r = await EnregistrerAsync(id, ct);
        if (r is not RedirectResult) return r ?? (await ChargerAsync(id, ct) ? Page() : NotFound());
        db.ChangeTracker.Clear();
        try
        {
            await DeciderRapports.SoumettreAsync(db, id, User.Identity?.Name ?? "inconnu", horloge, ct);
            TempData["Message"] = "Compte rendu envoyé au financeur.";
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? "rapport"] = [e.Message]; }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAccepterAsync(int id, CancellationToken ct) => await DeciderAsync(id, () => DeciderRapports.AccepterAsync(db, id, User.Identity?.Name ?? "inconnu", horloge, ct), "Compte rendu accepté.", ct);

    public async Task<IActionResult> OnPostCorrigerAsync(int id, CancellationToken ct) =>
        await DeciderAsync(id, () => DeciderRapports.DemanderCorrectionAsync(db, id, Commentaire, User.Identity?.Name ?? "inconnu", horloge, ct), "Compte rendu renvoyé à l'association pour correction.", ct);

    async Task<IActionResult> DeciderAsync(int id, Func<Task<bool>> action, string message, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        if (!vu.EstAdmin) return Forbid();
        try
        {
            await action();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? "rapport"] = [e.Message]; }
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Download of an attached file (<c>?handler=Piece&amp;piece=N</c>): whoever sees the report; 404 otherwise.</summary>
    public async Task<IActionResult> OnGetPieceAsync(int id, int piece, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null || await PiecesRapports.LireAsync(db, vu, piece, ct) is not { } f) return NotFound();
        return File(f.Contenu, f.Type, f.Nom);
    }

    /// <summary>Attaches the posted file; a refused file answers 400 with the page and the reason next to the field, nothing stored.</summary>
    public async Task<IActionResult> OnPostJoindreAsync(int id, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        if (!vu.PeutEcrire) return Forbid();
        try
        {
            if (PiecesRapports.VerifierAvantLecture(Fichier?.FileName, Fichier?.Length ?? 0) is { } erreur) throw new RegleMetierException(erreur, "fichier");
            using var memoire = new MemoryStream((int)Fichier!.Length);
            await using (var flux = Fichier.OpenReadStream()) await flux.CopyToAsync(memoire, ct);
            var p = await PiecesRapports.JoindreAsync(db, vu, Fichier.FileName, memoire.ToArray(), User.Identity?.Name ?? "inconnu", horloge, ct);
            TempData["Message"] = $"Pièce jointe ajoutée : {p.Nom}.";
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs["fichier"] = [e.Message]; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ChargerAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Removes an attached file (those who may write the report).</summary>
    public async Task<IActionResult> OnPostRetirerPieceAsync(int id, int piece, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        if (!vu.PeutEcrire) return Forbid();
        if (!await PiecesRapports.RetirerAsync(db, vu, piece, User.Identity?.Name ?? "inconnu", horloge, ct)) return NotFound();
        TempData["Message"] = "Pièce jointe retirée.";
        return RedirectToPage(new { id });
    }
}
