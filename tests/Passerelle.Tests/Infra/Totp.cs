using System.Security.Cryptography;

namespace Passerelle.Tests.Infra;

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) from the key
/// Passerelle shows on /compte/securite. Identity checks codes against the real clock, so this uses it too.</summary>
public static class Totp
{
    public static string Code(string cleBase32, DateTimeOffset? instant = null)
    {
        var cle = Base32(cleBase32);
        var pas = (instant ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var compteur = BitConverter.GetBytes(pas);
        if (BitConverter.IsLittleEndian) Array.Reverse(compteur);
        var hash = HMACSHA1.HashData(cle, compteur);
        var decalage = hash[^1] & 0x0F;
        var nombre = ((hash[decalage] & 0x7F) << 24) | (hash[decalage + 1] << 16) | (hash[decalage + 2] << 8) | hash[decalage + 3];
        return (nombre % 1_000_000).ToString("D6");
    }

    /// <summary>A 6-digit code that is wrong for sure at <paramref name="instant"/>: none of the steps from 3 minutes
    /// before to 3 minutes after gives it (Identity accepts 2 steps either side). A fixed "000000" would be right by
    /// chance once in a while.</summary>
    public static string CodeFaux(string cleBase32, DateTimeOffset? instant = null)
    {
        var t = instant ?? DateTimeOffset.UtcNow;
        var valides = Enumerable.Range(-6, 13).Select(i => Code(cleBase32, t.AddSeconds(30 * i))).ToHashSet();
        var faux = 0;
        while (valides.Contains(faux.ToString("D6"))) faux++;
        return faux.ToString("D6");
    }

    static byte[] Base32(string texte)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var propre = texte.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var octets = new List<byte>();
        int tampon = 0, bits = 0;
        foreach (var c in propre)
        {
            tampon = (tampon << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { octets.Add((byte)(tampon >> (bits - 8))); bits -= 8; }
        }
        return [.. octets];
    }
}
