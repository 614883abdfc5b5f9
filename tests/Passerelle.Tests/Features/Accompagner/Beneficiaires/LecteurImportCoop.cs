using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Reads a people file with the rules of La Coop's importer, as written in inclusion-numerique/coop-mediation-numerique at commit
/// 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542 (apps/web/src/features/beneficiaire/abilities/importer-beneficiaires/analyse/
/// getBeneficiaireImportSheet.ts and analyseImportBeneficiairesExcel.ts): the sheet named "Bénéficiaires" or an error; rows from 4
/// until one whose columns A–J are all empty; a cell counts as empty when absent, blank or the number 0; text is trimmed; Nom (A) and
/// Prénom (B) required; year (C) a whole number from 1900 to this year; with an INSEE code (E) the commune must be known and its
/// postcode string (F) equal and its name (D) equal ignoring case; genre (I) empty → NonCommunique, else by first letter F, M or N.</summary>
public static class LecteurImportCoop
{
    public sealed record Commune(string CodeInsee, string Nom, string CodePostal);

    public sealed record Ligne(int Numero, string? Nom, string? Prenom, int? AnneeNaissance, string? CommuneNom, string? CodeInsee, string? CodePostal,
        string? Telephone, string? Email, string? GenreSaisi, string? Notes, string? Genre, Commune? CommuneLue, Dictionary<string, string> Erreurs);

    public sealed record Analyse(string Statut, List<Ligne> Lignes);

    public static Analyse Lire(byte[] xlsx, Func<string, Commune?> communeParInsee, int anneeCourante)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var classeur = doc.WorkbookPart!;
        var feuille = classeur.Workbook.Descendants<Sheet>().FirstOrDefault(s => s.Name?.Value == "Bénéficiaires")
            ?? throw new InvalidDataException("Le fichier n'a pas de feuille \"Bénéficiaires\"");
        var partie = (WorksheetPart)classeur.GetPartById(feuille.Id!.Value!);
        var partages = classeur.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cellules = new Dictionary<string, object>();
        foreach (var c in partie.Worksheet.Descendants<Cell>())
        {
            var v = c.CellValue?.Text;
            object? valeur = c.DataType?.Value switch
            {
                var t when t == CellValues.SharedString => partages[int.Parse(v!, CultureInfo.InvariantCulture)],
                var t when t == CellValues.InlineString => c.InlineString?.InnerText,
                var t when t == CellValues.String || t == CellValues.Boolean => v,
                _ => v is null || v.Length == 0 ? null : double.Parse(v, CultureInfo.InvariantCulture),
            };
            if (valeur is not null) cellules[c.CellReference!.Value!] = valeur;
        }

        string? Texte(int ligne, int col)
        {
            if (!cellules.TryGetValue($"{(char)('A' + col - 1)}{ligne}", out var v) || v is 0d) return null;
            var s = v is double d ? d.ToString(CultureInfo.InvariantCulture) : v.ToString()!.Trim();
            return s.Length == 0 ? null : s;
        }
        double? Nombre(int ligne, int col) =>
            cellules.TryGetValue($"{(char)('A' + col - 1)}{ligne}", out var v) ? v as double? ?? (double.TryParse(v.ToString(), CultureInfo.InvariantCulture, out var d) ? d : null) : null;

        var lignes = new List<Ligne>();
        for (var n = 4; Enumerable.Range(1, 10).Any(col => Texte(n, col) is not null); n++)
        {
            var erreurs = new Dictionary<string, string>();
            var (nom, prenom, nomCommune, insee, cp, genre) = (Texte(n, 1), Texte(n, 2), Texte(n, 4), Texte(n, 5), Texte(n, 6), Texte(n, 9));
            if (nom is null) erreurs["nom"] = "Le nom est obligatoire";
            if (prenom is null) erreurs["prenom"] = "Le prénom est obligatoire";
            Commune? commune = null;
            if (insee is not null)
            {
                commune = communeParInsee(insee);
                if (commune is null) erreurs["communeCodeInsee"] = "Code commune non trouvé";
                else
                {
                    if (commune.CodePostal != cp) erreurs["communeCodePostal"] = "Le code postal de la commune ne correspond pas";
                    if (commune.Nom.ToLowerInvariant() != nomCommune?.ToLowerInvariant()) erreurs["communeNom"] = "Le nom de la commune ne correspond pas";
                }
            }
            string? genreLu = genre is null ? "NonCommunique" : genre[0] switch { 'F' => "Feminin", 'M' => "Masculin", 'N' => "NonCommunique", _ => null };
            if (genreLu is null) erreurs["genre"] = "Genre invalide";
            int? annee = null;
            if (Nombre(n, 3) is { } a && a != 0)
            {
                if (a != Math.Floor(a) || a < 1900 || a > anneeCourante) erreurs["anneeNaissance"] = "Veuillez renseigner une année de naissance valide";
                else annee = (int)a;
            }
            lignes.Add(new Ligne(n, nom, prenom, annee, nomCommune, insee, cp, Texte(n, 7), Texte(n, 8), genre, Texte(n, 10), genreLu, commune, erreurs));
        }
        return new Analyse(lignes.Any(l => l.Erreurs.Count > 0) ? "error" : "ok", lignes);
    }
}
