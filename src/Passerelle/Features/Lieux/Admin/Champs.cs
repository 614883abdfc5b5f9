namespace Passerelle.Features.Lieux.Admin;

/// <summary>View models of the two field partials of the place form.</summary>
public sealed record Champ(string Nom, string Libelle, string? Valeur, Dictionary<string, string[]> Erreurs, string? Aide = null, bool Multiligne = false);

public sealed record Cases(string Nom, string Libelle, string[] Options, string[]? Cochees, Dictionary<string, string[]> Erreurs,
    IReadOnlyDictionary<string, string>? Libelles = null);
