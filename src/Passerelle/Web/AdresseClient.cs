using System.Net;
using System.Net.Sockets;

namespace Passerelle.Web;

/// <summary>The key by which rate limits, sign-in delays and the search counter recognise a client from its peer address (as the
/// forwarded-headers middleware gives it behind a configured proxy). An IPv4 address is kept whole and an IPv4-mapped IPv6 address read as
/// its IPv4; an IPv6 address is read by a prefix, because one subscriber is given at least a /64 (RFC 6177 recommends up to a /48 per
/// site) and could otherwise change address at each request; no address at all is one shared client.</summary>
public static class AdresseClient
{
    /// <summary>The prefix of the rate limits and sign-in delays: one subscriber's network.</summary>
    public const int PrefixeLimites = 64;

    /// <param name="a">The peer address; null when the server has none (tests, some hosting).</param>
    /// <param name="prefixeIpv6">Bits of an IPv6 address kept, a multiple of 8 from 8 to 128.</param>
    /// <param name="sansAdresse">The key of a request without an address.</param>
    /// <returns>The address text with the bits beyond the prefix set to zero (« 2001:db8:1:: » for a /48).</returns>
    public static string Cle(IPAddress? a, int prefixeIpv6 = PrefixeLimites, string sansAdresse = "local")
    {
        if (a is null) return sansAdresse;
        if (a.IsIPv4MappedToIPv6) return a.MapToIPv4().ToString();
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return a.ToString();
        var octets = a.GetAddressBytes();
        Array.Clear(octets, prefixeIpv6 / 8, 16 - prefixeIpv6 / 8);
        return new IPAddress(octets).ToString();
    }
}
