using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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
    /// <exception cref="ValidationException">Unknown medium, nothing written, a due date without a step (400).</exception>
    public static async Task<EntreeJournal> ExecuterAsync(AppDbContext db, int inscriptionId, JournalSaisie s, ClaimsPrincipal auteur, TimeProvider horloge, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        if (!Vocabulaire.Existe(Vocabulaire.Supports, s.Support)) e["Support"] = [$"Support inconnu : choisissez parmi {Vocabulaire.Codes(Vocabulaire.Supports)}."];
        if (string.IsNullOrWhiteSpace(s.Synthese) && string.IsNullOrWhiteSpace(s.NotePrivee) && string.IsNullOrWhiteSpace(s.ProchaineEtape))
            e["Synthese"] = ["Écrivez une synthèse, une note privée ou une prochaine étape."];
        if (s.ProchaineEtapeLe is not null && string.IsNullOrWhiteSpace(s.ProchaineEtape)) e["ProchaineEtape"] = ["Décrivez la prochaine étape de cette échéance."];
        if (e.Count > 0) throw Valider.Invalide(e, "Entrée de suivi incomplète");
        static string? Net(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        var entree = new EntreeJournal
        {
            InscriptionId = inscriptionId, Le = s.Le!.Value, AuteurId = AccesParcours.UtilisateurId(auteur) ?? "", Auteur = auteur.Identity?.Name ?? "",
            Support = s.Support, Synthese = Net(s.Synthese), NotePrivee = Net(s.NotePrivee), ProchaineEtape = Net(s.ProchaineEtape), ProchaineEtapeLe = s.ProchaineEtapeLe,
            CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(entree);
        await db.SaveChangesAsync(ct);
        return entree;
    }
}
