using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>Reminders of a funder report through the outbox (issue 11 §7, « reminders before and after »): one
/// <see cref="JoursAvant"/> days before the due date and one the day after it, to every manager of the beneficiary structure who has
/// an e-mail address. Each is queued once: a conditional UPDATE on <see cref="RapportFinancier.RappelAvantLe"/> /
/// <see cref="RapportFinancier.RappelApresLe"/> claims the report in the same transaction as the messages, so two runs never queue it
/// twice. Reports submitted or accepted get none; a report sent back for a fix is reminded like one to fill.</summary>
public static class RappelsRapports
{
    public const int JoursAvant = 30;
    public const string Type = "rapport-financier";

    /// <returns>The number of reminders queued (one per report and moment, whatever the number of recipients).</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var limite = aujourdHui.AddDays(JoursAvant);
        var dus = await db.Set<RapportFinancier>().AsNoTracking()
            .Where(r => StatutsRapport.Modifiables.Contains(r.Statut) && ((r.RappelAvantLe == null && r.Echeance <= limite && r.Echeance >= aujourdHui) || (r.RappelApresLe == null && r.Echeance < aujourdHui)))
            .Select(r => new { r.Id, r.Echeance, r.Exercice, r.RappelAvantLe, r.SubventionId }).ToListAsync(ct);
        var n = 0;
        foreach (var r in dus)
        {
            var apres = r.Echeance < aujourdHui;
            var s = await db.Set<Subvention>().AsNoTracking().Where(x => x.Id == r.SubventionId)
                .Select(x => new { x.BeneficiaireId, Beneficiaire = x.Beneficiaire!.Nom, Financeur = x.Financeur!.Nom }).FirstAsync(ct);
            var emails = await db.GestionsStructures.Where(g => g.StructureId == s.BeneficiaireId)
                .Join(db.Users, g => g.UtilisateurId, u => u.Id, (g, u) => u.Email).Where(e => e != null).Distinct().ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var pris = apres
                ? await db.Set<RapportFinancier>().Where(x => x.Id == r.Id && x.RappelApresLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.RappelApresLe, maintenant), ct)
                : await db.Set<RapportFinancier>().Where(x => x.Id == r.Id && x.RappelAvantLe == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.RappelAvantLe, maintenant), ct);
            if (pris != 1) { await tx.RollbackAsync(ct); continue; }
            var echeance = Web.DatesEnLettres.Jour(r.Echeance);
            var sujet = apres ? $"Compte rendu financier {r.Exercice} en retard" : $"Compte rendu financier {r.Exercice} à rendre avant le {echeance}";
            var corps = (apres
                    ? $"Bonjour,\n\nLe compte rendu financier de la subvention de {s.Financeur} à {s.Beneficiaire} pour l'exercice {r.Exercice} était à rendre le {echeance}. "
                    : $"Bonjour,\n\nLe compte rendu financier de la subvention de {s.Financeur} à {s.Beneficiaire} pour l'exercice {r.Exercice} est à rendre au plus tard le {echeance}. ")
                + $"Les indicateurs sont déjà remplis à partir de vos comptes rendus d'activité.\n\nPour le remplir : /admin/financement/rapports/{r.Id}\n";
            foreach (var e in emails)
                db.Notifications.Add(new Notification { Type = Type, Canal = CanalNotification.Email, Destinataire = e!, Sujet = sujet, Corps = corps, PrevueLe = maintenant, CreeLe = maintenant });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            n++;
        }
        return n;
    }
}

/// <summary>Once a day, the reports' reminders.</summary>
public sealed class RappelsRapportsJob(IServiceScopeFactory scopes, TimeProvider horloge, Web.Instance instance, ILogger<RappelsRapportsJob> log)
    : Web.TachePeriodique(scopes, horloge, instance, log)
{
    protected override string Nom => "rappels-rapports-financiers";
    protected override TimeSpan Periode => TimeSpan.FromHours(24);

    protected override async Task ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var n = await RappelsRapports.ExecuterAsync(services.GetRequiredService<AppDbContext>(), Horloge, ct);
        if (n > 0) Journal.LogInformation("{Nombre} rappels de comptes rendus financiers mis en file", n);
    }
}
