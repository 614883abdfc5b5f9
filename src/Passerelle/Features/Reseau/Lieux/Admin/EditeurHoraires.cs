using System.Text.RegularExpressions;
using Passerelle.Features.Reseau.Horaires;

namespace Passerelle.Features.Reseau.Lieux.Admin;

/// <summary>One weekday of the hours editor: a morning and an afternoon range, as typed.</summary>
public sealed class JourSaisi
{
    public string? Debut1 { get; set; }
    public string? Fin1 { get; set; }
    public string? Debut2 { get; set; }
    public string? Fin2 { get; set; }
}

/// <summary>The day-by-day hours editor of the place form: fills it from an opening_hours value and composes the value
/// back from the fields, on the server, so that it works without JavaScript.</summary>
public static partial class EditeurHoraires
{
    public static JourSaisi[] Vide() => [.. Enumerable.Range(0, 7).Select(_ => new JourSaisi())];

    /// <summary>The editor's fields for these hours; null when they say more than the editor can show.</summary>
    public static JourSaisi[]? Remplir(HorairesOsm horaires)
    {
        if (horaires.PourEditeur() is not { } jours) return null;
        return [.. jours.Select(j => new JourSaisi
        {
            Debut1 = j.Count > 0 ? Hm(j[0].Debut) : null, Fin1 = j.Count > 0 ? Hm(j[0].Fin) : null,
            Debut2 = j.Count > 1 ? Hm(j[1].Debut) : null, Fin2 = j.Count > 1 ? Hm(j[1].Fin) : null,
        })];
    }

    /// <summary>The opening_hours value of the fields (null when every day is empty), or a French message naming the day at fault.</summary>
    public static (string? Osm, string? Erreur) Composer(JourSaisi[]? jours, bool fermeJoursFeries)
    {
        var plages = new List<HorairesOsm.Plage>[7];
        for (var i = 0; i < 7; i++)
        {
            plages[i] = [];
            var j = jours is not null && i < jours.Length ? jours[i] : null;
            if (j is null) continue;
            foreach (var (d, f, moment) in new[] { (j.Debut1, j.Fin1, "le matin"), (j.Debut2, j.Fin2, "l'après-midi") })
            {
                if (string.IsNullOrWhiteSpace(d) && string.IsNullOrWhiteSpace(f)) continue;
                var nom = HorairesOsm.NomsJours[i].ToLowerInvariant();
                if (string.IsNullOrWhiteSpace(d) || string.IsNullOrWhiteSpace(f)) return (null, $"Horaires du {nom} {moment} : indiquez l'ouverture et la fermeture.");
                if (Lire(d) is not { } debut || Lire(f) is not { } fin) return (null, $"Horaires du {nom} {moment} : heure mal écrite (par exemple 09:00 ou 14h30).");
                if (fin <= debut) return (null, $"Horaires du {nom} {moment} : la fermeture doit suivre l'ouverture.");
                if (plages[i].Count > 0 && debut < plages[i][^1].Fin) return (null, $"Horaires du {nom} : l'après-midi doit commencer après la fin du matin.");
                plages[i].Add(new HorairesOsm.Plage(debut, fin));
            }
        }
        return (HorairesOsm.Ecrire(plages, fermeJoursFeries), null);
    }

    static string Hm(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    /// <summary>"09:00", "9:00", "9h", "9h30", "9" (browsers without a time picker send what was typed).</summary>
    static int? Lire(string texte)
    {
        var m = HeureRegex().Match(texte.Trim());
        if (!m.Success) return null;
        var h = int.Parse(m.Groups[1].Value);
        var mn = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : 0;
        return h > 24 || mn > 59 || (h == 24 && mn > 0) ? null : h * 60 + mn;
    }

    [GeneratedRegex(@"^(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?$")]
    private static partial Regex HeureRegex();
}
