using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Passerelle.Tests.Infra;

/// <summary>A real SMTP server on a free loopback port, hosted by the test: the app sends to it through MailKit
/// as it would to the territory's server, and the test reads what arrived.</summary>
public sealed class ServeurSmtp : IDisposable
{
    SmtpServer.SmtpServer _serveur = null!;
    CancellationTokenSource _arret = new();
    readonly Boite _boite = new();
    public int Port { get; }

    public ServeurSmtp()
    {
        var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        Port = ((IPEndPoint)ecoute.LocalEndpoint).Port;
        ecoute.Stop();
        Demarrer();
    }

    /// <summary>The server goes down: its port refuses connections until <see cref="Demarrer"/>.</summary>
    public void Arreter()
    {
        _arret.Cancel();
        try { _serveur.ShutdownTask.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { } // cancelled on purpose
    }

    /// <summary>Listens on <see cref="Port"/> (again), keeping what it has received.</summary>
    public void Demarrer()
    {
        _arret = new CancellationTokenSource();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_boite);
        _serveur = new SmtpServer.SmtpServer(options, services);
        _ = _serveur.StartAsync(_arret.Token);
        // Listening before the first message is sent.
        for (var i = 0; i < 100; i++)
        {
            try { using var essai = new TcpClient(); essai.Connect(IPAddress.Loopback, Port); return; }
            catch (SocketException) { Thread.Sleep(50); }
        }
    }

    public IReadOnlyList<MimeMessage> Recus { get { lock (_boite.Messages) return [.. _boite.Messages]; } }

    /// <summary>The last message received for this address.</summary>
    public MimeMessage Dernier(string destinataire) =>
        Recus.Last(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, destinataire, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The first link to the given path in a message's text.</summary>
    public static string Lien(MimeMessage m, string chemin) =>
        System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", "https?://\\S+" + System.Text.RegularExpressions.Regex.Escape(chemin) + "\\S*").Value is { Length: > 0 } l
            ? l : throw new InvalidOperationException($"Aucun lien {chemin} dans : {m.TextBody}");

    // The factory may be disposed twice (sync and async): stopping twice is harmless.
    public void Dispose()
    {
        if (!_arret.IsCancellationRequested) _arret.Cancel();
    }

    sealed class Boite : MessageStore
    {
        public List<MimeMessage> Messages { get; } = [];

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var flux = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(flux, ct);
            lock (Messages) Messages.Add(message);
            return SmtpResponse.Ok;
        }
    }
}
