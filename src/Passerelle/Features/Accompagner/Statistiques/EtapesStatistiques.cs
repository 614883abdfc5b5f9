using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>What the people count needs from the records count: anonymous workshop participants and individual records without a file
/// (each is one person).</summary>
sealed record Socle(int AnonymesAteliers, int SansFiche, List<DecompteLu> Decomptes);

sealed record DecompteLu(string Critere, string Valeur, int N);

/// <summary>The steps of <see cref="CalculStatistiques.CalculerAsync"/>: each counts one family of figures with a few GROUP BY in the
/// database and fills its part of the <see cref="Tableau"/>.</summary>
static class EtapesStatistiques
{
    const string NonRenseigne = CalculStatistiques.NonRenseigne;

    /// <summary>Totals, and records by month, type, theme, procedure, equipment, channel, duration, autonomy, label and referral.</summary>
    public static async Task<(Tableau, Socle)> ActivitesAsync(IQueryable<Activite> q, bool? qpv, CancellationToken ct)
    {
        // The main query: totals, per month and per type in one GROUP BY (with records without a file, for the people count).
        var principal = await Groupements.GrouperAsync(q, a => new { a.Date.Year, a.Date.Month, a.Type, SansFiche = a.BeneficiaireId == null }, qpv, ct);
        var themes = await Groupements.GrouperAsync(q, a => a.Themes, qpv, ct);
        var demarches = await Groupements.GrouperAsync(q.Where(a => a.ThemesDemarches != null), a => a.ThemesDemarches, qpv, ct);
        var materiel = await Groupements.GrouperAsync(q, a => a.Materiel, qpv, ct);
        // Low-cardinality dimensions together: place type, duration, autonomy (a few hundred groups at most), split here.
        var formes = await Groupements.GrouperAsync(q, a => new { a.TypeLieu, a.DureeMinutes, a.Type, a.Autonomie }, qpv, ct);
        var annexes = await Groupements.GrouperAsync(q.Where(a => a.Etiquettes != null || a.Orientation != null), a => new { a.Etiquettes, a.Orientation }, qpv, ct);
        var decomptes = qpv is null
            ? await q.Where(a => a.Type == VocabulaireCoop.Collectif).SelectMany(a => a.Decomptes).GroupBy(d => new { d.Critere, d.Valeur })
                .Select(g => new { g.Key.Critere, g.Key.Valeur, N = g.Sum(d => d.Nombre) }).ToListAsync(ct)
            : [];
        var socle = new Socle(qpv is null ? principal.Where(l => l.Cle.Type == VocabulaireCoop.Collectif).Sum(l => l.Anon) : 0,
            principal.Where(l => l.Cle.Type == VocabulaireCoop.Individuel && l.Cle.SansFiche).Sum(l => l.N),
            decomptes.Select(d => new DecompteLu(d.Critere, d.Valeur, d.N)).ToList());
        var tableau = new Tableau
        {
            Accompagnements = principal.Sum(l => l.Acc),
            Ateliers = principal.Where(l => l.Cle.Type == VocabulaireCoop.Collectif).Sum(l => l.N),
            AccompagnementsIndividuels = principal.Where(l => l.Cle.Type == VocabulaireCoop.Individuel).Sum(l => l.N),
            Activites = principal.Sum(l => l.N),
            ParMois = Groupements.Ranger(principal.Select(l => ($"{l.Cle.Year:D4}-{l.Cle.Month:D2}", l.Acc, l.N)), parLibelle: true),
            ParTheme = Groupements.Ranger(Groupements.Eclater(themes)),
            ParCanal = Groupements.Ranger(formes.Select(l => (l.Cle.TypeLieu, l.Acc, l.N)), VocabulaireCoop.TypesLieu),
            ParDuree = Groupements.Ranger(formes.Select(l => (CalculStatistiques.Tranche(l.Cle.DureeMinutes), l.Acc, l.N)), CalculStatistiques.Tranches),
            ParMateriel = Groupements.Ranger(Groupements.Eclater(materiel), VocabulaireCoop.Materiel),
            ParAutonomie = Groupements.Ranger(formes.Where(l => l.Cle.Type == VocabulaireCoop.Individuel).Select(l => (l.Cle.Autonomie ?? NonRenseigne, l.Acc, l.N)), VocabulaireCoop.Autonomie),
            ParType = Groupements.Ranger(principal.Select(l => (l.Cle.Type, l.Acc, l.N)), VocabulaireCoop.Types),
            ParThemeDemarches = Groupements.Ranger(Groupements.Eclater(demarches)),
            ParEtiquette = Groupements.Ranger(Groupements.Eclater(annexes.Where(l => l.Cle.Etiquettes != null).Select(l => (l.Cle.Etiquettes, l.Acc, l.N, l.Anon)).ToList())),
            ParOrientation = Groupements.Ranger(annexes.Where(l => l.Cle.Orientation != null).Select(l => (l.Cle.Orientation!, l.Acc, l.N)), VocabulaireCoop.Orientations),
        };
        return (tableau, socle);
    }

    /// <summary>Records by place of the directory and by commune.</summary>
    public static async Task<Tableau> LieuxAsync(Tableau t, AppDbContext db, IQueryable<Activite> q, bool? qpv, bool masquer, CancellationToken ct)
    {
        var parLieu = await Groupements.GrouperAsync(q, a => new { a.LieuId, a.Commune }, qpv, ct);
        return await LieuxAsync(t, db, parLieu.Select(l => (l.Cle.LieuId, l.Cle.Commune, l.Acc, l.N)).ToList(), masquer, ct);
    }

    /// <summary>The place and commune blocks from records counted per (place, typed commune).</summary>
    public static async Task<Tableau> LieuxAsync(Tableau t, AppDbContext db, List<(int? LieuId, string? Commune, int Acc, int N)> lignes, bool masquer, CancellationToken ct)
    {
        var parLieu = lignes.Select(l => (Cle: (l.LieuId, l.Commune), l.Acc, l.N)).ToList();
        var idsLieux = parLieu.Where(l => l.Cle.LieuId != null).Select(l => l.Cle.LieuId!.Value).Distinct().ToList();
        var nomsLieux = await db.Lieux.AsNoTracking().Where(l => idsLieux.Contains(l.Id)).Select(l => new { l.Id, l.Nom, l.Commune }).ToDictionaryAsync(l => l.Id, ct);
        // Shared views show only communes of the reference (the directory's places): a free-text commune typed in a record is
        // written as the directory spells it, or "Autre commune" — a typed label could name a hamlet or a person.
        var saisies = parLieu.Where(l => l.Cle.LieuId == null && l.Cle.Commune != null).Select(l => Texte.Normaliser(l.Cle.Commune)).Distinct().ToList();
        var reference = masquer
            ? (await db.Lieux.AsNoTracking().Where(l => saisies.Contains(l.CommuneRecherche)).Select(l => new { l.CommuneRecherche, l.Commune }).ToListAsync(ct))
                .GroupBy(l => l.CommuneRecherche).ToDictionary(g => g.Key, g => g.First().Commune)
            : [];
        string CommuneSaisie(string? c) => c is null ? NonRenseigne : !masquer ? c : reference.TryGetValue(Texte.Normaliser(c), out var r) ? r : CalculStatistiques.AutreCommune;
        return t with
        {
            ParLieu = Groupements.Ranger(parLieu.Select(l => (l.Cle.LieuId is { } id && nomsLieux.TryGetValue(id, out var x) ? x.Nom : "Hors lieu d'activité", l.Acc, l.N))),
            ParCommune = Groupements.Ranger(parLieu.Select(l => (l.Cle.LieuId is { } id && nomsLieux.TryGetValue(id, out var x) ? x.Commune : CommuneSaisie(l.Cle.Commune), l.Acc, l.N))),
        };
    }

    /// <summary>Accompaniments by where the person lives: the individual's file, the workshop's named participants, the rest unknown.</summary>
    public static async Task<Tableau> QuartiersAsync(Tableau t, IQueryable<Activite> q, bool? qpv, Socle socle, CancellationToken ct)
    {
        var individuels = await q.Where(a => a.Type == VocabulaireCoop.Individuel)
            .GroupBy(a => a.Beneficiaire == null ? 0 : a.Beneficiaire.CodeQpv != null ? 1 : a.Beneficiaire.Commune != null ? 2 : 0)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var participants = await q.Where(a => a.Type == VocabulaireCoop.Collectif).SelectMany(a => a.Participants)
            .Where(p => qpv == null || (qpv == true ? p.Beneficiaire!.CodeQpv != null : p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null))
            .GroupBy(p => p.Beneficiaire!.CodeQpv != null ? 1 : p.Beneficiaire.Commune != null ? 2 : 0).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var parQpv = individuels.Select(x => (Quartiers.Situation(x.Key), x.N, x.N)).Concat(participants.Select(x => (Quartiers.Situation(x.Key), x.N, 0)))
            .Append((Quartiers.NonRenseigne, socle.AnonymesAteliers, 0)).ToList();
        return t with { Qpv = Groupements.Ranger(parQpv, Quartiers.Situations) };
    }

    /// <summary>Files met in the period: the individual records' people and the workshops' named participants (in or out of a QPV
    /// under the QPV filter).</summary>
    public static IQueryable<int> PersonnesRencontrees(IQueryable<Activite> q, bool? qpv)
    {
        var individuels = q.Where(a => a.BeneficiaireId != null).Select(a => a.BeneficiaireId!.Value);
        var participants = q.SelectMany(a => a.Participants)
            .Where(p => qpv == null || (qpv == true ? p.Beneficiaire!.CodeQpv != null : p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null))
            .Select(p => p.BeneficiaireId);
        return individuels.Union(participants);
    }
}
