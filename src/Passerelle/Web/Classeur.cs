using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Passerelle.Web;

/// <summary>A one-sheet XLSX workbook laid out like the national tools' files: typed cells (text inline, numbers as numbers,
/// <see cref="DateOnly"/> as a real date cell shown dd/mm/yyyy), bold title rows, merged ranges, wrapped multi-line cells and
/// an optional Excel table (header row with filter buttons). Text never becomes a formula: it is written as an inline string.</summary>
public sealed class Classeur(string nomFeuille)
{
    const uint StyleGras = 1, StyleDate = 2, StyleRenvoi = 3;
    readonly List<IReadOnlyList<object?>> lignes = [];
    readonly HashSet<int> grasses = [];
    readonly List<string> fusions = [];
    readonly Dictionary<int, double> largeurs = [];
    (string Nom, int Entete, int Colonnes)? tableau;

    /// <summary>Number of rows written so far (the next row is <c>Lignes + 1</c>, 1-based).</summary>
    public int Lignes => lignes.Count;

    /// <summary>Appends a row; <paramref name="gras"/> sets its cells bold. Returns its 1-based number.</summary>
    public int Ligne(IReadOnlyList<object?> valeurs, bool gras = false)
    {
        lignes.Add(valeurs);
        if (gras) grasses.Add(lignes.Count);
        return lignes.Count;
    }

    /// <summary>Merges a range such as <c>A1:J1</c>.</summary>
    public void Fusionner(string plage) => fusions.Add(plage);

    /// <summary>Width of a 0-based column, in characters.</summary>
    public void Largeur(int colonne, double caracteres) => largeurs[colonne] = caracteres;

    /// <summary>Declares an Excel table whose header is row <paramref name="ligneEntete"/> (1-based) and whose body runs to the last
    /// row; header cells must be distinct non-empty texts. <paramref name="nom"/>: letters, digits and underscores.</summary>
    public void Tableau(string nom, int ligneEntete, int colonnes) => tableau = (nom, ligneEntete, colonnes);

    /// <summary>Column letters of a 0-based index (0 → A, 26 → AA).</summary>
    public static string Colonne(int i) => i < 26 ? ((char)('A' + i)).ToString() : Colonne(i / 26 - 1) + (char)('A' + i % 26);

    public byte[] Ecrire()
    {
        using var memoire = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(memoire, SpreadsheetDocumentType.Workbook))
        {
            var classeur = doc.AddWorkbookPart();
            classeur.Workbook = new Workbook();
            classeur.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var partie = classeur.AddNewPart<WorksheetPart>();
            var feuille = new Worksheet();
            if (largeurs.Count > 0)
                feuille.Append(new Columns(largeurs.OrderBy(l => l.Key).Select(l =>
                    new Column { Min = (uint)l.Key + 1, Max = (uint)l.Key + 1, Width = l.Value, CustomWidth = true })));
            feuille.Append(Donnees());
            if (fusions.Count > 0) feuille.Append(new MergeCells(fusions.Select(f => new MergeCell { Reference = f })));
            if (tableau is { } t) AjouterTableau(partie, feuille, t);
            partie.Worksheet = feuille;
            var nom = nomFeuille.Length > 31 ? nomFeuille[..31] : nomFeuille;
            classeur.Workbook.AppendChild(new Sheets(new Sheet { Id = classeur.GetIdOfPart(partie), SheetId = 1, Name = nom }));
            classeur.Workbook.Save();
        }
        return memoire.ToArray();
    }

    SheetData Donnees()
    {
        var donnees = new SheetData();
        for (var n = 1; n <= lignes.Count; n++)
        {
            var row = new Row { RowIndex = (uint)n };
            var gras = grasses.Contains(n);
            var col = 0;
            foreach (var v in lignes[n - 1])
            {
                var cellule = new Cell { CellReference = Colonne(col++) + n.ToString(CultureInfo.InvariantCulture) };
                switch (v)
                {
                    case null: break;
                    case DateOnly d:
                        cellule.CellValue = new CellValue((d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
                        cellule.StyleIndex = StyleDate;
                        break;
                    case int or long or double or decimal:
                        cellule.DataType = CellValues.Number;
                        cellule.CellValue = new CellValue(Convert.ToString(v, CultureInfo.InvariantCulture)!);
                        break;
                    default:
                        var texte = Nettoyer(v.ToString()!);
                        cellule.DataType = CellValues.InlineString;
                        cellule.InlineString = new InlineString(new Text(texte) { Space = SpaceProcessingModeValues.Preserve });
                        if (texte.Contains('\n')) cellule.StyleIndex = StyleRenvoi;
                        break;
                }
                if (gras) cellule.StyleIndex = StyleGras;
                row.Append(cellule);
            }
            donnees.Append(row);
        }
        return donnees;
    }

    void AjouterTableau(WorksheetPart partie, Worksheet feuille, (string Nom, int Entete, int Colonnes) t)
    {
        var entetes = lignes[t.Entete - 1];
        // A table needs one body row at least: an empty one when there is no data (as spreadsheet programs do).
        var fin = Math.Max(lignes.Count, t.Entete + 1);
        var plage = $"A{t.Entete}:{Colonne(t.Colonnes - 1)}{fin}";
        var part = partie.AddNewPart<TableDefinitionPart>();
        part.Table = new Table(
            new AutoFilter { Reference = plage },
            new TableColumns(Enumerable.Range(0, t.Colonnes).Select(i => new TableColumn { Id = (uint)i + 1, Name = entetes[i]?.ToString() ?? $"Colonne {i + 1}" }))
            { Count = (uint)t.Colonnes },
            new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
        { Id = 1, Name = t.Nom, DisplayName = t.Nom, Reference = plage, TotalsRowShown = false };
        feuille.Append(new TableParts(new TablePart { Id = partie.GetIdOfPart(part) }) { Count = 1 });
    }

    static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true })
        { Count = 4 });

    /// <summary>XML cannot carry control characters other than tab and line feed.</summary>
    static string Nettoyer(string s) => new(s.Where(c => c == '\t' || c == '\n' || c >= ' ').ToArray());
}
