using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Notifications;

/// <summary>The outbox, as the administrator sees it: in demo mode, what would have been sent.</summary>
public sealed class ListeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public EtatNotification? Etat { get; set; }
    public List<Notification> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Notifications.AsNoTracking();
        if (Etat is not null) q = q.Where(n => n.Etat == Etat);
        Notifications = await q.OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
    }
}
