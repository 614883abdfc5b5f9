using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/sortie</c>: the course ends for this learner — completed (<c>termine</c>) or
/// dropped out (<c>abandon</c>, reason required) — on its last day <see cref="Le"/>; the +3/+6-month measures count from it.</summary>
public sealed record SortieSaisie
{
    public string Statut { get; init; } = Vocabulaire.Termine;
    [Required(ErrorMessage = "Indiquez le dernier jour du parcours.")] public DateOnly? Le { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Motif { get; init; }
}

public static class Sortir
{
    /// <exception cref="ValidationException">Unknown status, missing date or reason, a last day before the admission or after today (Paris):
    /// every field at once (400).</exception>
    /// <exception cref="RegleMetierException">Not admitted, or already out (409).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int inscriptionId, SortieSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var i = await db.Set<Inscription>().FirstOrDefaultAsync(x => x.Id == inscriptionId, ct) ?? throw new KeyNotFoundException("Parcours inconnu.");
        var e = Valider.Objet(s) ?? [];
        if (s.Statut is not (Vocabulaire.Termine or Vocabulaire.Abandon)) e["Statut"] = ["Statut de sortie : termine ou abandon."];
        if (s.Statut == Vocabulaire.Abandon && string.IsNullOrWhiteSpace(s.Motif)) e["Motif"] = ["Indiquez le motif de l'abandon."];
        if (i.AdmissionLe is { } a && s.Le < a) e["Le"] = ["La sortie précède l'admission."];
        else if (s.Le > Territoire.AujourdHui(horloge)) e["Le"] = ["La date de sortie ne peut pas dépasser aujourd'hui."];
        if (e.Count > 0) throw Valider.Invalide(e, "Sortie incomplète");
        if (i.Statut is not (Vocabulaire.Admis or Vocabulaire.EnFormation)) throw new RegleMetierException("Seul un parcours en cours peut se terminer.", "Statut");
        i.Statut = s.Statut;
        i.SortieLe = s.Le;
        i.MotifSortie = string.IsNullOrWhiteSpace(s.Motif) ? null : s.Motif.Trim();
        await db.SaveChangesAsync(ct);
    }
}

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/equipe</c>: another member of the support team (CIP, social worker, tutor…), a mediator of the school,
/// from <see cref="Debut"/> (a calendar day in Paris; default today).</summary>
public sealed record MembreSaisie(int MediateurId, string Role, DateOnly? Debut = null);

public static class AjouterMembre
{
    /// <summary>Rule (decision 0021): a member joins between the application day and the learner's last day (or the cohort's end while the
    /// course runs); the follow-up after exit is carried by the team already there.</summary>
    /// <exception cref="ValidationException">Unknown role, the referent role (changed with its own route), not a mediator of the school, or a start
    /// outside the pathway (400).</exception>
    /// <exception cref="RegleMetierException">Application not retained (409).</exception>
    public static async Task<MembreEquipe> ExecuterAsync(AppDbContext db, int inscriptionId, int structureId, MembreSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        if (!Vocabulaire.Existe(Vocabulaire.RolesEquipe, s.Role) || s.Role == Vocabulaire.Referent)
            throw Valider.Invalide(new() { ["Role"] = ["Choisissez un rôle dans la liste (le ou la référent·e se change à part)."] }, "Membre invalide");
        await ChangerReferent.VerifierAsync(db, structureId, s.MediateurId, horloge, ct);
        var i = await db.Set<Inscription>().Where(x => x.Id == inscriptionId).Select(x => new { x.Statut, x.CandidatureLe, x.SortieLe, x.Cohorte!.Fin })
            .FirstOrDefaultAsync(ct) ?? throw new KeyNotFoundException("Parcours inconnu.");
        if (i.Statut == Vocabulaire.Refuse) throw new RegleMetierException("Cette candidature n'a pas été retenue : pas d'équipe d'accompagnement.", "MediateurId");
        var aujourdHui = Territoire.AujourdHui(horloge);
        var debut = s.Debut ?? aujourdHui;
        var limite = i.SortieLe ?? (i.Fin > aujourdHui ? i.Fin : aujourdHui);
        if (debut < DateOnly.FromDateTime(i.CandidatureLe) || debut > limite)
            throw Valider.Invalide(new() { ["Debut"] = [$"Le début doit tomber entre la candidature ({DateOnly.FromDateTime(i.CandidatureLe):dd/MM/yyyy}) et le {limite:dd/MM/yyyy}"
                + (i.SortieLe is null ? " (fin de la session)." : " (dernier jour du parcours).")] }, "Membre invalide");
        var m = new MembreEquipe { InscriptionId = inscriptionId, MediateurId = s.MediateurId, Role = s.Role, Debut = CloreMembre.Instant(debut, aujourdHui, horloge) };
        db.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }
}
