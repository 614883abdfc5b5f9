using System.Collections.Concurrent;

namespace Passerelle.Features.Reseau.Horaires;

/// <summary>Parsed opening hours by text: the same few hundred strings recur across thousands of places.</summary>
public static class CacheHoraires
{
    static readonly ConcurrentDictionary<string, HorairesOsm?> Cache = new();

    public static HorairesOsm? Lire(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte)) return null;
        if (Cache.Count > 50_000) Cache.Clear();
        return Cache.GetOrAdd(texte, t => HorairesOsm.TryParse(t, out var h, out _) ? h : null);
    }
}
