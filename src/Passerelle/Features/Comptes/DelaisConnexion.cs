using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Passerelle.Features.Comptes;

/// <summary>Settings of the progressive delays between failed sign-ins (section <c>Connexion</c>).</summary>
public sealed class DelaisConnexionOptions
{
    /// <summary>Failures allowed without delay for one account typed from one client address.</summary>
    [Range(1, 100)] public int EssaisLibresParCompte { get; set; } = 5;
    /// <summary>Failures allowed without delay from one client address, all accounts together (offices share an address).</summary>
    [Range(1, 10_000)] public int EssaisLibresParAdresse { get; set; } = 30;
    /// <summary>First delay once the free attempts are used, in seconds; it doubles at each further failure.</summary>
    [Range(1, 3600)] public int PremierDelaiSecondes { get; set; } = 30;
    /// <summary>Longest delay, in minutes.</summary>
    [Range(1, 1440)] public int DelaiMaxMinutes { get; set; } = 15;
}

/// <summary>Failed sign-ins counted in memory per pair (account typed, client address) and per client address; past
/// the free attempts, the next attempt waits 30 s, then 1 min, 2 min… up to 15 min after the last failure. The
/// account itself is never locked: failures from other addresses never delay its owner at their own address. A
/// success clears the pair; a counter without failure for 24 hours is forgotten. The account is the address typed,
/// known or not, so the delays tell nothing about which accounts exist. The client address is the one the app
/// believes (forwarded by a configured proxy, see Web/Production.cs). Counters live in one process: several
/// instances each count their own (the delays multiply, they never vanish).</summary>
public sealed class DelaisConnexion(TimeProvider horloge, IOptions<DelaisConnexionOptions> options)
{
    sealed class Compteur { public int Echecs; public DateTimeOffset Dernier; }

    /// <summary>Time after the last failure past which a counter starts again from zero.</summary>
    public static readonly TimeSpan Oubli = TimeSpan.FromHours(24);
    const int MaxCompteurs = 100_000;

    readonly DelaisConnexionOptions _o = options.Value;
    readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Compteur>> _parCompte = new();
    readonly ConcurrentDictionary<string, Compteur> _parAdresse = new();

    /// <summary>The client address as the app sees it once forwarded headers are applied; "inconnue" when the server gives none.</summary>
    public static string Adresse(HttpContext? http) => Web.AdresseClient.Cle(http?.Connection.RemoteIpAddress, sansAdresse: "inconnue");

    static string Compte(string email) => email.Trim().ToUpperInvariant();

    /// <summary>How long the next attempt for this account from this address must still wait; null when it may proceed now.</summary>
    public TimeSpan? Attente(string email, string adresse)
    {
        var maintenant = horloge.GetUtcNow();
        var paire = _parCompte.TryGetValue(Compte(email), out var adresses) && adresses.TryGetValue(adresse, out var c)
            ? Reste(c, _o.EssaisLibresParCompte, maintenant) : TimeSpan.Zero;
        var parAdresse = _parAdresse.TryGetValue(adresse, out var a) ? Reste(a, _o.EssaisLibresParAdresse, maintenant) : TimeSpan.Zero;
        var reste = paire > parAdresse ? paire : parAdresse;
        return reste > TimeSpan.Zero ? reste : null;
    }

    /// <summary>True when the account waits before its next attempt from at least one address (shown as "verrouillé" to administrators).</summary>
    public bool Ralenti(string email)
    {
        var maintenant = horloge.GetUtcNow();
        return _parCompte.TryGetValue(Compte(email), out var adresses)
            && adresses.Values.Any(c => Reste(c, _o.EssaisLibresParCompte, maintenant) > TimeSpan.Zero);
    }

    public void NoterEchec(string email, string adresse)
    {
        var maintenant = horloge.GetUtcNow();
        if (_parAdresse.Count + _parCompte.Count > MaxCompteurs) Elaguer(maintenant);
        Incrementer(_parCompte.GetOrAdd(Compte(email), _ => new()).GetOrAdd(adresse, _ => new()), maintenant);
        Incrementer(_parAdresse.GetOrAdd(adresse, _ => new()), maintenant);
    }

    /// <summary>A successful sign-in clears the pair (the address's own counter runs on: one valid account must not
    /// open the door to guessing others).</summary>
    public void NoterSucces(string email, string adresse)
    {
        if (_parCompte.TryGetValue(Compte(email), out var adresses)) adresses.TryRemove(adresse, out _);
    }

    /// <summary>An administrator's "Déverrouiller": the account's delays end at every address.</summary>
    public void Oublier(string email) => _parCompte.TryRemove(Compte(email), out _);

    /// <summary>The delay after <paramref name="rang"/> failures beyond the free ones (0 for the first).</summary>
    public TimeSpan Delai(int rang)
    {
        var secondes = _o.PremierDelaiSecondes * Math.Pow(2, Math.Min(rang, 30));
        return TimeSpan.FromSeconds(Math.Min(secondes, _o.DelaiMaxMinutes * 60.0));
    }

    /// <summary>The hint added to the sign-in message: "Réessayez dans 30 secondes." or "… dans 4 minutes.".</summary>
    public static string Conseil(TimeSpan attente)
    {
        var secondes = (int)Math.Ceiling(attente.TotalSeconds);
        return secondes <= 120 ? $"Réessayez dans {secondes} secondes." : $"Réessayez dans {(secondes + 59) / 60} minutes.";
    }

    TimeSpan Reste(Compteur c, int libres, DateTimeOffset maintenant)
    {
        lock (c)
        {
            if (c.Echecs < libres || maintenant - c.Dernier > Oubli) return TimeSpan.Zero;
            var reste = c.Dernier + Delai(c.Echecs - libres) - maintenant;
            return reste > TimeSpan.Zero ? reste : TimeSpan.Zero;
        }
    }

    static void Incrementer(Compteur c, DateTimeOffset maintenant)
    {
        lock (c)
        {
            if (maintenant - c.Dernier > Oubli) c.Echecs = 0;
            c.Echecs++;
            c.Dernier = maintenant;
        }
    }

    /// <summary>Bounds the memory a flood of invented addresses could take: forgotten counters go first.</summary>
    void Elaguer(DateTimeOffset maintenant)
    {
        foreach (var (cle, c) in _parAdresse) if (maintenant - c.Dernier > Oubli) _parAdresse.TryRemove(cle, out _);
        foreach (var (compte, adresses) in _parCompte)
        {
            foreach (var (cle, c) in adresses) if (maintenant - c.Dernier > Oubli) adresses.TryRemove(cle, out _);
            if (adresses.IsEmpty) _parCompte.TryRemove(compte, out _);
        }
    }
}
