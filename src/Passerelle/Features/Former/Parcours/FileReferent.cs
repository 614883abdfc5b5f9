using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Former.Parcours;

public sealed record ApprenantSuiviDto(int InscriptionId, string Nom, string Cohorte, string Statut, DateOnly? DernierEchange, DateOnly? ProchaineEcheance);
/// <summary>A measure due: the enrolment, the moment, its due day (exit + 0/3/6 months) and whether it is late (due before this week).</summary>
public sealed record MesureDueDto(int InscriptionId, string Nom, string Moment, DateOnly DueLe, bool EnRetard);
public sealed record FileReferentDto(IReadOnlyList<ApprenantSuiviDto> Apprenants, IReadOnlyList<MesureDueDto> MesuresDues, IReadOnlyList<ApprenantSuiviDto> SansNouvellesDepuis3Semaines);

/// <summary>The referent's page: the learners whose active referent is the reader; the outcomes due this week (Monday–Sunday, Paris)
/// or late and not yet recorded; the learners in course not met for three weeks (no journal entry dated within 21 days).</summary>
public static class FileReferent
{
    public static async Task<FileReferentDto> ExecuterAsync(AppDbContext db, ClaimsPrincipal lecteur, TimeProvider horloge, CancellationToken ct)
    {
        var mediateurs = await AccesParcours.MediateursAsync(db, lecteur, ct);
        var aujourdHui = Territoire.AujourdHui(horloge);
        var lundi = aujourdHui.AddDays(-(((int)aujourdHui.DayOfWeek + 6) % 7));
        var dimanche = lundi.AddDays(6);
        var lignes = await db.Set<Inscription>().AsNoTracking()
            .Where(i => i.ReferentId != null && mediateurs.Contains(i.ReferentId.Value) && i.Statut != Vocabulaire.Refuse && i.Apprenant!.AnonymiseLe == null)
            .Select(i => new
            {
                i.Id, i.Apprenant!.Prenom, i.Apprenant.Nom, Cohorte = i.Cohorte!.Nom, i.Statut, i.SortieLe,
                Moments = i.Resultats.Select(r => r.Moment).ToList(),
                Dernier = db.Set<EntreeJournal>().Where(e => e.InscriptionId == i.Id).Max(e => (DateOnly?)e.Le),
                Prochaine = db.Set<EntreeJournal>().Where(e => e.InscriptionId == i.Id && e.ProchaineEtapeLe >= aujourdHui).Min(e => e.ProchaineEtapeLe),
            }).ToListAsync(ct);
        var apprenants = lignes.OrderBy(l => l.Nom).ThenBy(l => l.Prenom)
            .Select(l => new ApprenantSuiviDto(l.Id, $"{l.Prenom} {l.Nom}".Trim(), l.Cohorte, l.Statut, l.Dernier, l.Prochaine)).ToList();
        var dues = lignes.Where(l => l.SortieLe is not null).SelectMany(l => Vocabulaire.Moments
                .Where(m => !l.Moments.Contains(m.Code) && l.SortieLe!.Value.AddMonths(m.Mois) <= dimanche)
                .Select(m => new MesureDueDto(l.Id, $"{l.Prenom} {l.Nom}".Trim(), m.Code, l.SortieLe!.Value.AddMonths(m.Mois), l.SortieLe.Value.AddMonths(m.Mois) < lundi)))
            .OrderBy(d => d.DueLe).ToList();
        var enCours = apprenants.Where(a => a.Statut is Vocabulaire.Admis or Vocabulaire.EnFormation && (a.DernierEchange is null || a.DernierEchange < aujourdHui.AddDays(-21))).ToList();
        return new FileReferentDto(apprenants, dues, enCours);
    }
}
