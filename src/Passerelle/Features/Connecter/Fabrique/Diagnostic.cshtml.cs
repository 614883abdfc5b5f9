using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary><c>/beneficiaires/{id}/diagnostic-fabrique</c>: the mediator runs the three-field interview with the person, sees the offers
/// proposed and what changed since last time, and enrols the person in a programme from there. Staff of the file's structure only.</summary>
[Authorize(Policy = Roles.PolitiqueTerrain)]
public sealed class DiagnosticModel(AppDbContext db, IOptions<EquipementOptions> options, IActionsAllerVers allerVers, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public Beneficiaire Fiche { get; private set; } = null!;
    public DiagnosticFabrique? Dernier { get; private set; }
    public Propositions? Offres { get; private set; }
    public List<string> Changements { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public string? Equipement { get; set; }
    [BindProperty] public string? Connexion { get; set; }
    [BindProperty] public Dictionary<string, int?> Competences { get; set; } = [];
    [BindProperty] public List<string> Objectifs { get; set; } = [];
    [BindProperty] public string? Eligibilite { get; set; }
    /// <summary>The outreach event the interview is made at, if any (one of <see cref="Actions"/>).</summary>
    [BindProperty] public int? Evenement { get; set; }
    /// <summary>The structure's outreach events of the last <see cref="JoursActions"/> days, to say the interview was made at one.</summary>
    public IReadOnlyList<ActionAllerVers> Actions { get; private set; } = [];
    /// <summary>The event the last diagnostic was made at.</summary>
    public ActionAllerVers? ActionDuDernier { get; private set; }
    const int JoursActions = 30;
    // Enrolment form under a proposed programme.
    [BindProperty] public int? Programme { get; set; }
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public string? Justificatif { get; set; }
    [BindProperty] public DateOnly? DateJustificatif { get; set; }

    async Task<IActionResult> AfficherAsync(CancellationToken ct)
    {
        var structures = await AccesBeneficiaires.StructuresAsync(db, User, horloge, ct);
        try { Fiche = await Fiches.ChargerAsync(db, structures, Id, ct); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (AccesRefuseException) { return Forbid(); }
        var deux = await db.Set<DiagnosticFabrique>().AsNoTracking().Where(d => d.BeneficiaireId == Id).OrderByDescending(d => d.Le).ThenByDescending(d => d.Id).Take(2).ToListAsync(ct);
        Dernier = deux.FirstOrDefault();
        if (Dernier is not null)
        {
            Offres = await ChercherPropositions.CalculerAsync(db, Fiche, new Manques(Dernier.ManqueEquipement, Dernier.ManqueConnexion, Dernier.ManqueCompetences), Eligibilite, horloge, ct);
            Changements = DiagnostiquerFabrique.Changements(deux.ElementAtOrDefault(1), Dernier);
            ActionDuDernier = await allerVers.DuDiagnosticAsync(Dernier.Id, ct);
        }
        Actions = await allerVers.RecentesAsync(Fiche.StructureId, Territoire.AujourdHui(horloge).AddDays(-JoursActions), ct);
        Message ??= TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => AfficherAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var competences = Competences.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value);
        if (Evenement is { } ev)
        {
            var structure = await db.Beneficiaires.Where(b => b.Id == Id).Select(b => (int?)b.StructureId).FirstOrDefaultAsync(ct);
            if (structure is null || (await allerVers.RecentesAsync(structure.Value, Territoire.AujourdHui(horloge).AddDays(-JoursActions), ct)).All(a => a.Id != ev))
                Erreurs["evenement"] = ["Choisissez une action d'aller vers de la liste, ou « Non »."];
        }
        try
        {
            if (Erreurs.Count > 0) return await AfficherAsync(ct);
            var r = await DiagnostiquerFabrique.ExecuterAsync(db, Id, new DiagnosticFabriqueSaisie(Equipement, Connexion, competences.Count > 0 ? competences : null, [.. Objectifs],
                string.IsNullOrEmpty(Eligibilite) ? null : Eligibilite), User, horloge, ct);
            if (Evenement is { } e) await allerVers.LierAsync(e, r.Id, User, ct);
            TempData["Message"] = Evenement is null ? "Diagnostic enregistré : voici ce que Passerelle propose."
                : "Diagnostic enregistré et relié à l'action d'aller vers : voici ce que Passerelle propose.";
            return Redirect($"/beneficiaires/{Id}/diagnostic-fabrique#propositions");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        catch (AccesRefuseException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(ct);
    }

    public async Task<IActionResult> OnPostAdhererAsync(CancellationToken ct)
    {
        try
        {
            var a = await Adherer.ExecuterAsync(db, new AdhesionSaisie(Programme, Id, new EligibiliteSaisie(Motif, Justificatif, DateJustificatif)), options, User, horloge, ct);
            TempData["Message"] = "Adhésion enregistrée.";
            return Redirect($"/admin/connexion/adhesions/{a.Id}");
        }
        catch (ValidationException e) { Erreurs = Valider.Erreurs(e).ToDictionary(x => "adhesion." + x.Key, x => x.Value); }
        catch (RegleMetierException e) { Erreurs["adhesion." + (e.Champ ?? "")] = [e.Message]; }
        catch (AccesRefuseException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        return await AfficherAsync(ct);
    }
}
