namespace Passerelle.Features.Referentiels;

/// <summary>French public holidays (Code du travail, article L3133-1), with the local ones of Alsace-Moselle (Code du travail
/// L3134-13: Good Friday, 26 December) and of the overseas départements (abolition of slavery, loi n° 83-550 and décret
/// n° 83-1003). Departement: INSEE code (« 57 », « 974 »…), null for the common list.</summary>
public static class JoursFeries
{
    static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, string?), HashSet<DateOnly>> Cache = new();

    public static bool EstFerie(DateOnly date, string? departement) =>
        Cache.GetOrAdd((date.Year, departement), k => Liste(k.Item1, k.Item2)).Contains(date);

    public static HashSet<DateOnly> Liste(int annee, string? departement)
    {
        var paques = Paques(annee);
        var jours = new HashSet<DateOnly>
        {
            new(annee, 1, 1), paques.AddDays(1), new(annee, 5, 1), new(annee, 5, 8),
            paques.AddDays(39), paques.AddDays(50), new(annee, 7, 14), new(annee, 8, 15),
            new(annee, 11, 1), new(annee, 11, 11), new(annee, 12, 25),
        };
        switch (departement)
        {
            case "57" or "67" or "68": jours.Add(paques.AddDays(-2)); jours.Add(new(annee, 12, 26)); break;
            case "971": jours.Add(new(annee, 5, 27)); break;
            case "972": jours.Add(new(annee, 5, 22)); break;
            case "973": jours.Add(new(annee, 6, 10)); break;
            case "974": jours.Add(new(annee, 12, 20)); break;
            case "976": jours.Add(new(annee, 4, 27)); break;
        }
        return jours;
    }

    /// <summary>Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly Paques(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int mois = (h + l - 7 * m + 114) / 31, jour = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, mois, jour);
    }
}
