using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>The learner's situation at entry as typed by the school; QPV residence, under-26 and women are derived
/// (from the address's QPV code, the birth date at <see cref="Le"/> and the gender). Codes: <see cref="Vocabulaire"/>.</summary>
public sealed record SituationSaisie
{
    /// <summary>Date of the snapshot (default: the admission day).</summary>
    public DateOnly? Le { get; init; }
    public bool DemandeurEmploi { get; init; }
    public DateOnly? DemandeurEmploiDepuis { get; init; }
    public string NiveauQualification { get; init; } = "infra_bac";
    public bool Neet { get; init; }
    public bool Rqth { get; init; }
    public List<string> Allocations { get; init; } = [];
    public List<string> Freins { get; init; } = [];
}

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/decision</c>: admit (a referent and the entry situation are required) or
/// refuse (a reason is required: it is told to the candidate).</summary>
public sealed record DecisionSaisie
{
    public bool Admettre { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Motif { get; init; }
    public int? ReferentId { get; init; }
    public SituationSaisie? Situation { get; init; }
}

public static class Decider
{
    static Dictionary<string, string[]> Verifier(SituationSaisie? s)
    {
        var e = new Dictionary<string, string[]>();
        if (s is null) { e["Situation"] = ["Indiquez la situation de la personne à l'entrée."]; return e; }
        if (!Vocabulaire.Existe(Vocabulaire.Niveaux, s.NiveauQualification)) e["Situation.NiveauQualification"] = [$"Choisissez un niveau dans la liste : {Vocabulaire.Choix(Vocabulaire.Niveaux)}."];
        if (s.Allocations.Any(a => !Vocabulaire.Existe(Vocabulaire.Allocations, a))) e["Situation.Allocations"] = [$"Cochez des allocations de la liste : {Vocabulaire.Choix(Vocabulaire.Allocations)}."];
        if (s.Freins.Any(a => !Vocabulaire.Existe(Vocabulaire.Freins, a))) e["Situation.Freins"] = [$"Cochez des freins de la liste : {Vocabulaire.Choix(Vocabulaire.Freins)}."];
        if (!s.DemandeurEmploi && s.DemandeurEmploiDepuis is not null) e["Situation.DemandeurEmploiDepuis"] = ["Une date d'inscription n'a de sens que pour un demandeur d'emploi."];
        return e;
    }

    /// <summary>The derived snapshot (QPV, under 26 at the snapshot's date, woman).</summary>
    public static SituationEntree Instantane(Apprenant a, SituationSaisie s, DateOnly le) => new()
    {
        Le = le, DemandeurEmploi = s.DemandeurEmploi, DemandeurEmploiDepuis = s.DemandeurEmploiDepuis, ResidentQpv = a.CodeQpv is not null,
        NiveauQualification = s.NiveauQualification, MoinsDe26 = a.DateNaissance is { } n && n.AddYears(26) > le, Femme = a.Genre == "femme",
        Neet = s.Neet, Rqth = s.Rqth, Allocations = string.Join('|', s.Allocations.Distinct()), Freins = string.Join('|', s.Freins.Distinct()),
    };

    /// <exception cref="ValidationException">Missing reason, referent or situation (400).</exception>
    /// <exception cref="RegleMetierException">Already decided (409).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int inscriptionId, int structureId, DecisionSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var i = await db.Set<Inscription>().Include(x => x.Apprenant).FirstOrDefaultAsync(x => x.Id == inscriptionId, ct) ?? throw new KeyNotFoundException("Parcours inconnu.");
        if (i.Statut != Vocabulaire.Candidat) throw new RegleMetierException("Cette candidature a déjà reçu une décision.", "Admettre");
        var e = Valider.Objet(s) ?? [];
        if (!s.Admettre && string.IsNullOrWhiteSpace(s.Motif)) e["Motif"] = ["Indiquez le motif : il est communiqué à la personne."];
        if (s.Admettre)
        {
            if (s.ReferentId is null) e["ReferentId"] = ["Pas d'admission sans référent : choisissez-le."];
            foreach (var x in Verifier(s.Situation)) e[x.Key] = x.Value;
        }
        if (e.Count > 0) throw Valider.Invalide(e, "Décision incomplète");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        i.DecisionLe = maintenant;
        i.MotifDecision = string.IsNullOrWhiteSpace(s.Motif) ? null : s.Motif.Trim();
        if (!s.Admettre)
        {
            i.Statut = Vocabulaire.Refuse;
            await db.SaveChangesAsync(ct);
            return;
        }
        await ChangerReferent.VerifierAsync(db, structureId, s.ReferentId!.Value, horloge, ct);
        var aujourdHui = Territoire.AujourdHui(horloge);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        i.Statut = Vocabulaire.Admis;
        i.AdmissionLe = aujourdHui;
        i.ReferentId = s.ReferentId;
        i.Situations.Add(Instantane(i.Apprenant!, s.Situation!, s.Situation!.Le ?? aujourdHui));
        i.Equipe.Add(new MembreEquipe { MediateurId = s.ReferentId.Value, Role = Vocabulaire.Referent, Debut = maintenant });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
