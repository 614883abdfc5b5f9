using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Former.Parcours;

namespace Passerelle.Features.Former.Aidants;

/// <summary>One competency of a helper's record: the latest self-assessment and trainer's assessment (level 1–4 and day), and the trainer's
/// first level (progress = latest − first).</summary>
public sealed record NiveauCompetence(int CompetenceId, string Code, string Domaine, string Libelle, string? Description,
    int? Auto, DateOnly? AutoLe, int? Formateur, DateOnly? FormateurLe, int? FormateurPremier);

/// <summary>A helper's line of the progress page: sessions attended (present or late) out of the sheets listing them, competencies acquired
/// (trainer's latest level ≥ <see cref="ReferentielAidants.NiveauAcquis"/>) out of the active ones, average latest levels (one decimal, null
/// when none); the latest outcome recorded after the training (<see cref="Vocabulaire.TypesResultatAidants"/>: the latest moment, null when none).</summary>
public sealed record LigneAidant(int InscriptionId, string Nom, int? AssociationId, string Association, string Cohorte, int SeancesSuivies, int Seances,
    int Acquises, int Competences, decimal? MoyenneAuto, decimal? MoyenneFormateur, string? DernierMoment = null, string? DernierResultat = null);

/// <summary>An association's line: helpers in training, sessions attended per helper, share of competencies acquired (% of helpers × active
/// competencies, one decimal); <paramref name="AvecResultat"/> helpers with an outcome recorded, <paramref name="Positifs"/> those whose latest
/// outcome is positive (practising first-level help, habilitated Aidants Connect, referring correctly: <see cref="Vocabulaire.Positive"/>).</summary>
public sealed record LigneAssociation(string Association, int Aidants, decimal SeancesParAidant, decimal PartAcquises, int AvecResultat = 0, int Positifs = 0);

/// <summary>Reads helpers' progress (issue 14 §7: « progress per helper and per association »). The caller checks access
/// (<see cref="AccesAidants"/>). Only admitted helpers count (not candidates or refused applications).</summary>
public static class ProgressionAidants
{
    static readonly string[] Admis = [Vocabulaire.Admis, Vocabulaire.EnFormation, Vocabulaire.Termine, Vocabulaire.Abandon];

    /// <summary>The helper's competencies, in the framework's order (active ones, plus withdrawn ones already assessed).</summary>
    public static async Task<List<NiveauCompetence>> FicheAsync(AppDbContext db, int inscriptionId, CancellationToken ct)
    {
        var evaluations = await db.Set<EvaluationAidant>().AsNoTracking().Where(e => e.InscriptionId == inscriptionId)
            .Select(e => new { e.CompetenceId, e.Par, e.Le, e.Id, e.Niveau }).ToListAsync(ct);
        var evaluees = evaluations.Select(e => e.CompetenceId).Distinct().ToList();
        var competences = await db.Set<CompetenceAidant>().AsNoTracking().Where(c => c.Active || evaluees.Contains(c.Id)).OrderBy(c => c.Ordre).ThenBy(c => c.Code).ToListAsync(ct);
        return competences.Select(c =>
        {
            var auto = evaluations.Where(e => e.CompetenceId == c.Id && e.Par == ReferentielAidants.Auto).OrderBy(e => e.Le).ThenBy(e => e.Id).ToList();
            var form = evaluations.Where(e => e.CompetenceId == c.Id && e.Par == ReferentielAidants.Formateur).OrderBy(e => e.Le).ThenBy(e => e.Id).ToList();
            return new NiveauCompetence(c.Id, c.Code, c.Domaine, c.Libelle, c.Description, auto.LastOrDefault()?.Niveau, auto.LastOrDefault()?.Le,
                form.LastOrDefault()?.Niveau, form.LastOrDefault()?.Le, form.FirstOrDefault()?.Niveau);
        }).ToList();
    }

    /// <summary>Per helper of the given cohorts, by association then name.</summary>
    public static async Task<List<LigneAidant>> ParAidantAsync(AppDbContext db, IQueryable<Cohorte> cohortes, CancellationToken ct)
    {
        var aidants = await db.Set<Inscription>().AsNoTracking().Where(i => cohortes.Any(c => c.Id == i.CohorteId) && Admis.Contains(i.Statut))
            .Select(i => new
            {
                i.Id, i.Apprenant!.Prenom, i.Apprenant.Nom, Anonyme = i.Apprenant.AnonymiseLe != null, i.Apprenant.AssociationId,
                Association = db.Structures.Where(s => s.Id == i.Apprenant.AssociationId).Select(s => s.Nom).FirstOrDefault(), Cohorte = i.Cohorte!.Nom,
            }).ToListAsync(ct);
        var ids = aidants.Select(a => a.Id).ToList();
        var presences = await db.Set<Presence>().AsNoTracking().Where(p => ids.Contains(p.InscriptionId)).GroupBy(p => p.InscriptionId)
            .Select(g => new { g.Key, Listes = g.Count(), Suivies = g.Count(p => p.Statut == Vocabulaire.Present || p.Statut == Vocabulaire.Retard) })
            .ToDictionaryAsync(x => x.Key, ct);
        var evaluations = await db.Set<EvaluationAidant>().AsNoTracking().Where(e => ids.Contains(e.InscriptionId))
            .Select(e => new { e.InscriptionId, e.CompetenceId, e.Par, e.Le, e.Id, e.Niveau }).ToListAsync(ct);
        var actives = await db.Set<CompetenceAidant>().CountAsync(c => c.Active, ct);
        var resultats = (await db.Set<Resultat>().AsNoTracking().Where(r => ids.Contains(r.InscriptionId)).Select(r => new { r.InscriptionId, r.Moment, r.Type }).ToListAsync(ct))
            .GroupBy(r => r.InscriptionId).ToDictionary(g => g.Key, g => g.OrderBy(r => Vocabulaire.MoisDe(r.Moment)).Last());
        var dernieres = evaluations.GroupBy(e => (e.InscriptionId, e.CompetenceId, e.Par))
            .Select(g => g.OrderBy(e => e.Le).ThenBy(e => e.Id).Last()).ToLookup(e => (e.InscriptionId, e.Par));
        static decimal? Moyenne(IEnumerable<int> n) => n.Any() ? Math.Round((decimal)n.Average(), 1) : null;
        return aidants.Select(a =>
        {
            var p = presences.GetValueOrDefault(a.Id);
            var form = dernieres[(a.Id, ReferentielAidants.Formateur)].ToList();
            return new LigneAidant(a.Id, a.Anonyme ? "Personne anonymisée" : $"{a.Prenom} {a.Nom}".Trim(), a.AssociationId, a.Association ?? "Sans association",
                a.Cohorte, p?.Suivies ?? 0, p?.Listes ?? 0, form.Count(e => e.Niveau >= ReferentielAidants.NiveauAcquis), actives,
                Moyenne(dernieres[(a.Id, ReferentielAidants.Auto)].Select(e => e.Niveau)), Moyenne(form.Select(e => e.Niveau)),
                resultats.GetValueOrDefault(a.Id)?.Moment, resultats.GetValueOrDefault(a.Id)?.Type);
        }).OrderBy(l => l.Association).ThenBy(l => l.Nom).ToList();
    }

    /// <summary>Per association, from the helpers' lines.</summary>
    public static List<LigneAssociation> ParAssociation(IEnumerable<LigneAidant> lignes) =>
        lignes.GroupBy(l => l.Association).Select(g => new LigneAssociation(g.Key, g.Count(),
                Math.Round((decimal)g.Average(l => l.SeancesSuivies), 1),
                g.Sum(l => l.Competences) == 0 ? 0 : Math.Round(100m * g.Sum(l => l.Acquises) / g.Sum(l => l.Competences), 1),
                g.Count(l => l.DernierResultat is not null), g.Count(l => l.DernierResultat is { } t && Vocabulaire.Positive(t))))
            .OrderBy(a => a.Association).ToList();
}
