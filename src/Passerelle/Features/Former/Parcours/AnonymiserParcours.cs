using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>Section <c>Parcours</c>, checked at start.</summary>
public sealed class ParcoursOptions
{
    /// <summary>Months kept after the +6-month measure (exit + 6 months) before the learner is anonymised; also the months a refused
    /// application is kept after its decision.</summary>
    [Range(0, 120, ErrorMessage = "Parcours:MoisConservation : de 0 à 120 mois.")]
    public int MoisConservation { get; set; } = 12;
}

/// <summary>Retention (standards, section 6): once every enrolment of a learner is past exit + 6 months + <see cref="ParcoursOptions.MoisConservation"/>
/// (or refused for that long), the learner's identity, contact and birth date are cleared, the journal entries deleted, free texts of the
/// pathway and outcomes cleared and the learner's link replaced. Entry snapshots (booleans and codes) and outcome types stay: the aggregates
/// do not change.</summary>
public static class AnonymiserParcours
{
    /// <returns>The number of learners anonymised.</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, int moisConservation, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var limiteSortie = aujourdHui.AddMonths(-(6 + moisConservation));
        var limiteDecision = horloge.GetUtcNow().UtcDateTime.AddMonths(-moisConservation);
        var ids = await db.Set<Apprenant>().Where(a => a.AnonymiseLe == null
                && db.Set<Inscription>().Any(i => i.ApprenantId == a.Id)
                && db.Set<Inscription>().Where(i => i.ApprenantId == a.Id).All(i => (i.SortieLe != null && i.SortieLe <= limiteSortie)
                    || (i.Statut == Vocabulaire.Refuse && i.DecisionLe <= limiteDecision)))
            .Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        await AnonymiserAsync(db, ids, horloge.GetUtcNow().UtcDateTime, ct);
        return ids.Count;
    }

    /// <summary>Anonymises these learners in one transaction (retention, and erasure on request: <see cref="EffacerApprenant"/>).</summary>
    public static async Task AnonymiserAsync(AppDbContext db, List<int> ids, DateTime maintenant, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inscriptions = db.Set<Inscription>().Where(i => ids.Contains(i.ApprenantId));
        await db.Set<EntreeJournal>().Where(e => inscriptions.Any(i => i.Id == e.InscriptionId)).ExecuteDeleteAsync(ct);
        await db.Set<Resultat>().Where(r => inscriptions.Any(i => i.Id == r.InscriptionId))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Organisme, (string?)null).SetProperty(r => r.Commentaire, (string?)null), ct);
        // The plan's free texts go with the journal; immersions keep their dates (counted), not the host's people nor the bilan.
        await db.Set<ObjectifPlan>().Where(o => inscriptions.Any(i => i.Id == o.InscriptionId)).ExecuteDeleteAsync(ct);
        await db.Set<Immersion>().Where(m => inscriptions.Any(i => i.Id == m.InscriptionId))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Tuteur, (string?)null).SetProperty(m => m.Bilan, (string?)null), ct);
        foreach (var i in await inscriptions.ToListAsync(ct))
        {
            i.Motivation = null; i.Prescripteur = null; i.MotifDecision = null; i.MotifSortie = null; i.Jeton = Jetons.Nouveau();
        }
        foreach (var a in await db.Set<Apprenant>().Where(a => ids.Contains(a.Id)).ToListAsync(ct))
        {
            a.Prenom = null; a.Nom = null; a.Courriel = null; a.Telephone = null; a.DateNaissance = null; a.Commune = null; a.CodeQpv = null; a.AnonymiseLe = maintenant;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Every 6 hours, runs <see cref="AnonymiserParcours"/> with the configured delay.</summary>
public sealed class RetentionParcoursJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, IOptions<ParcoursOptions> reglages, ILogger<RetentionParcoursJob> log)
    : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "retention-parcours";
    protected override TimeSpan Periode => TimeSpan.FromHours(6);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await AnonymiserParcours.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, reglages.Value.MoisConservation, ct);
        if (n > 0) Journal.LogInformation("{Nombre} apprenants anonymisés", n);
    }
}

public static class ServicesParcours
{
    /// <summary>The pathways' retention job (off when <c>Taches:Actives=false</c>) and its setting.</summary>
    public static void AddParcours(this WebApplicationBuilder builder)
    {
        if (Reglages.TachesActives(builder.Configuration))
        {
            builder.Services.AddHostedService<RetentionParcoursJob>();
            builder.Services.AddHostedService<RappelsResultatsJob>();
        }
        builder.Services.AddReglages<ParcoursOptions>("Parcours");
        builder.Services.AddScoped<Financer.Indicateurs.IMesuresIndicateurs, MesuresParcours>();
    }
}
