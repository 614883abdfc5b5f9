namespace Passerelle.Features.Accompagner.Permanences;

public enum TypeRecurrence { Hebdomadaire, Mensuelle }

/// <summary>When a recurring period happens: chosen weekdays every N weeks, or the n-th weekday of each
/// month (rank 1–4, or -1 for the last), between two dates. Pure logic, dates are local to the place.</summary>
public sealed record Recurrence(TypeRecurrence Type, int JoursSemaine, int IntervalleSemaines, int Rang, DayOfWeek JourDuMois,
    DateOnly Debut, DateOnly? Fin)
{
    /// <summary>Bit i = Monday + i.</summary>
    public static int Masque(params DayOfWeek[] jours) => jours.Aggregate(0, (m, j) => m | 1 << (((int)j + 6) % 7));

    public bool Inclut(DayOfWeek jour) => (JoursSemaine & 1 << (((int)jour + 6) % 7)) != 0;

    public IEnumerable<DateOnly> Dates(DateOnly du, DateOnly au)
    {
        var debut = du > Debut ? du : Debut;
        var fin = Fin is { } f && f < au ? f : au;
        for (var d = debut; d <= fin; d = d.AddDays(1))
            if (Correspond(d)) yield return d;
    }

    public bool Correspond(DateOnly d)
    {
        if (d < Debut || (Fin is { } f && d > f)) return false;
        if (Type == TypeRecurrence.Hebdomadaire)
        {
            if (!Inclut(d.DayOfWeek)) return false;
            // Weeks counted from the Monday of the start date.
            var lundi = Debut.AddDays(-(((int)Debut.DayOfWeek + 6) % 7));
            var semaines = (d.DayNumber - lundi.DayNumber) / 7;
            return semaines % Math.Max(1, IntervalleSemaines) == 0;
        }
        if (d.DayOfWeek != JourDuMois) return false;
        if (Rang == -1) return d.AddDays(7).Month != d.Month;
        return (d.Day - 1) / 7 + 1 == Rang;
    }

    public string Description()
    {
        string[] noms = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
        if (Type == TypeRecurrence.Mensuelle)
        {
            var rang = Rang switch { 1 => "premier", 2 => "deuxième", 3 => "troisième", 4 => "quatrième", _ => "dernier" };
            return $"le {rang} {noms[((int)JourDuMois + 6) % 7]} du mois";
        }
        var jours = Enumerable.Range(0, 7).Where(i => (JoursSemaine & 1 << i) != 0).Select(i => noms[i] + "s").ToList();
        var liste = jours.Count <= 1 ? string.Concat(jours) : string.Join(", ", jours[..^1]) + " et " + jours[^1];
        return IntervalleSemaines > 1 ? $"les {liste}, une semaine sur {IntervalleSemaines}" : $"les {liste}";
    }
}
