using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>Standard §4 (« notify the person ahead of the end date; the renewal review happens before »): from an open enrolment's review
/// date (<see cref="Adhesion.RevueLe"/>, the programme's <see cref="ProgrammeConnexion.RevueJoursAvantFin"/> days before its end), one
/// reminder goes to the person through the outbox (e-mail and SMS from their file), dropped unsent after the end. Each review date is
/// claimed by one conditional UPDATE of <see cref="Adhesion.RappelRevuePour"/>, so two runs never send it twice; a renewal moves the
/// review date and the next one gets its own reminder. A person without e-mail or phone gets nothing; the review date stays on the
/// programme's page.</summary>
public static class RappelsRevue
{
    public const string TypeAvis = "revue_connexion";

    /// <returns>Enrolments whose reminder was put in the outbox.</returns>
    public static async Task<int> ExecuterAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var dues = await db.Set<Adhesion>().AsNoTracking()
            .Where(a => (a.Statut == StatutsAdhesion.Active || a.Statut == StatutsAdhesion.Suspendue) && a.EffaceeLe == null && a.RevueLe <= aujourdhui && a.Fin >= aujourdhui
                && (a.RappelRevuePour == null || a.RappelRevuePour != a.RevueLe))
            .OrderBy(a => a.Id).Take(1000)
            .Select(a => new { a.Id, a.ProgrammeId, a.RevueLe, a.Fin, a.BeneficiaireId, a.StructureId }).ToListAsync(ct);
        var n = 0;
        foreach (var a in dues)
        {
            var programme = await db.Set<ProgrammeConnexion>().AsNoTracking().Where(p => p.Id == a.ProgrammeId).Select(p => p.Nom).FirstAsync(ct);
            var structure = await db.Structures.AsNoTracking().Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefaultAsync(ct) ?? "votre structure";
            var contact = a.BeneficiaireId is { } b
                ? await db.Beneficiaires.AsNoTracking().Where(x => x.Id == b).Select(x => new Avis.Contact(x.Courriel, x.Telephone)).FirstOrDefaultAsync(ct)
                : null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var revue = a.RevueLe;
            var pris = await db.Set<Adhesion>().Where(x => x.Id == a.Id && (x.RappelRevuePour == null || x.RappelRevuePour != revue))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.RappelRevuePour, (DateOnly?)revue), ct);
            if (pris == 0) continue;
            if (contact is not null && (contact.Email ?? contact.Telephone) is not null)
            {
                var sujet = $"Votre connexion solidaire se termine le {a.Fin:dd/MM/yyyy} : prenez rendez-vous avec {structure}";
                var corps = $"Bonjour,\n\nVotre adhésion au programme « {programme} » se termine le {a.Fin:dd/MM/yyyy}.\n" +
                    $"Avant cette date, {structure} fait le point avec vous : renouvellement si vous y avez encore droit (apportez un justificatif récent), " +
                    "ou passage à une offre que vous payez seul(e), en gardant votre numéro.\n\nPrenez rendez-vous dès que possible.\n";
                Avis.PlanifierTexte(db, TypeAvis, contact, sujet, corps, maintenant, TimeZoneInfo.ConvertTimeToUtc(a.Fin.AddDays(1).ToDateTime(TimeOnly.MinValue), Territoire.Zone(null)));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            n++;
        }
        return n;
    }
}
