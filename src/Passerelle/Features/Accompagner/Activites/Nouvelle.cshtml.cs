using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>The record form: pre-filled from an honoured appointment, a workshop session, a record to duplicate, or
/// the mediator's usual place and duration, so that a practised mediator confirms with the keyboard in seconds.</summary>
public sealed class NouvelleModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public ActiviteSaisie Saisie { get; set; } = new();
    /// <summary>The record being changed (?id=), else a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    /// <summary>HTML id of each field, by property name of <see cref="ActiviteSaisie"/>: the summary's links (others: the lower-cased name).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["LieuId"] = "lieu", ["ThemesDemarches"] = "themes-demarches", ["NomDemarche"] = "demarche", ["BeneficiaireId"] = "beneficiaire",
        ["ParticipantsAnonymes"] = "participants", ["Participants"] = "participants-nommes",
    };
    public bool SansFiche { get; private set; }
    /// <summary>Files of the mediator's structures, most recently helped first.</summary>
    public List<(int Id, string Nom)> Personnes { get; private set; } = [];
    public List<string> EtiquettesDisponibles { get; private set; } = [];
    /// <summary>The search typed to find the person (without JavaScript: a GET of this page lists the matches).</summary>
    [BindProperty(SupportsGet = true)] public string? Recherche { get; set; }
    /// <summary>What the page was opened from, kept by the person search.</summary>
    public Dictionary<string, string?> Origine { get; private set; } = [];
    HashSet<int> _structures = [];

    async Task<int?> ChargerAsync(CancellationToken ct)
    {
        var mediateur = await AutorisationsMediateurs.FicheAsync(db, User, ct);
        if (mediateur is null) { SansFiche = true; return null; }
        var siens = await db.Mediateurs.Where(m => m.Id == mediateur).SelectMany(m => m.Lieux.Select(l => new { l.Id, l.Nom })).ToListAsync(ct);
        Lieux = siens.Select(l => (l.Id, l.Nom)).ToList();
        _structures = await Beneficiaires.AccesBeneficiaires.StructuresAsync(db, User, horloge, ct);
        if (Recherche is { Length: > 100 }) Recherche = Recherche[..100];
        Personnes = string.IsNullOrWhiteSpace(Recherche)
            ? (await db.Beneficiaires.AsNoTracking().Where(b => _structures.Contains(b.StructureId)).OrderByDescending(b => b.DerniereActiviteLe).Take(300).ToListAsync(ct))
                .Select(b => (b.Id, b.NomAffiche + (b.AnneeNaissance is { } a ? $" ({a})" : ""))).OrderBy(p => p.Item2).ToList()
            // The same search as the people list and its API.
            : (await Beneficiaires.ListerFiches.ExecuterAsync(db, _structures, Recherche, 50, ct)).Select(b => (b.Id, b.Nom + (b.AnneeNaissance is { } a ? $" ({a})" : ""))).ToList();
        EtiquettesDisponibles = await db.Etiquettes.OrderBy(e => e.Nom).Select(e => e.Nom).ToListAsync(ct);
        return mediateur;
    }

    public const string EtiquetteHotline = "Solidarité Numérique", EtiquetteAllerVers = "Aller vers";

    public async Task<IActionResult> OnGetAsync(int? reservation, int? session, int? copie, int? beneficiaire, string? canal, CancellationToken ct)
    {
        // A booking's purpose and a session's figures pre-fill the form only for those whose work it is.
        if (reservation is { } r && !await Rendezvous.AutorisationsRendezvous.ReservationAsync(db, User, r, ct)) return Forbid();
        if (session is { } s && !await Ateliers.AutorisationsAteliers.SessionAsync(db, User, s, ct)) return Forbid();
        if (await ChargerAsync(ct) is not { } mediateur) return Page();
        Origine = new() { ["reservation"] = reservation?.ToString(), ["session"] = session?.ToString(), ["copie"] = copie?.ToString(), ["canal"] = canal, ["id"] = Id?.ToString() };
        Saisie = await ProposerActivite.ExecuterAsync(db, mediateur, reservation, session, copie, horloge, ct, beneficiaire, Id);
        // Presets: a call from the national Solidarité Numérique hotline is a remote accompaniment by phone; outreach ("aller vers") is "another place" with its commune.
        if (canal == "hotline")
            Saisie = Saisie with { TypeLieu = VocabulaireCoop.Distance, LieuId = null, Materiel = ["Téléphone"], Etiquettes = EtiquettesDisponibles.Where(e => e == EtiquetteHotline).ToArray() };
        else if (canal == "aller-vers")
            Saisie = Saisie with { TypeLieu = VocabulaireCoop.AutreLieu, LieuId = null, Etiquettes = EtiquettesDisponibles.Where(e => e == EtiquetteAllerVers).ToArray() };
        await AjouterPersonnesChoisiesAsync(ct);
        if (Saisie.LieuId is { } id && Lieux.All(l => l.Id != id))
            Lieux.Insert(0, (id, await db.Lieux.Where(l => l.Id == id).Select(l => l.Nom).FirstAsync(ct)));
        return Page();
    }

    /// <summary>A chosen person beyond the 300 listed stays selectable (only files of the mediator's structures).</summary>
    async Task AjouterPersonnesChoisiesAsync(CancellationToken ct)
    {
        var choisis = new[] { Saisie.BeneficiaireId }.OfType<int>().Concat(Saisie.Participants ?? []).Where(i => Personnes.All(p => p.Id != i)).ToList();
        if (choisis.Count == 0) return;
        foreach (var b in await db.Beneficiaires.AsNoTracking().Where(b => choisis.Contains(b.Id) && _structures.Contains(b.StructureId)).ToListAsync(ct)) Personnes.Insert(0, (b.Id, b.NomAffiche));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ChargerAsync(ct) is not { } mediateur) return Page();
        if (!ModelState.IsValid)
            foreach (var (cle, _) in ModelState.Where(m => m.Value!.Errors.Count > 0)) Erreurs[cle.Replace("Saisie.", "")] = ["Valeur mal écrite."];
        if (Erreurs.Count == 0)
        {
            try
            {
                var a = await EnregistrerActivite.ExecuterAsync(db, mediateur, Saisie, User, horloge, ct, Id);
                TempData["Message"] = $"Compte rendu {(Id is null ? "enregistré" : "modifié")} : {a.Type.ToLowerInvariant()} du {a.Date:dd/MM/yyyy}, {a.DureeMinutes} min.";
                // From the agenda (an appointment or a workshop session), back to that day's agenda, at the same line.
                if (a.ReservationId is { } rid) return Redirect($"/admin/agenda?date={a.Date:yyyy-MM-dd}#rdv-{rid}");
                if (a.SessionAtelierId is { } sid) return Redirect($"/admin/agenda?date={a.Date:yyyy-MM-dd}#session-{sid}");
                return Redirect("/activites");
            }
            catch (System.ComponentModel.DataAnnotations.ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (RegleMetierException e) { Erreurs[""] = [e.Message]; }
        }
        await AjouterPersonnesChoisiesAsync(ct);
        if (Saisie.LieuId is { } id && Lieux.All(l => l.Id != id) && await db.Lieux.AnyAsync(l => l.Id == id, ct))
            Lieux.Insert(0, (id, await db.Lieux.Where(l => l.Id == id).Select(l => l.Nom).FirstAsync(ct)));
        return Page();
    }
}
