using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>The claim of one outcome-moment's reminder (issue 14 §4: « a queue of outcomes due this week for each referent, with
/// reminders »): one row per (enrolment, moment), held by a unique index and written in the same transaction as the e-mail put in the
/// outbox, so that two instances, or two runs, never remind twice.</summary>
public sealed class RappelResultat
{
    public long Id { get; set; }
    public int InscriptionId { get; set; }
    /// <summary><see cref="Vocabulaire.Moments"/> code.</summary>
    public string Moment { get; set; } = "";
    public DateOnly DueLe { get; set; }
    public int ReferentId { get; set; }
    public DateTime EnvoyeLe { get; set; }
}

public sealed class RappelResultatConfiguration : IEntityTypeConfiguration<RappelResultat>
{
    public void Configure(EntityTypeBuilder<RappelResultat> b)
    {
        b.ToTable("RappelsResultatsParcours");
        b.HasIndex(r => new { r.InscriptionId, r.Moment }).IsUnique();
        b.Property(r => r.Moment).HasMaxLength(10);
        b.HasOne<Inscription>().WithMany().HasForeignKey(r => r.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Each day, e-mails every referent the outcomes due this week (Monday–Sunday, Paris) or late and not yet recorded, as on their
/// page (<see cref="FileReferent"/>), each outcome-moment once: the claims (<see cref="RappelResultat"/>) and the message go in one unit of
/// work per referent; a claim already taken (unique index) drops that referent's message for this run, the next run sends the rest. The
/// message names no learner (the referent opens <c>/parcours/referent</c> with their account). The address is the mediator card's, else
/// their account's; referents with neither are skipped
/// and stay unclaimed.</summary>
public static class RappelsResultats
{
    public const string Type = "parcours-resultats";

    /// <returns>The number of e-mails put in the outbox.</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, ILogger log, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var dimanche = aujourdHui.AddDays(6 - (((int)aujourdHui.DayOfWeek + 6) % 7));
        var lignes = await db.Set<Inscription>().AsNoTracking()
            .Where(i => i.ReferentId != null && i.SortieLe != null && i.SortieLe <= dimanche && i.Apprenant!.AnonymiseLe == null
                && (i.Statut == Vocabulaire.Termine || i.Statut == Vocabulaire.Abandon))
            .Select(i => new
            {
                i.Id, ReferentId = i.ReferentId!.Value,
                Courriel = i.Referent!.Courriel ?? db.Users.Where(u => u.Id == i.Referent.UtilisateurId).Select(u => u.Email).FirstOrDefault(), SortieLe = i.SortieLe!.Value,
                Faits = i.Resultats.Select(r => r.Moment).ToList(),
                Rappeles = db.Set<RappelResultat>().Where(r => r.InscriptionId == i.Id).Select(r => r.Moment).ToList(),
            }).ToListAsync(ct);
        var dues = lignes.Where(l => !string.IsNullOrWhiteSpace(l.Courriel) && l.Courriel.Contains('@')).SelectMany(l => Vocabulaire.Moments
                .Where(m => !l.Faits.Contains(m.Code) && !l.Rappeles.Contains(m.Code) && l.SortieLe.AddMonths(m.Mois) <= dimanche)
                .Select(m => new { l.Id, l.ReferentId, Courriel = l.Courriel!, Moment = m.Code, m.Libelle, DueLe = l.SortieLe.AddMonths(m.Mois) }))
            .ToList();
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var envoyes = 0;
        foreach (var referent in dues.GroupBy(d => (d.ReferentId, d.Courriel)))
        {
            db.ChangeTracker.Clear();
            foreach (var d in referent) db.Add(new RappelResultat { InscriptionId = d.Id, Moment = d.Moment, DueLe = d.DueLe, ReferentId = d.ReferentId, EnvoyeLe = maintenant });
            var liste = string.Join("\n", referent.OrderBy(d => d.DueLe).Select(d => $"- {d.Libelle.ToLowerInvariant()}, attendu le {d.DueLe:dd/MM/yyyy} : /parcours/inscriptions/{d.Id}"));
            db.Notifications.Add(new Notification
            {
                Type = Type, Canal = CanalNotification.Email, Destinataire = referent.Key.Courriel,
                Sujet = referent.Count() == 1 ? "Parcours : un résultat à recueillir cette semaine" : $"Parcours : {referent.Count()} résultats à recueillir cette semaine",
                Corps = "Bonjour,\n\nCes résultats des personnes que vous suivez sont à recueillir cette semaine (ou sont en retard) :\n" + liste
                    + "\n\nVotre file de la semaine : /parcours/referent\nSans nouvelles de la personne, enregistrez « Sans nouvelles » : ce résultat reste visible.\n",
                PrevueLe = maintenant, CreeLe = maintenant,
            });
            try { await db.SaveChangesAsync(ct); envoyes++; }
            catch (DbUpdateException e) { log.LogInformation(e, "Rappels de résultats du référent {Referent} déjà pris par une autre instance", referent.Key.ReferentId); }
        }
        db.ChangeTracker.Clear();
        return envoyes;
    }
}

/// <summary>The daily pass of <see cref="RappelsResultats"/>, under the job lease (<see cref="TachePeriodique"/>).</summary>
public sealed class RappelsResultatsJob(IServiceScopeFactory scopes, TimeProvider horloge, Instance instance, ILogger<RappelsResultatsJob> log)
    : TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "parcours-rappels-resultats";
    protected override TimeSpan Periode => TimeSpan.FromDays(1);
    protected override Task ExecuterAsync(IServiceProvider sp, CancellationToken ct) =>
        RappelsResultats.ExecuterAsync(sp.GetRequiredService<AppDbContext>(), Horloge, Journal, ct);
}
