using System.Data.Common;

/// <summary>A second factor for the bench's administrator: the API refuses an administrator without one (403) and the pages
/// send them to /compte/securite (302), so a bench that signed in without it would time refusals. The key is written where
/// Identity's store keeps it (SQLite or PostgreSQL, the same SQL) and the sign-in sends the code it gives.</summary>
static class DoubleFacteur
{
    /// <summary>Turns two-factor on for the account of that e-mail and gives it a fresh authenticator key; returns the key
    /// (base 32) for <see cref="CodeTotp"/>.</summary>
    public static async Task<string> ActiverAsync(DbConnection c, string email)
    {
        var cle = Base32(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            UPDATE "AspNetUsers" SET "TwoFactorEnabled" = true WHERE "Email" = @email;
            INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value")
            SELECT "Id", '[AspNetUserStore]', 'AuthenticatorKey', @cle FROM "AspNetUsers" WHERE "Email" = @email;
            """;
        foreach (var (nom, valeur) in new[] { ("email", email), ("cle", cle) })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = nom;
            p.Value = valeur;
            cmd.Parameters.Add(p);
        }
        if (await cmd.ExecuteNonQueryAsync() < 2) throw new InvalidOperationException($"Aucun compte {email} : la double authentification n'a pas pu être activée.");
        return cle;
    }

    /// <summary>RFC 4648 base 32 (the authenticator key's form in Identity's store).</summary>
    public static string Base32(byte[] octets)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new System.Text.StringBuilder();
        for (var bit = 0; bit < octets.Length * 8; bit += 5)
        {
            var v = 0;
            for (var k = 0; k < 5; k++) { var b = bit + k; v = (v << 1) | (b < octets.Length * 8 ? (octets[b / 8] >> (7 - b % 8)) & 1 : 0); }
            sb.Append(alphabet[v]);
        }
        return sb.ToString();
    }

    /// <summary>The current 6-digit code of an authenticator key (RFC 6238: HMAC-SHA1 of the 30-second step, dynamic truncation).</summary>
    public static string CodeTotp(string cleBase32)
    {
        var cle = new byte[cleBase32.Length * 5 / 8];
        for (var bit = 0; bit < cle.Length * 8; bit++)
            if ((("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(cleBase32[bit / 5]) >> (4 - bit % 5)) & 1) == 1) cle[bit / 8] |= (byte)(0x80 >> (bit % 8));
        var pas = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(pas);
        var h = System.Security.Cryptography.HMACSHA1.HashData(cle, pas);
        var o = h[^1] & 0x0F;
        return ((((h[o] & 0x7F) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]) % 1_000_000).ToString("D6");
    }
}
