using System.Text.RegularExpressions;

namespace Passerelle.Features.Referentiels;

/// <summary>French identifiers: SIRET (14 digits, Luhn key — INSEE, répertoire SIRENE; La Poste's establishments, SIREN
/// 356000000, use a digit sum multiple of 5), RNA (répertoire national des associations: « W » and 9 characters), phone numbers
/// in the places standard's international form (E.164, overseas prefixes of the ARCEP numbering plan).</summary>
public static partial class Identifiants
{
    public static bool SiretValide(string? siret)
    {
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit)) return false;
        // La Poste's establishments follow another rule (sum of digits multiple of 5).
        if (siret.StartsWith("356000000")) return siret.Sum(c => c - '0') % 5 == 0;
        var somme = 0;
        for (var i = 0; i < 14; i++)
        {
            var chiffre = siret[13 - i] - '0';
            if (i % 2 == 1) { chiffre *= 2; if (chiffre > 9) chiffre -= 9; }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    /// <summary>SCDL's <c>french-siret-value</c> check (Validata, after <c>stdnum.fr.siret</c>): 14 digits once spaces and dots are
    /// removed; Luhn key on the 14 digits <b>and</b> on the 9-digit SIREN part; La Poste's establishments (SIREN 356000000, all but
    /// the head office 35600000000048) instead need a digit sum multiple of 5. Stricter than <see cref="SiretValide"/>, which
    /// does not check the SIREN key.</summary>
    public static bool SiretScdlValide(string? siret)
    {
        if (siret is null) return false;
        var s = siret.Replace(" ", "").Replace(".", "").Trim();
        if (s.Length != 14 || !s.All(char.IsAsciiDigit)) return false;
        if (s.StartsWith("356000000") && s != "35600000000048") return s.Sum(c => c - '0') % 5 == 0;
        return Luhn(s) && Luhn(s[..9]);
    }

    /// <summary>Luhn key (ISO/IEC 7812) over a string of ASCII digits.</summary>
    public static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var chiffre = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1) { chiffre *= 2; if (chiffre > 9) chiffre -= 9; }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    public static bool RnaValide(string? rna) => rna is not null && RnaRegex().IsMatch(rna);

    static readonly (string Prefixe, string Indicatif)[] OutreMer =
    [
        ("0590", "+590"), ("0690", "+590"), ("0691", "+590"), ("0594", "+594"), ("0694", "+594"),
        ("0262", "+262"), ("0263", "+262"), ("0692", "+262"), ("0693", "+262"), ("0269", "+262"), ("0639", "+262"),
        ("0596", "+596"), ("0696", "+596"), ("0697", "+596"), ("0508", "+508"),
    ];

    /// <summary>Returns the number as the standard writes it (+33180059880), or null if it is not one.</summary>
    public static string? TelephoneInternational(string telephone)
    {
        var t = new string(telephone.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
        if (t.StartsWith("0033")) t = "+33" + t[4..];
        if (t.StartsWith("+330")) t = "+33" + t[4..];
        if (t.Length == 10 && t[0] == '0' && t.All(char.IsAsciiDigit))
        {
            var indicatif = OutreMer.FirstOrDefault(o => t.StartsWith(o.Prefixe)).Indicatif ?? "+33";
            t = indicatif + t[1..];
        }
        return TelephoneRegex().IsMatch(t) ? t : null;
    }

    /// <summary>A stored number for reading: "+33442443000" → "04 42 44 30 00"; other numbers (overseas, foreign) as stored.</summary>
    public static string TelephoneAffiche(string t)
    {
        if (!t.StartsWith("+33") || t.Length != 12) return t;
        var national = "0" + t[3..];
        return string.Join(" ", Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2)));
    }

    [GeneratedRegex(@"^W[0-9A-Z]{9}$")] private static partial Regex RnaRegex();
    [GeneratedRegex(@"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$")] private static partial Regex TelephoneRegex();
}
