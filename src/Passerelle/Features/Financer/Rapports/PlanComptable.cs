namespace Passerelle.Features.Financer.Rapports;

/// <summary>One line of the CERFA 15059 budget table.</summary>
/// <param name="Compte">Key of the line: the account class (« 60 »), or « 74-xx » for one funder's line under account 74.</param>
/// <param name="Section">« charges », « produits » or « nature » (86/87, shown below the totals).</param>
public sealed record LignePlan(string Compte, string Libelle, string Section);

/// <summary>The lines of the funder report's budget table: the associative chart of accounts as the CERFA 12156 request budget and the
/// CERFA 15059 report lay it out (docs/standards/financement-local.md §6; règlement ANC n° 2018-06 for the associations' accounts,
/// labels to verify against the current 15059*02 form): charges 60–68 and the indirect charges allocated to the action, products
/// 70–78 with one line per kind of funder under 74, and the voluntary contributions in kind 86/87 below the totals.</summary>
public static class PlanComptable
{
    public const string Charges = "charges", Produits = "produits", Nature = "nature";

    /// <summary>A gap between planned and actual above this share of the planned amount (or any actual amount on a line planned at 0)
    /// must be explained before submission (CERFA 15059 annexe: « écarts significatifs »; the threshold is the territory's choice).</summary>
    public const int SeuilEcartPourcent = 15;

    public static readonly IReadOnlyList<LignePlan> Lignes =
    [
        new("60", "60 – Achats", Charges),
        new("61", "61 – Services extérieurs", Charges),
        new("62", "62 – Autres services extérieurs", Charges),
        new("63", "63 – Impôts et taxes", Charges),
        new("64", "64 – Charges de personnel", Charges),
        new("65", "65 – Autres charges de gestion courante", Charges),
        new("66", "66 – Charges financières", Charges),
        new("67", "67 – Charges exceptionnelles", Charges),
        new("68", "68 – Dotations aux amortissements", Charges),
        new("CI", "Charges indirectes affectées à l'action", Charges),
        new("70", "70 – Ventes de produits finis, prestations de services", Produits),
        new("73", "73 – Dotations et produits de tarification", Produits),
        new("74-etat", "74 – Subvention de l'État", Produits),
        new("74-region", "74 – Subvention de la région", Produits),
        new("74-dept", "74 – Subvention du département", Produits),
        new("74-interco", "74 – Subvention de l'intercommunalité (métropole)", Produits),
        new("74-commune", "74 – Subvention de la commune", Produits),
        new("74-social", "74 – Organismes sociaux (CAF…)", Produits),
        new("74-ue", "74 – Fonds européens", Produits),
        new("74-asp", "74 – Aides à l'emploi (ASP)", Produits),
        new("74-prive", "74 – Aides privées (fondations)", Produits),
        new("75", "75 – Autres produits de gestion courante (cotisations, dons)", Produits),
        new("76", "76 – Produits financiers", Produits),
        new("78", "78 – Reprises sur amortissements et provisions", Produits),
        new("86", "86 – Emplois des contributions volontaires en nature", Nature),
        new("87", "87 – Contributions volontaires en nature", Nature),
    ];

    public static LignePlan? Ligne(string compte) => Lignes.FirstOrDefault(l => l.Compte == compte);

    /// <summary>True when the gap must be explained: |actual − planned| above <see cref="SeuilEcartPourcent"/> % of planned, or any
    /// actual amount on a line planned at 0.</summary>
    public static bool EcartSignificatif(long prevu, long realise) =>
        prevu == 0 ? realise != 0 : Math.Abs(realise - prevu) * 100 > (long)SeuilEcartPourcent * prevu;

    /// <summary>Actual as a share of planned, « 112 % », or « — » when nothing was planned.</summary>
    public static string Taux(long prevu, long realise) => prevu == 0 ? "—" : $"{Math.Round(100m * realise / prevu)} %";
}
