namespace Passerelle.Features.Reseau.Lieux.Admin;

/// <summary>View model of the checkbox-list partial of the place form (text fields: <see cref="Shared.Champ"/>).</summary>
public sealed record Cases(string Nom, string Libelle, string[] Options, string[]? Cochees, Dictionary<string, string[]> Erreurs,
    IReadOnlyDictionary<string, string>? Libelles = null);
