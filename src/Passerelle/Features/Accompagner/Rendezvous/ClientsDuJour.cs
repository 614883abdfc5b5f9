using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Which clients have already been counted today for a place and motif, so that repeating a search (or scripting it) does
/// not move a commune in the priority ranking. Keeps only salted hashes (HMAC-SHA256 truncated to 128 bits) of (client, place,
/// motif) in memory: the salt is random, drawn again at each Paris-local day change with the set emptied, never written anywhere;
/// no IP is stored. The client is the peer address as the forwarded-headers middleware gives it behind the configured proxy: an IPv4
/// address whole (an IPv4-mapped IPv6 address read as its IPv4), an IPv6 address by its /56 prefix (<see cref="PrefixeIpv6"/>), no address at all as one shared client. At most <see cref="Capacite"/> entries a day, <see cref="ParClient"/> counts per
/// client a day and <see cref="ParCle"/> counts per place and motif a day; beyond them searches are not counted; reaching the
/// capacity is logged once a day, a place's cap once a day per place and motif. Per instance: with several instances a client can be counted once on each.</summary>
/// <param name="journal">Where the limits reached are reported (a warning, once a day each).</param>
/// <param name="capacite">Entries held a day, at most; <see cref="Capacite"/> unless a test sets a small one.</param>
public sealed class ClientsDuJour(ILogger<ClientsDuJour>? journal = null, int capacite = ClientsDuJour.Capacite)
{
    /// <summary>Bits of an IPv6 address that make one client: a /56, what French home subscribers are commonly given (some a /60),
    /// so that the /64s of one subscriber are one client while the households of an operator's /48 stay apart.</summary>
    public const int PrefixeIpv6 = 56;
    /// <summary>Entries (client, place, motif) held for a day, at most (≈ 4 MB).</summary>
    public const int Capacite = 200_000;
    /// <summary>Counts a client may add in a day, at most (a person searches a few communes; a script many).</summary>
    public const int ParClient = 30;
    /// <summary>Counts one place and motif may receive in a day on one instance, at most: about what the largest commune (Paris) can
    /// plausibly see (ADR 0037), so that a holder of many addresses cannot push one place up the ranking without bound.</summary>
    public const int ParCle = 2_000;

    readonly Lock _verrou = new();
    readonly HashSet<UInt128> _vus = [];
    readonly Dictionary<UInt128, int> _parClient = [];
    readonly Dictionary<(string, int), int> _parCle = [];
    byte[] _sel = RandomNumberGenerator.GetBytes(32);
    DateOnly _jour;
    bool _capaciteSignalee;

    /// <summary>True the first time today this client searches this place for this motif, and within the limits; then remembered.</summary>
    public bool Premiere(IPAddress? adresse, string cle, int motif, DateOnly jour)
    {
        var client = Identite(adresse);
        lock (_verrou)
        {
            // A request that read the day just before midnight and arrives after the change is not counted: the day only moves forward.
            if (jour < _jour) return false;
            if (jour > _jour)
            {
                _jour = jour;
                _sel = RandomNumberGenerator.GetBytes(32);
                _vus.Clear();
                _parClient.Clear();
                _parCle.Clear();
                _capaciteSignalee = false;
            }
            var c = Empreinte(client);
            var n = _parClient.GetValueOrDefault(c);
            if (n >= ParClient) return false;
            if (_vus.Count >= capacite)
            {
                if (!_capaciteSignalee) journal?.LogWarning("Compteur des recherches : {Capacite} entrées atteintes aujourd'hui sur cette instance, les recherches suivantes ne sont plus comptées jusqu'à demain.", capacite);
                _capaciteSignalee = true;
                return false;
            }
            var e = Empreinte($"{client}\n{cle}\n{motif}");
            if (_vus.Contains(e)) return false;
            var k = _parCle.GetValueOrDefault((cle, motif));
            if (k >= ParCle)
            {
                // Logged once per place and motif a day: the count is then held one above the cap.
                if (k == ParCle) journal?.LogWarning("Compteur des recherches : {Cle} (motif {Motif}) a reçu {Plafond} recherches aujourd'hui sur cette instance, les suivantes pour ce lieu ne sont plus comptées jusqu'à demain (avertissement donné une fois par jour et par lieu).", cle, motif, ParCle);
                _parCle[(cle, motif)] = ParCle + 1;
                return false;
            }
            _vus.Add(e);
            _parClient[c] = n + 1;
            _parCle[(cle, motif)] = k + 1;
            return true;
        }
    }

    /// <summary>The client as counted: « ? » without address, an IPv4 whole, an IPv6 by its /56 (<see cref="Web.AdresseClient"/>).</summary>
    internal static string Identite(IPAddress? a) => Web.AdresseClient.Cle(a, PrefixeIpv6, "?");

    UInt128 Empreinte(string texte) => BinaryPrimitives.ReadUInt128LittleEndian(HMACSHA256.HashData(_sel, Encoding.UTF8.GetBytes(texte)));
}
