using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>The @ctes transmission identifier <c>DPT-SIREN-AAAAMMJJ-NUMERO-NATURE</c>, e.g.
/// <c>033-213304496-20201216-DG20_174-DE</c>: département on 3 characters (<c>02A</c>/<c>02B</c> for Corsica), SIREN of the
/// body, date of the decision, the body's own number (capitals, digits, <c>_</c>, 1 to 15 characters), nature
/// (<c>DE</c> délibération, <c>AR</c>, <c>AI</c>, <c>CC</c>, <c>BF</c>, <c>AU</c>). Source: @ctes naming rules, see
/// docs/standards/scdl-deliberations.md.</summary>
public sealed partial record IdentifiantActes(string Departement, string Siren, DateOnly Date, string NumeroInterne, string Nature)
{
    public static IdentifiantActes? Lire(string? texte)
    {
        if (texte is null) return null;
        var m = Forme().Match(texte.Trim());
        if (!m.Success || !DateOnly.TryParseExact(m.Groups[3].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        return new IdentifiantActes(m.Groups[1].Value, m.Groups[2].Value, date, m.Groups[4].Value, m.Groups[5].Value);
    }

    /// <summary>French messages for what does not match the deliberation (empty when all is right or nothing is given).</summary>
    public static IEnumerable<string> Controler(string? texte, string siret, DateOnly dateSeance)
    {
        if (string.IsNullOrWhiteSpace(texte)) yield break;
        if (Lire(texte) is not { } id)
        {
            yield return "L'identifiant ACTES doit avoir la forme 033-213304496-20201216-DG20_174-DE (département, SIREN, date de la séance, numéro, nature).";
            yield break;
        }
        if (siret.Length == 14 && id.Siren != siret[..9])
            yield return $"L'identifiant ACTES porte le SIREN {id.Siren}, mais la collectivité a le SIREN {siret[..9]} (9 premiers chiffres du SIRET).";
        if (id.Date != dateSeance)
            yield return $"L'identifiant ACTES porte la date du {id.Date:dd/MM/yyyy}, mais la séance a eu lieu le {dateSeance:dd/MM/yyyy}.";
        if (id.Nature != "DE")
            yield return $"L'identifiant ACTES se termine par « {id.Nature} » : une délibération se termine par « DE ».";
    }

    [GeneratedRegex(@"^(\d{3}|02A|02B)-(\d{9})-(\d{8})-([A-Z0-9_]{1,15})-(DE|AR|AI|CC|BF|AU)$")]
    private static partial Regex Forme();
}
