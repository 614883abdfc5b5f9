using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Comptes;

/// <summary>The "Mot de passe oublié ?" requests, answered at once and handled in the background: the page only puts
/// the typed address in this queue, so its answer takes the same time whether an account exists or not (looking the
/// account up, making the link and writing the message happen later, in <see cref="DemandesMotDePasseJob"/>). At most
/// 1 000 requests wait; beyond, new ones are dropped (the page is rate-limited per address, 20 a minute).</summary>
public sealed class DemandesMotDePasse
{
    readonly Channel<string> _file = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    long _recues;

    /// <summary>Requests received since start, known addresses or not.</summary>
    public long Recues => Interlocked.Read(ref _recues);

    public ChannelReader<string> Lecteur => _file.Reader;

    public void Deposer(string email)
    {
        Interlocked.Increment(ref _recues);
        _file.Writer.TryWrite(email.Trim());
    }

    /// <summary>One request: an account with a password gets a reset link, an account still waiting for its invitation a
    /// fresh invitation, a deactivated or unknown address nothing. The message goes to the outbox.</summary>
    public static async Task TraiterAsync(AppDbContext db, UserManager<IdentityUser> users, NotificationsOptions options, TimeProvider horloge, string email, CancellationToken ct)
    {
        var u = await users.FindByEmailAsync(email);
        if (u is null || Comptes.EstDesactive(u)) return;
        var invitation = !await users.HasPasswordAsync(u);
        await Inviter.PlanifierLienAsync(db, users, u, invitation ? JetonsComptes.Invitation : UserManager<IdentityUser>.ResetPasswordTokenPurpose, options, horloge.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Empties <see cref="DemandesMotDePasse"/>, one request at a time, each in its own scope.</summary>
public sealed class DemandesMotDePasseJob(DemandesMotDePasse demandes, IServiceScopeFactory scopes, ILogger<DemandesMotDePasseJob> journal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await foreach (var email in demandes.Lecteur.ReadAllAsync(ct))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sp = scope.ServiceProvider;
                await DemandesMotDePasse.TraiterAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<UserManager<IdentityUser>>(),
                    sp.GetRequiredService<NotificationsOptions>(), sp.GetRequiredService<TimeProvider>(), email, ct);
            }
            // The address is personal data: it stays out of the log.
            catch (Exception e) when (e is not OperationCanceledException) { journal.LogError(e, "Une demande de mot de passe oublié n'a pas pu être traitée."); }
        }
    }
}
