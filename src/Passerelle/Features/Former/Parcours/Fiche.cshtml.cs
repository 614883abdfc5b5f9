using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>/parcours/inscriptions/{id}</c>: a learner's pathway for the school's staff and the support team (<see cref="LireInscription"/>:
/// access checked, opening logged, others' private notes never loaded). The school's managers decide, admit and change the referent.</summary>
[Authorize(Policy = Roles.PolitiqueEquipe)]
public sealed partial class FicheModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public FicheParcoursDto Fiche { get; private set; } = null!;
    public bool Gestion { get; private set; }
    public List<Option> Mediateurs { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    /// <summary>Which form failed (its errors are shown next to its own fields only).</summary>
    public string? FormulaireEnErreur { get; private set; }

    [BindProperty] public bool Admettre { get; set; } = true;
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public int? ReferentId { get; set; }
    [BindProperty] public string? NiveauQualification { get; set; } = "infra_bac";
    [BindProperty] public bool DemandeurEmploi { get; set; }
    [BindProperty] public bool Neet { get; set; }
    [BindProperty] public bool Rqth { get; set; }
    [BindProperty] public List<string> Allocations { get; set; } = [];
    [BindProperty] public List<string> Freins { get; set; } = [];
    [BindProperty] public string? StatutSortie { get; set; } = Vocabulaire.Termine;
    [BindProperty] public DateOnly? Le { get; set; }
    [BindProperty] public string? Moment { get; set; } = "sortie";
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Source { get; set; } = "declaratif";
    [BindProperty] public string? Organisme { get; set; }
    [BindProperty] public string? Support { get; set; } = "entretien";
    [BindProperty] public string? Synthese { get; set; }
    [BindProperty] public string? NotePrivee { get; set; }
    [BindProperty] public string? ProchaineEtape { get; set; }
    [BindProperty] public DateOnly? ProchaineEtapeLe { get; set; }
    [BindProperty] public int? MediateurId { get; set; }
    [BindProperty] public string? Role { get; set; } = "cip";
    [BindProperty] public DateOnly? Debut { get; set; }
    [BindProperty] public int? MembreId { get; set; }

    async Task ChargerAsync(int id, CancellationToken ct)
    {
        Fiche = await LireInscription.ExecuterAsync(db, id, User, horloge, ct);
        Gestion = (await AccesParcours.GereesAsync(db, User, ct)).Contains(Fiche.StructureId);
        if (Gestion)
        {
            var aujourdHui = Territoire.AujourdHui(horloge);
            Mediateurs = await db.Mediateurs.AsNoTracking().Where(m => !m.Archive && m.Emplois.Any(e => e.StructureId == Fiche.StructureId && e.Debut <= aujourdHui && (e.Fin == null || e.Fin >= aujourdHui)))
                .OrderBy(m => m.Nom).Select(m => new Option(m.Id.ToString(), m.Prenom + " " + m.Nom)).ToListAsync(ct);
        }
        Le ??= Territoire.AujourdHui(horloge);
        Plan = await GererPlan.LireAsync(db, id, ct);
        TypesResultat = Vocabulaire.TypesResultatDe(await db.Set<Inscription>().Where(i => i.Id == id).Select(i => i.Cohorte!.Programme!.Nature).FirstAsync(ct));
        JournalOuvert = Fiche.Statut != Vocabulaire.Refuse && !Fiche.Apprenant.Anonymise && !(EcrireJournal.FinSuivi(Fiche.SortieLe) < Territoire.AujourdHui(horloge));
    }

    /// <summary>The outcome list of the programme's nature (the school's or the helpers', <see cref="Vocabulaire.TypesResultatDe"/>).</summary>
    public IReadOnlyList<(string Code, string Libelle)> TypesResultat { get; private set; } = Vocabulaire.TypesResultat;

    /// <summary>The journal takes entries (rule of <see cref="EcrireJournal"/>): not for a refused application, an anonymised learner, or past the follow-up.</summary>
    public bool JournalOuvert { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        return Page();
    }

    async Task<IActionResult> AgirAsync(int id, string formulaire, Func<Task> action, CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary();
        if (Erreurs.Count == 0)
        {
            try { await action(); return Redirect($"/parcours/inscriptions/{id}#{formulaire}"); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
        }
        FormulaireEnErreur = formulaire;
        await ChargerAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct) => AgirAsync(id, "decision", async () =>
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, User, id, ct);
        await Decider.ExecuterAsync(db, id, structure, new DecisionSaisie
        {
            Admettre = Admettre, Motif = Motif, ReferentId = ReferentId,
            Situation = new SituationSaisie { NiveauQualification = NiveauQualification ?? "", DemandeurEmploi = DemandeurEmploi, Neet = Neet, Rqth = Rqth, Allocations = Allocations, Freins = Freins },
        }, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostReferentAsync(int id, CancellationToken ct) => AgirAsync(id, "referent", async () =>
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, User, id, ct);
        await ChangerReferent.ExecuterAsync(db, id, structure, new ReferentSaisie { ReferentId = ReferentId ?? 0, Motif = Motif }, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostSortieAsync(int id, CancellationToken ct) => AgirAsync(id, "sortie", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await Sortir.ExecuterAsync(db, id, new SortieSaisie { Statut = StatutSortie ?? "", Le = Le, Motif = Motif }, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostResultatAsync(int id, CancellationToken ct) => AgirAsync(id, "resultat", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await EnregistrerResultat.ExecuterAsync(db, id, new ResultatSaisie { Moment = Moment ?? "", Type = Type ?? "", Date = Le, Source = Source ?? "", Organisme = Organisme }, User.Identity?.Name ?? "", horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostJournalAsync(int id, CancellationToken ct) => AgirAsync(id, "journal", async () =>
    {
        await AccesParcours.VerifierInscriptionAsync(db, User, id, horloge, ct);
        await EcrireJournal.ExecuterAsync(db, id, new JournalSaisie { Le = Le, Support = Support ?? "", Synthese = Synthese, NotePrivee = NotePrivee, ProchaineEtape = ProchaineEtape, ProchaineEtapeLe = ProchaineEtapeLe }, User, horloge, ct);
    }, ct);

    /// <summary>Adds a support-team member with a dated role (<see cref="AjouterMembre"/>), managers of the school only.</summary>
    public Task<IActionResult> OnPostMembreAsync(int id, CancellationToken ct) => AgirAsync(id, "membre", async () =>
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, User, id, ct);
        await AjouterMembre.ExecuterAsync(db, id, structure, new MembreSaisie(MediateurId ?? 0, Role ?? "", Debut), horloge, ct);
    }, ct);

    /// <summary>Closes a member's participation with its last day and reason (<see cref="CloreMembre"/>), managers of the school only.</summary>
    public Task<IActionResult> OnPostFinMembreAsync(int id, CancellationToken ct) => AgirAsync(id, "fin-membre", async () =>
    {
        await AccesParcours.VerifierGestionInscriptionAsync(db, User, id, ct);
        if (MembreId is null) throw Valider.Invalide(new() { ["MembreId"] = ["Choisissez la participation à clore."] }, "Fin de participation incomplète");
        await CloreMembre.ExecuterAsync(db, id, MembreId.Value, new FinMembreSaisie { Le = Le, Motif = Motif }, horloge, ct);
    }, ct);

    [BindProperty] public bool Confirmation { get; set; }

    /// <summary>Erasure on the learner's request (<see cref="EffacerApprenant"/>), managers of the school only.</summary>
    public Task<IActionResult> OnPostEffacementAsync(int id, CancellationToken ct) => AgirAsync(id, "effacement", async () =>
    {
        await AccesParcours.VerifierGestionInscriptionAsync(db, User, id, ct);
        await EffacerApprenant.ExecuterAsync(db, id, new EffacementSaisie { Confirmation = Confirmation }, User, horloge, ct);
    }, ct);
}
