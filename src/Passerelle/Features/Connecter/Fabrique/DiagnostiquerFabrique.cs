using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary><c>POST /api/v1/beneficiaires/{id}/diagnostics-fabrique</c>: <c>equipement</c> and <c>connexion</c> codes
/// (<see cref="ReponsesFabrique"/>), <c>competences</c> the short form's three answers 0–2 by question code (omitted: the last full
/// competence diagnostic is used), <c>objectifs</c> codes, and optionally the <c>eligibilite</c> route the person says they qualify by.</summary>
public sealed record DiagnosticFabriqueSaisie(string? Equipement, string? Connexion, Dictionary<string, int>? Competences = null, string[]? Objectifs = null, string? Eligibilite = null);
public sealed record Manques(bool Equipement, bool Connexion, bool Competences);
/// <summary>The diagnostic recorded, what the person lacks, the offers proposed and what changed since the previous run.</summary>
public sealed record ResultatFabrique(int Id, DateTime Le, int Beneficiaire, string Equipement, string Connexion, int ScoreCompetences, IReadOnlyList<string> Objectifs,
    Manques Manques, Propositions Propositions, IReadOnlyList<string> Changements);

/// <summary>Runs the three-field diagnostic for a followed person of the account's structure and records the offers it proposes.</summary>
public static class DiagnostiquerFabrique
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Unknown answer codes (400).</exception>
    /// <exception cref="RegleMetierException">Anonymous file, or no skills answer and no earlier competence diagnostic (409).</exception>
    public static async Task<ResultatFabrique> ExecuterAsync(AppDbContext db, int beneficiaireId, DiagnosticFabriqueSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (ReponsesFabrique.Equipements.All(x => x.Code != s.Equipement)) e["equipement"] = [$"Équipement attendu : {string.Join(", ", ReponsesFabrique.Equipements.Select(x => x.Code))}."];
        if (ReponsesFabrique.Connexions.All(x => x.Code != s.Connexion)) e["connexion"] = [$"Connexion attendue : {string.Join(", ", ReponsesFabrique.Connexions.Select(x => x.Code))}."];
        var reponses = s.Competences ?? [];
        if (reponses.Count > 0 && (reponses.Count != 3 || ReponsesFabrique.Questions.Any(q => !reponses.TryGetValue(q.Code, out var v) || v is < 0 or > 2)))
            e["competences"] = [$"Répondez aux trois questions ({string.Join(", ", ReponsesFabrique.Questions.Select(q => q.Code))}) par 0 (non), 1 (avec de l'aide) ou 2 (seul)."];
        var objectifs = (s.Objectifs ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct().ToList();
        if (objectifs.Any(o => ReponsesFabrique.Objectifs.All(x => x.Code != o))) e["objectifs"] = [$"Objectifs attendus : {string.Join(", ", ReponsesFabrique.Objectifs.Select(x => x.Code))}."];
        if (s.Eligibilite is { Length: > 0 } el && !Programmes.EligibiliteConnexion.Existe(el)) e["eligibilite"] = ["Motif d'éligibilité inconnu."];
        if (e.Count > 0) throw Valider.Invalide(e, "Diagnostic invalide");

        var structures = await AccesBeneficiaires.StructuresAsync(db, qui, horloge, ct);
        var fiche = await Fiches.ChargerAsync(db, structures, beneficiaireId, ct);
        if (!fiche.Suivi || fiche.AnonymiseLe is not null) throw new RegleMetierException("Le diagnostic se fait pour une personne suivie (fiche nominative).");
        int score;
        if (reponses.Count > 0) score = reponses.Values.Sum();
        else
        {
            // The last full diagnostic: its average level 0–3 on the framework, brought to the short form's 0–6.
            var moyenne = await db.NiveauxCompetences.Where(n => db.Diagnostics.Where(d => d.BeneficiaireId == fiche.Id).OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
                .Select(d => d.Id).Take(1).Contains(n.DiagnosticId)).AverageAsync(n => (double?)n.Niveau, ct)
                ?? throw new RegleMetierException("Répondez aux trois questions sur les compétences : la personne n'a pas encore de diagnostic de compétences.", "competences");
            score = (int)Math.Round(moyenne * 2);
        }
        var precedent = await db.Set<DiagnosticFabrique>().AsNoTracking().Where(d => d.BeneficiaireId == fiche.Id).OrderByDescending(d => d.Le).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        var manques = new Manques(ReponsesFabrique.ManqueEquipement(s.Equipement!), ReponsesFabrique.ManqueConnexion(s.Connexion!), ReponsesFabrique.ManqueCompetences(score));
        var propositions = await ChercherPropositions.CalculerAsync(db, fiche, manques, s.Eligibilite, horloge, ct);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var d = new DiagnosticFabrique
        {
            BeneficiaireId = fiche.Id, StructureId = fiche.StructureId, Le = maintenant, Equipement = s.Equipement!, Connexion = s.Connexion!, ScoreCompetences = score,
            Objectifs = string.Join(',', objectifs), ManqueEquipement = manques.Equipement, ManqueConnexion = manques.Connexion, ManqueCompetences = manques.Competences,
            Commune = fiche.Commune, CodeQpv = fiche.CodeQpv, AppareilsProposes = string.Join(',', propositions.Appareils.Select(a => a.Id)),
            ProgrammesProposes = string.Join(',', propositions.Programmes.Select(p => p.Id)), SessionsProposees = string.Join(',', propositions.Ateliers.Select(a => a.Id)),
            CreneauxProposes = string.Join(',', propositions.Creneaux.Select(c => c.Id)), Auteur = qui.Identity?.Name ?? "",
        };
        db.Add(d);
        fiche.DerniereActiviteLe = maintenant;
        AccesBeneficiaires.Journaliser(db, qui, maintenant, "Diagnostic équiper-connecter-accompagner", Journal.FicheBeneficiaire, fiche.Id,
            $"{propositions.Appareils.Count} appareil(s), {propositions.Programmes.Count} programme(s), {propositions.Ateliers.Count} atelier(s), {propositions.Creneaux.Count} créneau(x) proposés");
        await db.SaveChangesAsync(ct);
        return new ResultatFabrique(d.Id, d.Le, fiche.Id, d.Equipement, d.Connexion, score, objectifs, manques, propositions, Changements(precedent, d));
    }

    /// <summary>What changed since the previous run, in plain French (empty for a first run).</summary>
    public static List<string> Changements(DiagnosticFabrique? avant, DiagnosticFabrique apres)
    {
        if (avant is null) return [];
        var c = new List<string>();
        if (avant.Equipement != apres.Equipement)
            c.Add($"Équipement : « {ReponsesFabrique.Libelle(ReponsesFabrique.Equipements, avant.Equipement)} » → « {ReponsesFabrique.Libelle(ReponsesFabrique.Equipements, apres.Equipement)} »");
        if (avant.Connexion != apres.Connexion)
            c.Add($"Connexion : « {ReponsesFabrique.Libelle(ReponsesFabrique.Connexions, avant.Connexion)} » → « {ReponsesFabrique.Libelle(ReponsesFabrique.Connexions, apres.Connexion)} »");
        if (avant.ScoreCompetences != apres.ScoreCompetences) c.Add($"Compétences : {avant.ScoreCompetences}/6 → {apres.ScoreCompetences}/6");
        if (avant.Objectifs != apres.Objectifs) c.Add("Objectifs modifiés");
        if (c.Count == 0) c.Add($"Rien n'a changé depuis le diagnostic du {avant.Le:dd/MM/yyyy}.");
        return c;
    }
}
