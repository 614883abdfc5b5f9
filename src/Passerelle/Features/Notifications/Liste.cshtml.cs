using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Notifications;

/// <summary>The outbox, as the administrator sees it: in demo mode, what would have been sent.</summary>
public sealed partial class ListeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public EtatNotification? Etat { get; set; }
    public List<Notification> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Notifications.AsNoTracking();
        if (Etat is not null) q = q.Where(n => n.Etat == Etat);
        Notifications = await q.OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
    }

    /// <summary>The secret part of every link in a message (booking, invitation, password reset: 20 or more
    /// URL-safe characters in a path segment or a query value) shown as "•••", so that whoever reads the
    /// outbox cannot act in a citizen's or a colleague's place.</summary>
    public static string MasquerLiens(string corps) => LienSecret().Replace(corps, m => m.Groups[1].Value + "•••");

    [System.Text.RegularExpressions.GeneratedRegex(@"(https?://[^\s]*?[/=])[A-Za-z0-9_\-%.]{20,}")]
    private static partial System.Text.RegularExpressions.Regex LienSecret();
}
