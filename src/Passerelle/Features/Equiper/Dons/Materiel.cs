namespace Passerelle.Features.Equiper.Dons;

/// <summary>Kinds of equipment collected and sold (API and CSV codes), with the words the public reads. The codes follow the
/// rows of the solidarity price grid of the décret du 7 novembre 2022 (see <c>Ventes.PlafondPrix</c>).</summary>
public static class Materiel
{
    public static readonly (string Code, string Libelle)[] Types =
    [
        ("portable", "Ordinateur portable"), ("fixe", "Ordinateur fixe"), ("ecran", "Écran"), ("tablette", "Tablette"),
        ("smartphone", "Smartphone"), ("imprimante", "Imprimante"), ("multifonction", "Appareil multifonctions (impression, scan, copie)"),
    ];

    public static bool Existe(string? code) => Types.Any(t => t.Code == code);
    public static string Libelle(string code) => Types.FirstOrDefault(t => t.Code == code).Libelle ?? code;
}

/// <summary>Who gives: the provenance decides the price cap (public bodies, CG3P L.3212-2) and the receipt (companies, cerfa 16216).</summary>
public static class Origines
{
    public const string Entreprise = "entreprise";
    public const string Public = "public";
    public const string Particulier = "particulier";
    public static readonly string[] Toutes = [Entreprise, Public, Particulier];

    public static string Libelle(string o) => o switch
    {
        Entreprise => "Entreprise ou association", Public => "Organisme public (État, collectivité, établissement public)", _ => "Particulier",
    };
}
