using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Reseau.Horaires;

/// <summary>
/// A parsed OpenStreetMap <c>opening_hours</c> value, limited to what real files of the
/// national standard contain: weekday selectors, time ranges, <c>PH</c>, <c>off</c>, <c>24/7</c>.
/// Anything else (months, weeks, comments) is refused so the raw text is shown instead.
/// </summary>
public sealed partial class HorairesOsm
{
    // Minutes since midnight; an end above 1440 spills into the next day.
    public readonly record struct Plage(int Debut, int Fin)
    {
        public override string ToString() => $"{Format(Debut)}–{Format(Fin)}";
        static string Format(int m) => $"{m / 60 % 24:00}:{m % 60:00}";
    }

    static readonly string[] CodesJours = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    public static readonly string[] NomsJours = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];

    // Index 0 = Monday … 6 = Sunday, 7 = public holiday (null = PH not mentioned).
    readonly List<Plage>?[] _jours = new List<Plage>?[8];

    HorairesOsm() { }

    public IReadOnlyList<Plage> Jour(int index) => _jours[index] ?? [];
    public bool JoursFeriesPrecises => _jours[7] is not null;
    public IReadOnlyList<Plage>? JoursFeries => _jours[7];

    public static bool TryParse(string? texte, out HorairesOsm? horaires, out string? erreur)
    {
        horaires = null;
        erreur = null;
        if (string.IsNullOrWhiteSpace(texte)) { erreur = "Horaires vides."; return false; }
        var h = new HorairesOsm();
        var source = texte.Trim();
        if (source.Length > 1000) { erreur = "Horaires trop longs."; return false; }
        foreach (var brute in source.Replace("||", ";").Split(';'))
        {
            var regle = brute.Trim();
            if (regle.Length == 0) continue;
            if (!h.AppliquerRegle(regle, out erreur))
            {
                erreur = $"Règle « {regle} » : {erreur}";
                return false;
            }
        }
        horaires = h;
        return true;
    }

    bool AppliquerRegle(string regle, out string? erreur)
    {
        erreur = null;
        if (regle == "24/7")
        {
            for (var i = 0; i < 7; i++) _jours[i] = [new Plage(0, 1440)];
            return true;
        }
        var m = RegleRegex().Match(regle);
        if (!m.Success) { erreur = "syntaxe non reconnue"; return false; }
        var jours = new List<int>();
        var selecteur = m.Groups["jours"].Value;
        if (selecteur.Length == 0) jours.AddRange(Enumerable.Range(0, 7));
        else
        {
            foreach (var partie in selecteur.Split(','))
            {
                if (!LireJours(partie.Trim(), jours)) { erreur = $"jour « {partie} » inconnu"; return false; }
            }
        }
        var heures = m.Groups["heures"].Value.Trim();
        List<Plage> plages = [];
        if (heures is "off" or "closed") { }
        else if (heures.Length == 0 || heures == "open") plages.Add(new Plage(0, 1440));
        else
        {
            foreach (var p in heures.Split(','))
            {
                var t = PlageRegex().Match(p.Trim());
                if (!t.Success) { erreur = $"plage horaire « {p.Trim()} » invalide"; return false; }
                var debut = Minutes(t.Groups[1].Value, t.Groups[2].Value);
                var fin = Minutes(t.Groups[3].Value, t.Groups[4].Value);
                if (debut is null || fin is null || debut >= 1440) { erreur = $"heure invalide dans « {p.Trim()} »"; return false; }
                if (fin <= debut) fin += 1440;
                if (fin - debut > 1440) { erreur = $"plage « {p.Trim()} » trop longue"; return false; }
                plages.Add(new Plage(debut.Value, fin.Value));
            }
            plages.Sort((a, b) => a.Debut.CompareTo(b.Debut));
        }
        // OSM semantics: a later rule replaces what earlier rules said about the same days.
        foreach (var j in jours) _jours[j] = [.. plages];
        return true;
    }

    static bool LireJours(string partie, List<int> jours)
    {
        if (partie == "PH") { jours.Add(7); return true; }
        var bornes = partie.Split('-');
        if (bornes.Length == 1)
        {
            var i = Array.IndexOf(CodesJours, bornes[0]);
            if (i < 0) return false;
            jours.Add(i);
            return true;
        }
        if (bornes.Length != 2) return false;
        var a = Array.IndexOf(CodesJours, bornes[0]);
        var b = Array.IndexOf(CodesJours, bornes[1]);
        if (a < 0 || b < 0) return false;
        for (var i = a; ; i = (i + 1) % 7)
        {
            jours.Add(i);
            if (i == b) break;
        }
        return true;
    }

    static int? Minutes(string h, string mn)
    {
        var heures = int.Parse(h, CultureInfo.InvariantCulture);
        var minutes = int.Parse(mn, CultureInfo.InvariantCulture);
        if (heures > 24 || minutes > 59 || (heures == 24 && minutes > 0)) return null;
        return heures * 60 + minutes;
    }

    /// <summary>Plages that apply on a given local date (public holidays included).</summary>
    public IReadOnlyList<Plage> PlagesDuJour(DateOnly date, string? departement)
    {
        if (_jours[7] is not null && Referentiels.JoursFeries.EstFerie(date, departement)) return _jours[7]!;
        return Jour(IndexJour(date.DayOfWeek));
    }

    public static int IndexJour(DayOfWeek d) => ((int)d + 6) % 7;

    /// <summary>Is the place open at this instant, read in the place's own time zone?</summary>
    public bool EstOuvert(DateTimeOffset instant, TimeZoneInfo fuseau, string? departement) =>
        EstOuvertLocal(TimeZoneInfo.ConvertTime(instant, fuseau).DateTime, departement);

    /// <summary>Same, for a wall-clock time already read in the place's time zone.</summary>
    public bool EstOuvertLocal(DateTime local, string? departement)
    {
        var date = DateOnly.FromDateTime(local);
        var minute = local.Hour * 60 + local.Minute;
        if (PlagesDuJour(date, departement).Any(p => p.Debut <= minute && minute < p.Fin)) return true;
        // A range of the day before that runs past midnight.
        return PlagesDuJour(date.AddDays(-1), departement).Any(p => p.Fin > 1440 && minute + 1440 < p.Fin);
    }

    /// <summary>Up to two ranges per weekday for the day-by-day editor; null when these hours say more than it can show
    /// (three ranges, a range past midnight, special public-holiday hours).</summary>
    public IReadOnlyList<Plage>[]? PourEditeur()
    {
        if (_jours[7] is { Count: > 0 }) return null;
        var jours = new IReadOnlyList<Plage>[7];
        for (var i = 0; i < 7; i++)
        {
            var j = Jour(i);
            if (j.Count > 2 || j.Any(p => p.Fin > 1440)) return null;
            jours[i] = j;
        }
        return jours;
    }

    /// <summary>Closed on public holidays ("PH off").</summary>
    public bool FermeJoursFeries => _jours[7] is { Count: 0 };

    /// <summary>Writes weekday ranges (Monday first) as an opening_hours value: identical days grouped ("Mo-Fr 09:00-12:00; Sa 09:00-12:00; PH off").
    /// Null when no day has a range.</summary>
    public static string? Ecrire(IReadOnlyList<IReadOnlyList<Plage>> jours, bool fermeJoursFeries)
    {
        var textes = Enumerable.Range(0, 7).Select(i => i < jours.Count ? string.Join(',', jours[i].OrderBy(p => p.Debut).Select(p => $"{Hm(p.Debut)}-{Hm(p.Fin)}")) : "").ToArray();
        if (textes.All(t => t.Length == 0)) return null;
        var regles = Enumerable.Range(0, 7).Where(i => textes[i].Length > 0).GroupBy(i => textes[i]).Select(g => $"{Selecteur([.. g])} {g.Key}");
        return string.Join("; ", regles) + (fermeJoursFeries ? "; PH off" : "");
    }

    static string Hm(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    /// <summary>[0,1,2,4] → "Mo-We,Fr".</summary>
    public static string Selecteur(List<int> jours)
    {
        var morceaux = new List<string>();
        for (var i = 0; i < jours.Count;)
        {
            var j = i;
            while (j + 1 < jours.Count && jours[j + 1] == jours[j] + 1) j++;
            morceaux.Add(j - i >= 2 ? $"{CodesJours[jours[i]]}-{CodesJours[jours[j]]}" : string.Join(',', jours[i..(j + 1)].Select(d => CodesJours[d])));
            i = j + 1;
        }
        return string.Join(',', morceaux);
    }

    [GeneratedRegex(@"^(?<jours>(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?|PH)(?:\s*,\s*(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?|PH))*)?\s*(?<heures>.*)$")]
    private static partial Regex RegleRegex();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex PlageRegex();
}
