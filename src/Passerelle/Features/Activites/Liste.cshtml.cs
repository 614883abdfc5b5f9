using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Activites;

public sealed class ListeModel(AppDbContext db) : PageModel
{
    public sealed record Ligne(int Id, DateOnly Date, string Type, int Duree, string Lieu, string? Themes, int Accompagnements);
    public List<Ligne> Activites { get; private set; } = [];
    public bool SansFiche { get; private set; }
    public string? Message { get; private set; }
    public int TotalAccompagnements { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var mediateur = await ActivitesApi.MediateurAsync(db, User, ct);
        if (mediateur is null) { SansFiche = true; return; }
        var liste = await db.Activites.AsNoTracking().Where(a => a.MediateurId == mediateur).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(200)
            .Select(a => new { a.Id, a.Date, a.Type, a.DureeMinutes, Lieu = a.Lieu != null ? a.Lieu.Nom : a.TypeLieu + (a.Commune != null ? " (" + a.Commune + ")" : ""), a.Themes, a.ParticipantsAnonymes, a.ParticipantsNommes })
            .ToListAsync(ct);
        Activites = liste.Select(a => new Ligne(a.Id, a.Date, a.Type, a.DureeMinutes, a.Lieu, a.Themes?.Replace("|", ", "),
            a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1)).ToList();
        TotalAccompagnements = Activites.Sum(a => a.Accompagnements);
    }
}
