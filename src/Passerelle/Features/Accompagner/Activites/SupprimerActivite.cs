using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>Deletes a record of the mediator, with a journal entry.</summary>
public static class SupprimerActivite
{
    public static async Task ExecuterAsync(AppDbContext db, int mediateurId, int id, System.Security.Claims.ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct)
    {
        var a = await db.Activites.FirstOrDefaultAsync(x => x.Id == id && x.MediateurId == mediateurId, ct) ?? throw new KeyNotFoundException("Compte rendu inconnu parmi les vôtres.");
        db.Activites.Remove(a);
        Beneficiaires.AccesBeneficiaires.Journaliser(db, user, horloge.GetUtcNow().UtcDateTime, "Suppression", Beneficiaires.Journal.CompteRendu, id, $"{a.Type} du {a.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }
}
