namespace Passerelle.Features.Informations;

/// <summary>One open-data file Passerelle publishes, as listed on the public page <c>/donnees</c>.</summary>
/// <param name="Titre">Plain-French title, e.g. « Lieux de médiation numérique ».</param>
/// <param name="Adresse">Public relative URL of the file, e.g. <c>/donnees/deliberations.csv</c>.</param>
/// <param name="Format">« CSV », « JSON » or « XLSX ».</param>
/// <param name="Schema">Name of the schema followed, e.g. « SCDL Délibérations ».</param>
/// <param name="VersionSchema">Version of that schema, e.g. « 2.1.5 ».</param>
/// <param name="AdresseSchema">Where the schema is documented (absolute URL), or null.</param>
/// <param name="Licence">Licence of the data, e.g. « Licence Ouverte 2.0 ».</param>
/// <param name="MisAJour">Last change of the published data (UTC), or null when unknown or empty.</param>
public sealed record JeuDonneesPublie(string Titre, string Adresse, string Format, string Schema, string VersionSchema,
    string? AdresseSchema, string Licence, DateTimeOffset? MisAJour);

/// <summary>Implemented by each feature that publishes open data; every registration
/// (<c>services.AddScoped&lt;IJeuxDonneesPublies, X&gt;()</c>) adds its files to <c>/donnees</c>.</summary>
public interface IJeuxDonneesPublies
{
    /// <summary>The files this feature publishes, with the date their data last changed.</summary>
    Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct);
}
