using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The text of an act sent as a file: a PDF (recognised by its <c>%PDF</c> signature, whatever its name) goes to
/// <see cref="IExtracteurTextePdf"/>; anything else is text, decoded as the importers do (<see cref="Csv.Decoder"/>: UTF-8
/// with or without BOM, else Windows-1252).</summary>
public static class LectureFichier
{
    /// <summary>Largest act accepted, PDF or text: 20 MB (a 10-page scanned PDF is about 2 MB; text acts are a few kB).</summary>
    public const long TailleMax = 20 * 1024 * 1024;

    /// <exception cref="ActeIllisibleException">Empty file, a file named .pdf that is not a PDF, a binary file, or a PDF that
    /// <see cref="IExtracteurTextePdf"/> cannot read.</exception>
    public static string Texte(ReadOnlySpan<byte> octets, string? nom, IExtracteurTextePdf pdf, CancellationToken ct)
    {
        if (octets.Length == 0) throw new ActeIllisibleException("Le fichier est vide : rien à lire. Joignez l'acte en PDF ou en texte, ou collez son texte.");
        if (octets.Length > TailleMax) throw new ActeIllisibleException($"Le fichier dépasse {TailleMax / (1024 * 1024)} Mo : joignez seulement l'acte, ou collez son texte.");
        var estPdf = octets.Length >= 5 && octets[..Math.Min(1024, octets.Length)].IndexOf("%PDF-"u8) >= 0;
        if (estPdf)
        {
            using var flux = new MemoryStream(octets.ToArray(), writable: false);
            return pdf.Extraire(flux, ct);
        }
        if (nom is not null && nom.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            throw new ActeIllisibleException("Ce fichier porte l'extension .pdf mais n'est pas un PDF : joignez le PDF de l'acte tel que publié, ou collez son texte.");
        string texte;
        try { texte = Csv.Decoder(octets).Contenu; }
        catch (Csv.EncodageInvalideException)
        {
            throw new ActeIllisibleException("Ce fichier n'est pas un texte lisible (ni texte UTF-8, ni Windows-1252, ni PDF) : joignez le PDF de l'acte ou collez son texte.");
        }
        return Verifier(texte);
    }

    /// <summary>A pasted or decoded text: refused when it holds no letters at all.</summary>
    public static string Verifier(string texte)
    {
        if (!texte.Any(char.IsLetter)) throw new ActeIllisibleException("Le texte est vide : collez le texte de l'acte ou joignez son PDF.");
        return texte;
    }
}
