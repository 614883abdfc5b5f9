using System.IO.Compression;
using System.Text;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>The kinds of file a report accepts, recognised from their content and checked against the name's extension: PDF
/// (<c>%PDF-</c>), PNG, JPEG, Office Open XML documents (.docx, .xlsx, .pptx: a ZIP holding <c>[Content_Types].xml</c> and the
/// main part of that kind), OpenDocument (.odt, .ods, .odp: a ZIP whose <c>mimetype</c> entry names the kind) and the older
/// Office files (.doc, .xls, .ppt: the OLE2 compound-file signature). Sources: ISO 32000-1 §7.5.2 (PDF header), PNG
/// specification §5.2, JPEG SOI marker FFD8, ECMA-376 part 2 (OPC), OASIS ODF 1.2 part 3 §3.3, MS-CFB §2.2 (header signature).</summary>
public static class TypesPieces
{
    /// <summary>Extension (lower case, with its dot) → media type stored and served.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text", [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
        [".doc"] = "application/msword", [".xls"] = "application/vnd.ms-excel", [".ppt"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>The accepted extensions, for the form's <c>accept</c> attribute and the messages.</summary>
    public static string Extensions => string.Join(", ", Types.Keys);

    /// <summary>The media type of <paramref name="contenu"/> when its bytes are those its extension says, else null.</summary>
    public static string? Reconnaitre(string nom, byte[] contenu)
    {
        var ext = Path.GetExtension(nom).ToLowerInvariant();
        if (!Types.TryGetValue(ext, out var type)) return null;
        var s = contenu.AsSpan();
        var ok = ext switch
        {
            ".pdf" => s.StartsWith("%PDF-"u8),
            ".png" => s.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ".jpg" or ".jpeg" => s.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            ".doc" or ".xls" or ".ppt" => s.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            ".docx" => Ooxml(contenu, "word/document.xml"),
            ".xlsx" => Ooxml(contenu, "xl/workbook.xml"),
            ".pptx" => Ooxml(contenu, "ppt/presentation.xml"),
            _ => OpenDocument(contenu, type),
        };
        return ok ? type : null;
    }

    /// <summary>How many times its own size a ZIP-based document may declare once decompressed. Office and OpenDocument files
    /// compress their XML about 5 to 20 times; a « zip bomb » (a few hundred KB declaring hundreds of MB) goes far beyond.</summary>
    public const int GonflementMax = 100;

    /// <summary>True when <paramref name="contenu"/> is a ZIP whose entries declare, in total, more than <see cref="GonflementMax"/>
    /// times its size (and more than 10 MB) decompressed. Only the central directory is read: nothing is decompressed.</summary>
    public static bool TropGonfle(byte[] contenu)
    {
        using var zip = Zip(contenu);
        if (zip is null) return false;
        long total = 0;
        foreach (var e in zip.Entries) total += e.Length;
        return total > Math.Max(10L * 1024 * 1024, (long)contenu.Length * GonflementMax);
    }

    static ZipArchive? Zip(byte[] contenu)
    {
        if (!contenu.AsSpan().StartsWith("PK\x03\x04"u8)) return null;
        try { return new ZipArchive(new MemoryStream(contenu, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException) { return null; }
    }

    static bool Ooxml(byte[] contenu, string partie)
    {
        using var zip = Zip(contenu);
        return zip is not null && zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(partie) is not null;
    }

    static bool OpenDocument(byte[] contenu, string type)
    {
        using var zip = Zip(contenu);
        if (zip?.GetEntry("mimetype") is not { Length: < 200 } e) return false;
        try
        {
            using var r = new StreamReader(e.Open(), Encoding.ASCII);
            return r.ReadToEnd().Trim() == type;
        }
        catch (InvalidDataException) { return false; }
    }
}
