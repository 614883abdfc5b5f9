using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Which clients have already been counted today for a place and motif, so that repeating a search (or scripting it) does
/// not move a commune in the priority ranking. Keeps only salted hashes (HMAC-SHA256 truncated to 128 bits) of (client, place,
/// motif) in memory: the salt is random, drawn again at each Paris-local day change with the set emptied, never written anywhere;
/// no IP is stored. The client is the peer address as the forwarded-headers middleware gives it behind the configured proxy, an IPv6
/// address read by its /64 prefix. At most <see cref="Capacite"/> entries a day and <see cref="ParClient"/> counts per client a day;
/// beyond them searches are not counted. Per instance: with several instances a client can be counted once on each.</summary>
public sealed class ClientsDuJour
{
    /// <summary>Entries (client, place, motif) held for a day, at most (≈ 4 MB).</summary>
    public const int Capacite = 200_000;
    /// <summary>Counts a client may add in a day, at most (a person searches a few communes; a script many).</summary>
    public const int ParClient = 30;

    readonly Lock _verrou = new();
    readonly HashSet<UInt128> _vus = [];
    readonly Dictionary<UInt128, int> _parClient = [];
    byte[] _sel = RandomNumberGenerator.GetBytes(32);
    DateOnly _jour;

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
            }
            var c = Empreinte(client);
            var n = _parClient.GetValueOrDefault(c);
            if (n >= ParClient || _vus.Count >= Capacite || !_vus.Add(Empreinte($"{client}\n{cle}\n{motif}"))) return false;
            _parClient[c] = n + 1;
            return true;
        }
    }

    static string Identite(IPAddress? a)
    {
        if (a is null) return "?";
        if (a.IsIPv4MappedToIPv6) return a.MapToIPv4().ToString();
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return a.ToString();
        var octets = a.GetAddressBytes();
        Array.Clear(octets, 8, 8);
        return new IPAddress(octets).ToString();
    }

    UInt128 Empreinte(string texte) => BinaryPrimitives.ReadUInt128LittleEndian(HMACSHA256.HashData(_sel, Encoding.UTF8.GetBytes(texte)));
}
