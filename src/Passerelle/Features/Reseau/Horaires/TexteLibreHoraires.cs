using System.Text.RegularExpressions;

namespace Passerelle.Features.Reseau.Horaires;

/// <summary>Proposes an opening_hours value for hours written in French ("du lundi au vendredi 9h-12h et 14h-17h, samedi 9h30-12h").
/// Only a proposal: the person checks it in the day-by-day editor before saving.</summary>
public static partial class TexteLibreHoraires
{
    static readonly string[][] NomsJours =
    [
        ["lundi", "lun"], ["mardi", "mar"], ["mercredi", "mer"], ["jeudi", "jeu"], ["vendredi", "ven"], ["samedi", "sam"], ["dimanche", "dim"],
    ];

    public static string? Proposer(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte) || texte.Length > 1000) return null;
        var t = SansAccents(texte.Replace('–', '-').Replace('—', '-').Replace('’', '\'').ToLowerInvariant());
        var jours = new List<HorairesOsm.Plage>[7];
        for (var i = 0; i < 7; i++) jours[i] = [];
        var courants = new List<int>();
        var plagesDepuisJours = false;
        int? debutIntervalle = null;
        foreach (Match m in JetonRegex().Matches(t))
        {
            if (m.Groups["ferme"].Success) { courants = []; plagesDepuisJours = false; debutIntervalle = null; }
            else if (m.Groups["jour"].Success)
            {
                var j = Array.FindIndex(NomsJours, n => n.Contains(m.Groups["jour"].Value));
                if (plagesDepuisJours) { courants = []; plagesDepuisJours = false; }
                if (debutIntervalle is { } a)
                {
                    for (var k = (a + 1) % 7; k != j; k = (k + 1) % 7) courants.Add(k);
                    debutIntervalle = null;
                }
                courants.Add(j);
                if (m.Groups["jusqua"].Success) debutIntervalle = j;
            }
            else if (m.Groups["h1"].Success)
            {
                if (courants.Count == 0) return null;
                int? debut = Minutes(m.Groups["h1"].Value, m.Groups["m1"].Value), fin = Minutes(m.Groups["h2"].Value, m.Groups["m2"].Value);
                if (debut is null || fin is null || fin <= debut) return null;
                foreach (var j in courants.Distinct()) jours[j].Add(new HorairesOsm.Plage(debut.Value, fin.Value));
                plagesDepuisJours = true;
            }
        }
        var osm = HorairesOsm.Ecrire(jours, fermeJoursFeries: t.Contains("ferie"));
        return osm is not null && HorairesOsm.TryParse(osm, out _, out _) ? osm : null;
    }

    static string SansAccents(string s) => new([.. s.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);

    static int? Minutes(string h, string m)
    {
        var heures = int.Parse(h);
        var minutes = m.Length == 0 ? 0 : int.Parse(m);
        return heures > 24 || minutes > 59 || (heures == 24 && minutes > 0) ? null : heures * 60 + minutes;
    }

    // A day name (followed by "au" or "-" for a span), or a time range "9h-12h", "09:00 - 12:30", "9h30 a 12h".
    [GeneratedRegex(@"(?<ferme>\bferme(?:e|es|s)?\b)|(?<jour>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\b\.?(?<jusqua>\s*(?:au|a|-)\s*(?=lun|mar|mer|jeu|ven|sam|dim))?|(?<h1>\d{1,2})\s*(?:h|:)(?<m1>\d{2})?\s*(?:-|a|au|jusqu.?a)\s*(?<h2>\d{1,2})\s*(?:(?:h|:)(?<m2>\d{2})?)?")]
    private static partial Regex JetonRegex();
}
