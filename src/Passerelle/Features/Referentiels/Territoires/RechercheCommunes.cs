using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>What a typed commune designates: the search key of its name (<see cref="RechercheCommunes.Cle"/>) and, for a
/// municipal arrondissement (« Marseille 3e ») or a typed postcode, the postcode.</summary>
public sealed record CommuneSaisie(string? Cle, string? CodePostal)
{
    /// <summary>The key with its words kept apart (« saint victoret »), to match a commune by its first words (« aix » → Aix-en-Provence).</summary>
    public string? Mots { get; init; }
}

/// <summary>What a typed text designates in the reference (<see cref="RechercheCommunes.DesigneeAsync"/>): <see cref="Cle"/> is the
/// postcode when one was typed, else the INSEE code of the one commune or arrondissement named; <see cref="Communes"/> the communes
/// (or arrondissements) it covers.</summary>
public sealed record CommuneDesignee(string Cle, string? CodePostal, IReadOnlyList<Commune> Communes);

/// <summary>Forgiving commune search, for the directory's commune filter and the communes autocomplete: ignores case, accents,
/// hyphens, apostrophes and spaces; reads « St »/« Ste » as « Saint »/« Sainte »; takes a postcode (« 13003 ») or its beginning;
/// reads Marseille's, Lyon's and Paris's arrondissements as « Marseille 3e », « Marseille 3 », « Marseille 03 »,
/// « Marseille 3ème arrondissement » (COG names « Marseille 3e Arrondissement »; postcodes 130NN, 6900N, 750NN).</summary>
public static partial class RechercheCommunes
{
    /// <summary>Keys of reference names only (communes, places' communes), never of typed text: what people type in a search is
    /// not kept, not even in memory (the personal-data page says so).</summary>
    static readonly ConcurrentDictionary<string, string> Cles = new();

    /// <summary>The comparison key: « Saint-Rémy-de-Provence », « st remy de provence » and « ST-REMY-DE-PROVENCE » →
    /// « saintremydeprovence »; « Marseille 3e Arrondissement » and « marseille 03 » → « marseille3 ».</summary>
    public static string Cle(string? texte) => Mots(texte).Replace(" ", "");

    /// <summary><see cref="Cle"/> with its words separated by one space (« saint remy de provence », « marseille 3 »).</summary>
    public static string Mots(string? texte) => Normaliser(texte, false);

    /// <summary><see cref="Mots"/> of a name of the reference or of a place, kept in a bounded cache (the directory compares every
    /// place's commune at each request).</summary>
    static string MotsReference(string? nom) => Normaliser(nom, true);

    static string Normaliser(string? texte, bool garder)
    {
        if (string.IsNullOrWhiteSpace(texte)) return "";
        if (texte.Length > 200) texte = texte[..200];
        return !garder || Cles.Count > 100_000 ? Calculer(texte) : Cles.GetOrAdd(texte, Calculer);

        static string Calculer(string t)
        {
            var mots = Texte.Normaliser(t.Replace('.', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var resultat = new List<string>(mots.Count);
            for (var i = 0; i < mots.Count; i++)
            {
                var m = mots[i];
                if (m == "st") m = "saint";
                else if (m == "ste") m = "sainte";
                else if (i > 0 && Rang().Match(m) is { Success: true } r) m = int.Parse(r.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
                else if (i > 0 && m is "arrondissement" or "arr" or "e" or "eme" or "er" or "ieme") continue;
                resultat.Add(m);
            }
            return string.Join(' ', resultat);
        }
    }

    [GeneratedRegex("^0*([0-9]{1,2})(e|er|eme|ieme|em)?$")]
    private static partial Regex Rang();

    [GeneratedRegex("^(marseille|lyon|paris)([0-9]{1,2})$")]
    private static partial Regex Arrondissement();

    /// <summary>Reads a typed commune filter: a 5-digit postcode, an arrondissement (« Marseille 3e » → key « marseille »,
    /// postcode 13003), or a name key. Null parts mean « no filter ».</summary>
    public static CommuneSaisie Interpreter(string? saisie)
    {
        var t = saisie?.Trim() ?? "";
        if (t.Length == 0) return new(null, null);
        if (t.Length == 5 && t.All(char.IsAsciiDigit)) return new(null, t);
        var cle = Cle(t);
        if (Arrondissement().Match(cle) is { Success: true } a)
        {
            var n = int.Parse(a.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var cp = a.Groups[1].Value switch
            {
                "marseille" when n is >= 1 and <= 16 => $"130{n:00}",
                "lyon" when n is >= 1 and <= 9 => $"6900{n}",
                "paris" when n is >= 1 and <= 20 => $"750{n:00}",
                _ => null,
            };
            if (cp is not null) return new(a.Groups[1].Value, cp) { Mots = a.Groups[1].Value };
        }
        return new(cle, null) { Mots = Mots(t) };
    }

    /// <summary>Does a place's commune name match what was typed? Same key, or the typed words are its first words
    /// (« Marseille » matches « Marseille 3e Arrondissement », « Aix » matches « Aix-en-Provence »).</summary>
    public static bool Correspond(string communeDuLieu, CommuneSaisie saisie)
    {
        if (saisie.Cle is null) return true;
        var mots = MotsReference(communeDuLieu);
        return mots.Replace(" ", "") == saisie.Cle || (saisie.Mots is { Length: > 0 } m && mots.StartsWith(m + " ", StringComparison.Ordinal));
    }

    /// <summary>Ranks the communes a typed text designates, best first, at most <paramref name="max"/>: a postcode or its
    /// beginning (2 to 5 digits) matches the communes serving it, an exact postcode first, then an INSEE code's commune,
    /// arrondissements before communes; a text
    /// matches the key exactly, then at its beginning, then inside; ties by population, largest first.</summary>
    public static List<Commune> Chercher(IEnumerable<Commune> communes, string? saisie, int max = 10)
    {
        var t = saisie?.Trim() ?? "";
        if (t.Length < 2 || t.Length > 100) return [];
        if (t.All(char.IsAsciiDigit))
            return communes.Where(c => c.CodeInsee == t || c.CodesPostaux.Split('|').Any(cp => cp.StartsWith(t, StringComparison.Ordinal)))
                // People type postcodes, not INSEE codes: « 13003 » is Marseille 3e (postcode) before Alleins (INSEE code 13003).
                .OrderBy(c => c.CodesPostaux.Split('|').Contains(t) ? 0 : c.CodeInsee == t ? 1 : 2).ThenBy(c => c.Type == Commune.TypeArrondissement ? 0 : 1)
                .ThenByDescending(c => c.Population ?? 0).ThenBy(c => c.CodeInsee, StringComparer.Ordinal).Take(max).ToList();
        var cle = Cle(t);
        if (cle.Length == 0) return [];
        return communes.Select(c => (c, k: c.NomRecherche.Length > 0 ? c.NomRecherche : MotsReference(c.Nom).Replace(" ", "")))
            .Select(x => (x.c, rang: x.k == cle ? 0 : x.k.StartsWith(cle, StringComparison.Ordinal) ? 1 : x.k.Contains(cle, StringComparison.Ordinal) ? 2 : 3))
            .Where(x => x.rang < 3).OrderBy(x => x.rang).ThenByDescending(x => x.c.Population ?? 0).ThenBy(x => x.c.CodeInsee, StringComparer.Ordinal)
            .Take(max).Select(x => x.c).ToList();
    }

    /// <summary>The same ranking against the database's reference (<c>Communes</c> table): candidates are narrowed in SQL by the
    /// key's first three characters or the postcode, then ranked in memory.</summary>
    public static async Task<List<Commune>> ChercherAsync(AppDbContext db, string? saisie, int max, CancellationToken ct)
    {
        var t = saisie?.Trim() ?? "";
        if (t.Length < 2 || t.Length > 100) return [];
        IQueryable<Commune> q = db.Set<Commune>().AsNoTracking();
        if (t.All(char.IsAsciiDigit)) q = q.Where(c => c.CodeInsee == t || c.CodesPostaux.Contains(t));
        else
        {
            var cle = Cle(t);
            if (cle.Length == 0) return [];
            var debut = cle[..Math.Min(3, cle.Length)];
            q = q.Where(c => c.NomRecherche.Contains(debut));
        }
        return Chercher(await q.Take(5000).ToListAsync(ct), t, max);
    }

    /// <summary>What a typed text designates without doubt, or null: a 5-digit postcode that a commune of the reference serves; else
    /// the one commune or arrondissement whose name key (<see cref="Cle"/>) equals the text's (« St Chamas », « marseille 3e »), else
    /// the only one whose key begins with it (3 characters at least: « Port St Louis »). Anything else — unknown, ambiguous, an address,
    /// an e-mail — is null. Two indexed reads of <c>Communes</c> at most (the public search runs it on every search).</summary>
    public static async Task<CommuneDesignee?> DesigneeAsync(AppDbContext db, string? saisie, CancellationToken ct)
    {
        var t = saisie?.Trim() ?? "";
        if (t.Length < 2 || t.Length > 100) return null;
        var communes = db.Set<Commune>().AsNoTracking();
        if (t.Length == 5 && t.All(char.IsAsciiDigit))
        {
            var servies = (await communes.Where(c => c.CodesPostaux.Contains(t)).Take(200).ToListAsync(ct))
                .Where(c => c.CodesPostaux.Split('|').Contains(t)).ToList();
            return servies.Count == 0 ? null : new(t, t, servies);
        }
        var cle = Cle(t);
        if (cle.Length < 2) return null;
        var retenues = await communes.Where(c => c.NomRecherche == cle).Take(2).ToListAsync(ct);
        if (retenues.Count == 0 && cle.Length >= 3) retenues = await communes.Where(c => c.NomRecherche.StartsWith(cle)).Take(2).ToListAsync(ct);
        return retenues is [var seule] ? new(seule.CodeInsee, null, [seule]) : null;
    }
}
