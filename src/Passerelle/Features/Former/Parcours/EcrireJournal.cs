using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/journal</c>: a follow-up entry. <see cref="Synthese"/> is shared with the team and
/// the learner; <see cref="NotePrivee"/> is readable by its author only; a next step may carry a due date.</summary>
public sealed record JournalSaisie
{
    [Required(ErrorMessage = "Indiquez la date de l'échange.")] public DateOnly? Le { get; init; }
    public string Support { get; init; } = "entretien";
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")] public string? Synthese { get; init; }
    [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")] public string? NotePrivee { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? ProchaineEtape { get; init; }
    public DateOnly? ProchaineEtapeLe { get; init; }
}

public static class EcrireJournal
{
    /// <summary>Months after the learner's last day during which the journal stays open: the +6-month follow-up and one month to reach
    /// the person for its measure (decision 0021).</summary>
    public const int MoisSuiviApresSortie = 7;

    /// <summary>The last day an entry may be written or dated, or null while the course runs.</summary>
    public static DateOnly? FinSuivi(DateOnly? sortieLe) => sortieLe?.AddMonths(MoisSuiviApresSortie);

    /// <summary>Rule (decision 0021): an entry is dated between the application day and today; the journal is open from the application
    /// to <see cref="FinSuivi"/>, closed for a refused application and for an anonymised learner. A next step's due date falls on the
    /// exchange's day or later (and so never before the application).</summary>
    /// <exception cref="ValidationException">Unknown medium, nothing written, a due date without a step or before the exchange, a date outside
    /// the pathway (400, every field at once).</exception>
    /// <exception cref="RegleMetierException">The journal is closed (409).</exception>
    public static async Task<EntreeJournal> ExecuterAsync(AppDbContext db, int inscriptionId, JournalSaisie s, ClaimsPrincipal auteur, TimeProvider horloge, CancellationToken ct)
    {
        var p = await db.Set<Inscription>().Where(i => i.Id == inscriptionId).Select(i => new { i.Statut, i.CandidatureLe, i.SortieLe, i.Apprenant!.AnonymiseLe })
            .FirstOrDefaultAsync(ct) ?? throw new KeyNotFoundException("Parcours inconnu.");
        var aujourdHui = Territoire.AujourdHui(horloge);
        if (p.Statut == Vocabulaire.Refuse) throw new RegleMetierException("Cette candidature n'a pas été retenue : il n'y a pas de suivi à écrire.", "Le");
        if (p.AnonymiseLe is not null) throw new RegleMetierException("Ce parcours est anonymisé : son journal est fermé.", "Le");
        if (FinSuivi(p.SortieLe) is { } fin && fin < aujourdHui)
            throw new RegleMetierException($"Le suivi de ce parcours est clos depuis le {fin:dd/MM/yyyy} (sortie + {MoisSuiviApresSortie} mois) : le journal ne prend plus d'entrée.", "Le");
        var e = Valider.Objet(s) ?? [];
        if (!Vocabulaire.Existe(Vocabulaire.Supports, s.Support)) e["Support"] = [$"Choisissez un support dans la liste : {Vocabulaire.Choix(Vocabulaire.Supports)}."];
        var candidature = DateOnly.FromDateTime(Territoire.HeureLocale(p.CandidatureLe));
        if (s.Le is { } le && (le < candidature || le > aujourdHui)) e["Le"] = [$"La date de l'échange tombe entre la candidature ({candidature:dd/MM/yyyy}) et aujourd'hui."];
        if (string.IsNullOrWhiteSpace(s.Synthese) && string.IsNullOrWhiteSpace(s.NotePrivee) && string.IsNullOrWhiteSpace(s.ProchaineEtape))
            e["Synthese"] = ["Écrivez une synthèse, une note privée ou une prochaine étape."];
        if (s.ProchaineEtapeLe is not null && string.IsNullOrWhiteSpace(s.ProchaineEtape)) e["ProchaineEtape"] = ["Décrivez la prochaine étape de cette échéance."];
        var plancher = s.Le is { } l && l > candidature ? l : candidature;
        if (s.ProchaineEtapeLe < plancher)
            e["ProchaineEtapeLe"] = [$"L'échéance de la prochaine étape tombe le jour de l'échange ou après ({plancher:dd/MM/yyyy}), jamais avant la candidature."];
        if (e.Count > 0) throw Valider.Invalide(e, "Entrée de suivi incomplète");
        static string? Net(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        var entree = new EntreeJournal
        {
            InscriptionId = inscriptionId, Le = s.Le!.Value, AuteurId = AccesParcours.UtilisateurId(auteur) ?? "", Auteur = auteur.Identity?.Name ?? "",
            Support = s.Support, Synthese = Net(s.Synthese), NotePrivee = Net(s.NotePrivee), ProchaineEtape = Net(s.ProchaineEtape), ProchaineEtapeLe = s.ProchaineEtapeLe,
            CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(entree);
        if (entree is { ProchaineEtape: { } etape, ProchaineEtapeLe: { } echeance }) RappelsParcours.ProgrammerEtape(db, inscriptionId, entree.Auteur, etape, echeance, horloge);
        await db.SaveChangesAsync(ct);
        return entree;
    }
}
