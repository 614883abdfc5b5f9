using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Passerelle.Web;

/// <summary>Writes a one-sheet XLSX workbook: text cells inline, numbers as numbers (so that spreadsheets can add them up).</summary>
public static class Tableur
{
    public static byte[] Ecrire(string nomFeuille, IEnumerable<IReadOnlyList<object?>> lignes)
    {
        using var memoire = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(memoire, SpreadsheetDocumentType.Workbook))
        {
            var classeur = doc.AddWorkbookPart();
            classeur.Workbook = new Workbook();
            var feuille = classeur.AddNewPart<WorksheetPart>();
            var donnees = new SheetData();
            uint n = 1;
            foreach (var ligne in lignes)
            {
                var row = new Row { RowIndex = n };
                var col = 0;
                foreach (var v in ligne)
                {
                    var reference = Colonne(col++) + n;
                    row.Append(v switch
                    {
                        null => new Cell { CellReference = reference },
                        int or long or double or decimal => new Cell { CellReference = reference, DataType = CellValues.Number,
                            CellValue = new CellValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!) },
                        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Nettoyer(v.ToString()!))) },
                    });
                }
                donnees.Append(row);
                n++;
            }
            feuille.Worksheet = new Worksheet(donnees);
            classeur.Workbook.AppendChild(new Sheets(new Sheet { Id = classeur.GetIdOfPart(feuille), SheetId = 1, Name = nomFeuille.Length > 31 ? nomFeuille[..31] : nomFeuille }));
            classeur.Workbook.Save();
        }
        return memoire.ToArray();
    }

    static string Colonne(int i) => i < 26 ? ((char)('A' + i)).ToString() : Colonne(i / 26 - 1) + (char)('A' + i % 26);

    /// <summary>XML cannot carry control characters; a cell starting with = + - @ is written as text anyway (inline string), so no formula runs.</summary>
    static string Nettoyer(string s) => new(s.Where(c => c == '\t' || c == '\n' || c >= ' ').ToArray());
}
