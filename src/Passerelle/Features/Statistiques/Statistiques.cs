using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Features.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Statistiques;

/// <summary>Dashboard filters. <paramref name="Qpv"/>: true = people living in a priority neighbourhood, false = people known to live outside one.</summary>
public sealed record FiltresStatistiques(DateOnly? Du, DateOnly? Au, int? Lieu, int? Structure, string? Commune, string? Type, string? Theme, int? Convention,
    bool? Qpv = null, int? Mediateur = null, bool? ConseillerNumerique = null, string? Etiquette = null);

/// <summary>One cell of a dimension; null = masked on a shared view (<see cref="Secret"/>).</summary>
public sealed record Ligne(string Libelle, int? Accompagnements, int? Activites);

/// <summary>People (distinct beneficiaries; each anonymous participant counts as one person).</summary>
public sealed record LignePersonnes(string Libelle, int? Personnes);

public sealed record ProgressionCompetence(string Code, string Nom, int? Personnes, double NiveauInitial, double NiveauActuel, int? EnProgres);

/// <summary>Figures counted as the national tool does: a workshop counts its participants as accompaniments.
/// Counts of people are null where a shared view masks them.</summary>
public sealed record Tableau(int? Accompagnements, int Ateliers, int? AccompagnementsIndividuels, int? Activites,
    int? Beneficiaires, int? BeneficiairesSuivis, int? BeneficiairesAnonymes, int? NouveauxBeneficiaires,
    IReadOnlyList<Ligne> ParMois, IReadOnlyList<Ligne> ParTheme, IReadOnlyList<Ligne> ParCanal, IReadOnlyList<Ligne> ParDuree, IReadOnlyList<Ligne> ParMateriel,
    IReadOnlyList<Ligne> ParAutonomie, IReadOnlyList<Ligne> ParLieu, IReadOnlyList<Ligne> ParType, IReadOnlyList<Ligne> ParThemeDemarches, IReadOnlyList<Ligne> ParCommune,
    IReadOnlyList<Ligne> ParEtiquette, IReadOnlyList<Ligne> ParOrientation, IReadOnlyList<Ligne> Qpv,
    IReadOnlyList<LignePersonnes> ParGenre, IReadOnlyList<LignePersonnes> ParTrancheAge, IReadOnlyList<LignePersonnes> ParStatut, IReadOnlyList<LignePersonnes> BeneficiairesParQpv,
    IReadOnlyList<LignePersonnes> ResultatsOrientations, IReadOnlyList<ProgressionCompetence> Competences, bool Masque);

public static class CalculStatistiques
{
    /// <summary>Cells under this many accompaniments (or people) are masked on shared and public views.</summary>
    public const int SeuilMasquage = 5;

    public static readonly string[] Tranches = ["Moins de 30 min", "30 min à 1 h", "1 h à 2 h", "2 h et plus"];
    const string NonRenseigne = "Non renseigné";
    public const string AutreCommune = "Autre commune";

    public static string Tranche(int minutes) => minutes < 30 ? Tranches[0] : minutes < 60 ? Tranches[1] : minutes < 120 ? Tranches[2] : Tranches[3];

    public static Dictionary<string, string[]> Verifier(FiltresStatistiques f)
    {
        var e = new Dictionary<string, string[]>();
        if (f.Du is not null && f.Au is not null && f.Au < f.Du) e["au"] = ["La fin de la période précède son début."];
        if (f.Type is not null && !VocabulaireCoop.Types.Contains(f.Type)) e["type"] = ["Type inconnu."];
        if (f.Theme is not null && !VocabulaireCoop.Themes.Contains(f.Theme)) e["theme"] = ["Thème inconnu."];
        if ((f.Commune?.Length ?? 0) > 200) e["commune"] = ["Commune trop longue."];
        if ((f.Etiquette?.Length ?? 0) > 60) e["etiquette"] = ["Étiquette trop longue."];
        return e;
    }

    /// <summary>Minimum group size on the filter itself for shared views (funders, public page): never one mediator, never less than a
    /// month (an open end counts up to today), so that a view cannot be narrowed to one person's day.</summary>
    public static Dictionary<string, string[]> VerifierVuePartagee(FiltresStatistiques f, DateOnly aujourdHui)
    {
        var e = new Dictionary<string, string[]>();
        if (f.Mediateur is not null) e["mediateur"] = ["Les chiffres partagés ne se filtrent pas par médiateur."];
        var fin = f.Au ?? aujourdHui;
        if (f.Du is { } du && fin < du.AddMonths(1).AddDays(-1)) e["du"] = ["Choisissez une période d'au moins un mois."];
        return e;
    }

    /// <summary>"oui"/"non" (also true/false, 1/0) → bool; anything else is an error message.</summary>
    public static bool? OuiNon(string? v, string champ, Dictionary<string, string[]> erreurs)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        switch (v.Trim().ToLowerInvariant())
        {
            case "oui" or "true" or "1": return true;
            case "non" or "false" or "0": return false;
            default: erreurs[champ] = [$"« {champ} » vaut oui ou non."]; return null;
        }
    }

    /// <summary>The records matching the filters (the QPV filter keeps individual records of people in/out of a QPV and workshops with such named participants).</summary>
    public static IQueryable<Activite> Filtrer(AppDbContext db, FiltresStatistiques f)
    {
        var q = db.Activites.AsNoTracking();
        if (f.Du is not null) q = q.Where(a => a.Date >= f.Du);
        if (f.Au is not null) q = q.Where(a => a.Date <= f.Au);
        if (f.Lieu is not null) q = q.Where(a => a.LieuId == f.Lieu);
        // "MediateurId IN (…)" rather than a correlated EXISTS: the database can then use the (MediateurId, Date) index.
        if (f.Structure is not null) q = q.Where(a => db.Emplois.Where(e => e.StructureId == f.Structure).Select(e => e.MediateurId).Contains(a.MediateurId));
        if (f.Mediateur is not null) q = q.Where(a => a.MediateurId == f.Mediateur);
        if (f.ConseillerNumerique is { } cn) q = q.Where(a => db.Mediateurs.Where(m => m.ConseillerNumerique == cn).Select(m => m.Id).Contains(a.MediateurId));
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var n = Texte.Normaliser(f.Commune);
            var brut = f.Commune.Trim();
            q = q.Where(a => db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => (int?)l.Id).Contains(a.LieuId) || a.Commune == brut);
        }
        if (f.Type is not null) q = q.Where(a => a.Type == f.Type);
        if (f.Theme is not null) q = q.Where(a => ("|" + a.Themes + "|").Contains("|" + f.Theme + "|"));
        if (f.Etiquette is not null) q = q.Where(a => ("|" + a.Etiquettes + "|").Contains("|" + f.Etiquette + "|"));
        if (f.Convention is not null)
        {
            var c = f.Convention.Value;
            q = q.Where(a => (a.ReservationId != null && db.Reservations.Any(r => r.Id == a.ReservationId && r.Creneau!.Permanence!.ConventionId == c))
                || (a.SessionAtelierId != null && db.SessionsAteliers.Any(s => s.Id == a.SessionAtelierId && s.ConventionId == c)));
        }
        if (f.Qpv == true)
            q = q.Where(a => (a.Beneficiaire != null && a.Beneficiaire.CodeQpv != null) || a.Participants.Any(p => p.Beneficiaire!.CodeQpv != null));
        if (f.Qpv == false)
            q = q.Where(a => (a.Beneficiaire != null && a.Beneficiaire.CodeQpv == null && a.Beneficiaire.Commune != null)
                || a.Participants.Any(p => p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null));
        return q;
    }

    /// <summary>Accompaniments of a record: 1 for an individual one, its participants for a workshop — only those in (or out of) a QPV under the QPV filter.</summary>
    static Expression<Func<Activite, int>> Acc(bool? qpv) => qpv switch
    {
        true => a => a.Type == VocabulaireCoop.Collectif ? a.Participants.Count(p => p.Beneficiaire!.CodeQpv != null) : 1,
        false => a => a.Type == VocabulaireCoop.Collectif ? a.Participants.Count(p => p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null) : 1,
        _ => a => a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1,
    };

    sealed record Projection<TCle>(TCle Cle, int Acc, int Anon);

    /// <summary>One GROUP BY in the database per dimension; multi-valued fields are grouped by their |-joined value and split here.
    /// Returns per key: accompaniments, records, and anonymous workshop participants.</summary>
    static async Task<List<(TCle Cle, int Acc, int N, int Anon)>> GrouperAsync<TCle>(IQueryable<Activite> q, Expression<Func<Activite, TCle>> cle, bool? qpv, CancellationToken ct)
    {
        var acc = Acc(qpv);
        Expression<Func<Activite, int>> anon = a => a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes : 0;
        var p = Expression.Parameter(typeof(Activite), "a");
        var type = typeof(Projection<TCle>);
        var corps = Expression.New(type.GetConstructors()[0], [Expression.Invoke(cle, p), Expression.Invoke(acc, p), Expression.Invoke(anon, p)],
            type.GetProperty("Cle")!, type.GetProperty("Acc")!, type.GetProperty("Anon")!);
        var projection = q.Select(Expression.Lambda<Func<Activite, Projection<TCle>>>(corps, p));
        var lignes = await projection.GroupBy(x => x.Cle).Select(g => new { g.Key, Acc = g.Sum(x => x.Acc), N = g.Count(), Anon = g.Sum(x => x.Anon) }).ToListAsync(ct);
        return lignes.Select(l => (l.Key, l.Acc, l.N, l.Anon)).ToList();
    }

    public static async Task<Tableau> CalculerAsync(AppDbContext db, FiltresStatistiques f, bool masquer, TimeProvider horloge, CancellationToken ct)
    {
        var q = Filtrer(db, f);
        var qpv = f.Qpv;
        List<Ligne> Ranger(IEnumerable<(string Cle, int Acc, int N)> valeurs, IEnumerable<string>? ordre = null, bool parLibelle = false)
        {
            var groupes = valeurs.GroupBy(v => v.Cle).Select(g => new Ligne(g.Key, g.Sum(x => x.Acc), g.Sum(x => x.N))).Where(l => l.Accompagnements > 0 || l.Activites > 0);
            var ordreListe = ordre?.ToList();
            var liste = parLibelle ? groupes.OrderBy(g => g.Libelle).ToList()
                : ordreListe is null ? groupes.OrderByDescending(g => g.Accompagnements).ThenBy(g => g.Libelle).ToList()
                : groupes.OrderBy(g => ordreListe.IndexOf(g.Libelle) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Libelle).ToList();
            return liste;
        }
        static IEnumerable<(string, int, int)> Eclater(List<(string? Cle, int Acc, int N, int Anon)> l) =>
            l.SelectMany(x => (string.IsNullOrEmpty(x.Cle) ? [NonRenseigne] : x.Cle.Split('|')).Select(v => (v, x.Acc, x.N)));

        // The main query: totals, per month and per type in one GROUP BY (with records without a file, for the people count).
        var principal = await GrouperAsync(q, a => new { a.Date.Year, a.Date.Month, a.Type, SansFiche = a.BeneficiaireId == null }, qpv, ct);
        var themes = await GrouperAsync(q, a => a.Themes, qpv, ct);
        var demarches = await GrouperAsync(q.Where(a => a.ThemesDemarches != null), a => a.ThemesDemarches, qpv, ct);
        var materiel = await GrouperAsync(q, a => a.Materiel, qpv, ct);
        // Low-cardinality dimensions together: place type, duration, autonomy (a few hundred groups at most), split here.
        var formes = await GrouperAsync(q, a => new { a.TypeLieu, a.DureeMinutes, a.Type, a.Autonomie }, qpv, ct);
        var parLieu = await GrouperAsync(q, a => new { a.LieuId, a.Commune }, qpv, ct);
        var idsLieux = parLieu.Where(l => l.Cle.LieuId != null).Select(l => l.Cle.LieuId!.Value).Distinct().ToList();
        var nomsLieux = await db.Lieux.AsNoTracking().Where(l => idsLieux.Contains(l.Id)).Select(l => new { l.Id, l.Nom, l.Commune }).ToDictionaryAsync(l => l.Id, ct);
        // Shared views show only communes of the reference (the directory's places): a free-text commune typed in a record is
        // written as the directory spells it, or "Autre commune" — a typed label could name a hamlet or a person.
        var saisies = parLieu.Where(l => l.Cle.LieuId == null && l.Cle.Commune != null).Select(l => Texte.Normaliser(l.Cle.Commune)).Distinct().ToList();
        var reference = masquer
            ? (await db.Lieux.AsNoTracking().Where(l => saisies.Contains(l.CommuneRecherche)).Select(l => new { l.CommuneRecherche, l.Commune }).ToListAsync(ct))
                .GroupBy(l => l.CommuneRecherche).ToDictionary(g => g.Key, g => g.First().Commune)
            : [];
        string CommuneSaisie(string? c) => c is null ? NonRenseigne : !masquer ? c : reference.TryGetValue(Texte.Normaliser(c), out var r) ? r : AutreCommune;
        var annexes = await GrouperAsync(q.Where(a => a.Etiquettes != null || a.Orientation != null), a => new { a.Etiquettes, a.Orientation }, qpv, ct);
        var anonymesAteliers = qpv is null ? principal.Where(l => l.Cle.Type == VocabulaireCoop.Collectif).Sum(l => l.Anon) : 0;
        var sansFiche = principal.Where(l => l.Cle.Type == VocabulaireCoop.Individuel && l.Cle.SansFiche).Sum(l => l.N);

        // Accompaniments by where the person lives: the individual's file, the workshop's named participants, the rest unknown.
        var qpvIndividuels = await q.Where(a => a.Type == VocabulaireCoop.Individuel)
            .GroupBy(a => a.Beneficiaire == null ? 0 : a.Beneficiaire.CodeQpv != null ? 1 : a.Beneficiaire.Commune != null ? 2 : 0)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var qpvParticipants = await q.Where(a => a.Type == VocabulaireCoop.Collectif).SelectMany(a => a.Participants)
            .Where(p => qpv == null || (qpv == true ? p.Beneficiaire!.CodeQpv != null : p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null))
            .GroupBy(p => p.Beneficiaire!.CodeQpv != null ? 1 : p.Beneficiaire.Commune != null ? 2 : 0).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        string Situation(int k) => k == 1 ? Quartiers.EnQpv : k == 2 ? Quartiers.HorsQpv : Quartiers.NonRenseigne;
        var parQpv = qpvIndividuels.Select(x => (Situation(x.Key), x.N, x.N)).Concat(qpvParticipants.Select(x => (Situation(x.Key), x.N, 0)))
            .Append((Quartiers.NonRenseigne, anonymesAteliers, 0)).ToList();

        // People: distinct files met in the period, plus one person per record without a file and per anonymous workshop participant.
        var idsIndividuels = q.Where(a => a.BeneficiaireId != null).Select(a => a.BeneficiaireId!.Value);
        var idsParticipants = q.SelectMany(a => a.Participants).Where(p => qpv == null || (qpv == true ? p.Beneficiaire!.CodeQpv != null : p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null))
            .Select(p => p.BeneficiaireId);
        var ids = idsIndividuels.Union(idsParticipants);
        var anneeRef = (f.Au ?? Territoire.AujourdHui(horloge)).Year;
        var personnes = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id))
            .GroupBy(b => new { b.Suivi, b.Genre, b.AnneeNaissance, b.Statut, Qpv = b.CodeQpv != null, Commune = b.Commune != null })
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var decomptes = qpv is null
            ? await q.Where(a => a.Type == VocabulaireCoop.Collectif).SelectMany(a => a.Decomptes).GroupBy(d => new { d.Critere, d.Valeur })
                .Select(g => new { g.Key.Critere, g.Key.Valeur, N = g.Sum(d => d.Nombre) }).ToListAsync(ct)
            : [];
        // New people: files whose very first accompaniment falls in the period.
        var nouveaux = await db.Beneficiaires.Where(b => ids.Contains(b.Id)).CountAsync(b => f.Du == null ||
            (!db.Activites.Any(a => a.BeneficiaireId == b.Id && a.Date < f.Du) && !db.ParticipantsActivites.Any(p => p.BeneficiaireId == b.Id && db.Activites.Any(a => a.Id == p.ActiviteId && a.Date < f.Du))), ct);

        List<LignePersonnes> Personnes(IEnumerable<(string Cle, int N)> valeurs, string critere, string[] ordre, string inconnu)
        {
            var connus = valeurs.Concat(decomptes.Where(d => d.Critere == critere).Select(d => (d.Valeur, d.N))).ToList();
            var anonymesSansDetail = anonymesAteliers - decomptes.Where(d => d.Critere == critere).Sum(d => d.N);
            return connus.Append((inconnu, sansFiche + Math.Max(0, anonymesSansDetail)))
                .GroupBy(x => x.Item1).Select(g => new LignePersonnes(g.Key, g.Sum(x => x.Item2))).Where(l => l.Personnes > 0)
                .OrderBy(l => Array.IndexOf(ordre, l.Libelle) is var i && i < 0 ? int.MaxValue : i).ToList();
        }
        var parGenre = Personnes(personnes.Select(p => (p.Key.Genre, p.N)), DecompteAnonyme.Genre, VocabulaireCoop.Genres, VocabulaireCoop.NonCommunique);
        var parTranche = Personnes(personnes.Select(p => (VocabulaireCoop.TrancheAge(p.Key.AnneeNaissance, anneeRef), p.N)), DecompteAnonyme.TrancheAge, VocabulaireCoop.TranchesAge, VocabulaireCoop.NonCommunique);
        var parStatut = Personnes(personnes.Select(p => (p.Key.Statut, p.N)), DecompteAnonyme.Statut, VocabulaireCoop.Statuts, VocabulaireCoop.StatutNonCommunique);
        var beneficiairesQpv = Personnes(personnes.Select(p => (p.Key.Qpv ? Quartiers.EnQpv : p.Key.Commune ? Quartiers.HorsQpv : Quartiers.NonRenseigne, p.N)), "-", Quartiers.Situations, Quartiers.NonRenseigne);

        // Referral outcomes and skills progression of the people met.
        var resultats = await db.Orientations.Where(o => ids.Contains(o.BeneficiaireId) && (f.Du == null || o.Date >= f.Du) && (f.Au == null || o.Date <= f.Au))
            .GroupBy(o => o.Resultat).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var resultatsOrientations = resultats.Select(r => new LignePersonnes(r.Key, r.N))
            .OrderBy(l => Array.IndexOf(ResultatsOrientation.Tous, l.Libelle)).ToList();
        var niveaux = await (from n in db.NiveauxCompetences
                             join d in db.Diagnostics on n.DiagnosticId equals d.Id
                             where ids.Contains(d.BeneficiaireId)
                             select new { d.BeneficiaireId, d.Date, d.Id, n.Competence, n.Niveau }).ToListAsync(ct);
        var competences = Referentiel.Competences.Select(c =>
        {
            var suivis = niveaux.Where(n => n.Competence == c.Code).GroupBy(n => n.BeneficiaireId)
                .Where(g => g.Count() > 1).Select(g => (Premier: g.OrderBy(n => n.Date).ThenBy(n => n.Id).First().Niveau, Dernier: g.OrderBy(n => n.Date).ThenBy(n => n.Id).Last().Niveau)).ToList();
            return new ProgressionCompetence(c.Code, c.Nom, suivis.Count, suivis.Count == 0 ? 0 : Math.Round(suivis.Average(s => s.Premier), 2),
                suivis.Count == 0 ? 0 : Math.Round(suivis.Average(s => s.Dernier), 2), suivis.Count(s => s.Dernier > s.Premier));
        }).Where(c => c.Personnes != 0).ToList();

        var suivisN = personnes.Where(p => p.Key.Suivi).Sum(p => p.N);
        var fichesAnonymes = personnes.Where(p => !p.Key.Suivi).Sum(p => p.N);
        var tableau = new Tableau(
            principal.Sum(l => l.Acc), principal.Where(l => l.Cle.Type == VocabulaireCoop.Collectif).Sum(l => l.N),
            principal.Where(l => l.Cle.Type == VocabulaireCoop.Individuel).Sum(l => l.N), principal.Sum(l => l.N),
            suivisN + fichesAnonymes + sansFiche + anonymesAteliers, suivisN, fichesAnonymes + sansFiche + anonymesAteliers, nouveaux,
            Ranger(principal.Select(l => ($"{l.Cle.Year:D4}-{l.Cle.Month:D2}", l.Acc, l.N)), parLibelle: true),
            Ranger(Eclater(themes)), Ranger(formes.Select(l => (l.Cle.TypeLieu, l.Acc, l.N)), VocabulaireCoop.TypesLieu),
            Ranger(formes.Select(l => (Tranche(l.Cle.DureeMinutes), l.Acc, l.N)), Tranches), Ranger(Eclater(materiel), VocabulaireCoop.Materiel),
            Ranger(formes.Where(l => l.Cle.Type == VocabulaireCoop.Individuel).Select(l => (l.Cle.Autonomie ?? NonRenseigne, l.Acc, l.N)), VocabulaireCoop.Autonomie),
            Ranger(parLieu.Select(l => (l.Cle.LieuId is { } id && nomsLieux.TryGetValue(id, out var x) ? x.Nom : "Hors lieu d'activité", l.Acc, l.N))),
            Ranger(principal.Select(l => (l.Cle.Type, l.Acc, l.N)), VocabulaireCoop.Types),
            Ranger(Eclater(demarches)),
            Ranger(parLieu.Select(l => (l.Cle.LieuId is { } id && nomsLieux.TryGetValue(id, out var x) ? x.Commune : CommuneSaisie(l.Cle.Commune), l.Acc, l.N))),
            Ranger(Eclater(annexes.Where(l => l.Cle.Etiquettes != null).Select(l => (l.Cle.Etiquettes, l.Acc, l.N, l.Anon)).ToList())),
            Ranger(annexes.Where(l => l.Cle.Orientation != null).Select(l => (l.Cle.Orientation!, l.Acc, l.N)), VocabulaireCoop.Orientations), Ranger(parQpv, Quartiers.Situations),
            parGenre, parTranche, parStatut, beneficiairesQpv, resultatsOrientations, competences, false);
        return masquer ? Secret.Proteger(tableau) : tableau;
    }
}
