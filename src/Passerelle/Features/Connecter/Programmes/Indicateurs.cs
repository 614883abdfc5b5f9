using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>A count of people; null when masked (statistical secrecy, <see cref="Secret"/>).</summary>
public sealed record CompteDto(string Cle, int? Nombre);
public sealed record MontantDto(string Cle, long Centimes);
/// <param name="Mois">yyyy-MM.</param>
/// <param name="Recharges">Top-ups counted in the month; <c>montant</c> net of refunds, in cents; <c>volumeMo</c> net megabytes.</param>
/// <param name="BoxActivees">Boxes activated in the month (one box, one household): null when masked by the small-cells rule
/// (decision 0009, primary and secondary suppression across the months of the period).</param>
/// <param name="Libelle">The month for people, « janvier 2026 ».</param>
public sealed record MoisDto(string Mois, int LignesActives, int Recharges, long Montant, long VolumeMo, int? BoxActivees, string Libelle);

/// <summary><c>GET /api/v1/connexion/programmes/{id}/indicateurs?du=&amp;au=</c>: aggregates only, amounts in cents. <c>vue</c> is
/// <c>partenaire</c> (operator, landlord) or <c>complete</c> (funder, administrator, managing structure), which adds the cost per person,
/// the subsidy by source, people by eligibility route and by QPV, and the movements without a voucher reference.</summary>
public sealed record IndicateursDto(int Programme, string Nom, DateOnly Du, DateOnly Au, string Vue, int Adhesions, int AdhesionsActives, int NouvellesAdhesions,
    int Renouvellements, int Sorties, IReadOnlyList<CompteDto> OffresSortie, IReadOnlyList<MoisDto> ParMois, long PlafondMensuel, long DepenseMoyenneMois,
    long? CoutParPersonne, IReadOnlyList<MontantDto>? SubventionParSource, IReadOnlyList<CompteDto>? PersonnesParRegle, IReadOnlyList<CompteDto>? PersonnesParQpv,
    int? MouvementsSansReference, string Note, AccompagnementsDto? Accompagnements = null);
/// <summary>Funder's view (standard §5): accompaniment records of the period naming a person enrolled in the programme (as its person or a
/// workshop participant), the people they concern (masked under 5) and the records that completed a procedure.</summary>
public sealed record AccompagnementsDto(int Accompagnements, int? Personnes, int Demarches);

/// <summary>A programme's indicators over a period (standard §5), in LINQ on both databases.</summary>
public static class IndicateursProgramme
{
    public static async Task<IndicateursDto> ExecuterAsync(AppDbContext db, ProgrammeConnexion p, DateOnly? du, DateOnly? au, VueIndicateurs vue, TimeProvider horloge, CancellationToken ct)
    {
        var fin = au ?? Territoire.AujourdHui(horloge);
        var debut = du ?? new DateOnly(fin.Year, fin.Month, 1).AddMonths(-11);
        if (debut > fin || debut < fin.AddYears(-5)) throw Valider.Invalide(new() { ["du"] = ["Période : « du » avant « au », cinq ans au plus."] });
        var adhesions = db.Set<Adhesion>().AsNoTracking().Where(a => a.ProgrammeId == p.Id);
        var ids = adhesions.Select(a => a.Id);
        int moisDu = Recharger.Mois(debut), moisAu = Recharger.Mois(fin);

        // The enrolments' counts in one pass (they were four).
        var comptes = await adhesions.GroupBy(a => 1).Select(g => new
        {
            Total = g.Count(a => a.Debut <= fin),
            Actives = g.Count(a => a.Debut <= fin && a.Statut != StatutsAdhesion.EnAttente && (a.TermineeLe == null || a.TermineeLe > fin)),
            Nouvelles = g.Count(a => a.Debut >= debut && a.Debut <= fin),
            Renouvellements = g.Sum(a => a.Debut <= fin ? a.Renouvellements : 0),
        }).FirstOrDefaultAsync(ct);
        int total = comptes?.Total ?? 0, actives = comptes?.Actives ?? 0, nouvelles = comptes?.Nouvelles ?? 0, renouvellements = comptes?.Renouvellements ?? 0;
        var sorties = await adhesions.Where(a => a.TermineeLe >= debut && a.TermineeLe <= fin).GroupBy(a => a.OffreSortie)
            .Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);

        var mouvements = db.Set<MouvementRecharge>().AsNoTracking().Where(m => ids.Contains(m.AdhesionId) && m.Mois >= moisDu && m.Mois <= moisAu);
        // One pass over the period's movements gives the months, the subsidy by source and the movements without a reference (bench
        // `connexion`, docs/performance.md: each pass reads every movement of the programme, 2 000 000 in a year for 50 000 people).
        var groupes = await mouvements.GroupBy(m => new { m.Mois, m.SourceSubvention, SansReference = m.Reference == null }).Select(g => new
        {
            g.Key.Mois, g.Key.SourceSubvention, g.Key.SansReference, N = g.Count(), Recharges = g.Count(m => m.Type == TypesMouvements.Recharge), Montant = g.Sum(m => m.MontantCentimes),
            Volume = g.Sum(m => (long?)m.VolumeMo) ?? 0, Subvention = g.Sum(m => m.SubventionCentimes),
        }).ToListAsync(ct);
        var parMois = groupes.GroupBy(x => x.Mois).ToDictionary(g => g.Key, g => (Recharges: g.Sum(x => x.Recharges), Montant: g.Sum(x => x.Montant), Volume: g.Sum(x => x.Volume)));
        // Lines active in a month: activated by its end and not deactivated before its start; counted from lines grouped by the months of
        // activation and deactivation (two small queries instead of two per month).
        var lignes = await db.Set<LigneMobile>().AsNoTracking().Where(l => ids.Contains(l.AdhesionId) && l.ActiveeLe <= fin)
            .GroupBy(l => new { A = l.ActiveeLe.Year * 100 + l.ActiveeLe.Month, D = l.DesactiveeLe == null ? (int?)null : l.DesactiveeLe.Value.Year * 100 + l.DesactiveeLe.Value.Month })
            .Select(g => new { g.Key.A, g.Key.D, N = g.Count() }).ToListAsync(ct);
        var box = await db.Set<ActivationBox>().AsNoTracking().Where(b => ids.Contains(b.AdhesionId) && b.ActiveeLe >= debut && b.ActiveeLe <= fin)
            .GroupBy(b => b.ActiveeLe.Year * 100 + b.ActiveeLe.Month).Select(g => new { Mois = g.Key, N = g.Count() }).ToListAsync(ct);
        var mois = new List<MoisDto>();
        for (var m = new DateOnly(debut.Year, debut.Month, 1); m <= fin; m = m.AddMonths(1))
        {
            var code = Recharger.Mois(m);
            var actifs = lignes.Where(l => l.A <= code && (l.D is null || l.D >= code)).Sum(l => l.N);
            var boxMois = box.Where(b => b.Mois == code).Sum(b => b.N);
            var g = parMois.GetValueOrDefault(code);
            mois.Add(new MoisDto(m.ToString("yyyy-MM"), actifs, g.Recharges, g.Montant, g.Volume, boxMois, FormatsConnexion.Mois(m)));
        }
        var boxMasquees = Secret.Masquer(mois.Select(x => x.BoxActivees ?? 0).ToList());
        mois = mois.Select((x, i) => boxMasquees[i] ? x with { BoxActivees = null } : x).ToList();
        // People who consumed in the period and their average month, from the monthly consumption rows (one per person and month, kept
        // by the top-up's capped update): a third of the rows of the ledger, and the ledger is read once only (bench `connexion`).
        var consommations = db.Set<ConsommationMensuelle>().AsNoTracking().Where(c => ids.Contains(c.AdhesionId) && c.Mois >= moisDu && c.Mois <= moisAu && c.ConsommeCentimes > 0);
        var conso = await consommations.GroupBy(c => 1).Select(g => new { Personnes = g.Select(c => c.AdhesionId).Distinct().Count(), Moyenne = g.Average(c => (double)c.ConsommeCentimes) })
            .FirstOrDefaultAsync(ct);
        var moyenne = (long)Math.Round(conso?.Moyenne ?? 0);

        var offresSortie = Masquer(sorties.Select(s => (s.Key ?? "Sans offre de sortie", s.N)).ToList());
        if (vue == VueIndicateurs.Partenaire)
            return new IndicateursDto(p.Id, p.Nom, debut, fin, "partenaire", total, actives, nouvelles, renouvellements, sorties.Sum(s => s.N), offresSortie, mois,
                p.PlafondMensuelCentimes, moyenne, null, null, null, null, null, Secret.Note);

        var subventions = groupes.GroupBy(x => x.SourceSubvention).Select(g => new { g.Key, S = g.Sum(x => x.Subvention) }).ToList();
        var personnes = conso?.Personnes ?? 0; // people recharged: a net consumption above zero in a month of the period
        var presentes = adhesions.Where(a => a.Debut <= fin && (a.TermineeLe == null || a.TermineeLe >= debut));
        var parRegle = await presentes.GroupBy(a => a.Regle).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var parQpv = await presentes.GroupBy(a => a.CodeQpv).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var sansReference = groupes.Where(x => x.SansReference).Sum(x => x.N);
        var totalSubvention = subventions.Sum(s => s.S);
        var suivis = presentes.Where(a => a.BeneficiaireId != null).Select(a => a.BeneficiaireId!.Value);
        var directs = db.Activites.AsNoTracking().Where(x => x.Date >= debut && x.Date <= fin && x.BeneficiaireId != null && suivis.Contains(x.BeneficiaireId.Value));
        var participations = db.ParticipantsActivites.AsNoTracking().Where(x => suivis.Contains(x.BeneficiaireId))
            .Join(db.Activites.Where(x => x.Date >= debut && x.Date <= fin), x => x.ActiviteId, x => x.Id, (x, act) => new { x.BeneficiaireId, act.ThemesDemarches });
        var nAcc = await directs.CountAsync(ct) + await participations.CountAsync(ct);
        var nDemarches = await directs.CountAsync(x => x.ThemesDemarches != null, ct) + await participations.CountAsync(x => x.ThemesDemarches != null, ct);
        var personnesAcc = (await directs.Select(x => x.BeneficiaireId!.Value).Distinct().ToListAsync(ct)).Union(await participations.Select(x => x.BeneficiaireId).Distinct().ToListAsync(ct)).Count();
        var accompagnements = new AccompagnementsDto(nAcc, personnesAcc is > 0 and < CalculStatistiques.SeuilMasquage ? null : personnesAcc, nDemarches);
        return new IndicateursDto(p.Id, p.Nom, debut, fin, "complete", total, actives, nouvelles, renouvellements, sorties.Sum(s => s.N), offresSortie, mois,
            p.PlafondMensuelCentimes, moyenne, personnes == 0 ? 0 : totalSubvention / personnes,
            subventions.OrderByDescending(s => s.S).Select(s => new MontantDto(s.Key ?? "Non renseignée", s.S)).ToList(),
            Masquer(parRegle.Select(r => (EligibiliteConnexion.Libelle(r.Key), r.N)).ToList()),
            Masquer(parQpv.Select(r => (r.Key ?? "Hors QPV ou non renseigné", r.N)).ToList()), sansReference, Secret.Note, accompagnements);
    }

    /// <summary>Counts of people, largest first, small cells masked (primary and secondary suppression, decision 0009).</summary>
    static List<CompteDto> Masquer(List<(string Cle, int N)> lignes)
    {
        var tries = lignes.OrderByDescending(l => l.N).ThenBy(l => l.Cle).ToList();
        var masque = Secret.Masquer(tries.Select(l => l.N).ToList());
        return tries.Select((l, i) => new CompteDto(l.Cle, masque[i] ? null : l.N)).ToList();
    }
}
