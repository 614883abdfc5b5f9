using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Passerelle.Features.Equiper.Appareils.Certificats;

/// <summary>Reads page 1 (« Erasure Status ») of nwipe's per-drive PDF certificate, 0.35 and later, with PdfPig
/// (docs/standards/rapports-effacement.md §3.2; labels and positions from nwipe's <c>create_single_disc_pdf.c</c> and
/// <c>create_pdf.c</c>). nwipe draws two label/value pairs per printed line (x = 60 and x = 300 or 340): words are grouped by
/// baseline, ordered left to right, and cut at the known labels. Both spellings of values are accepted (0.35–0.40 « Verify Last »,
/// 0.41+ « Last »; « Errors(pass/sync/verify) » and 0.42 « …/retries »). The header « S/N: » of 0.35–0.39 is not used (it is drawn
/// before an empty serial becomes « Unknown »); the body's « Serial: » is. The whole-run « System Erasure Report » (0.41+) is refused:
/// import the per-drive certificates.</summary>
public static partial class LecteurNwipePdf
{
    static readonly string[] Libelles =
    [
        "Errors(pass/sync/verify/retries):", "Errors(pass/sync/verify):", "Rounds(completed/requested):", "Final Pass(Zeros/Ones/None):",
        "Verify Pass(Last/All/None):", "Business Address:", "Business Name:", "Contact Phone:", "Contact Name:", "Size(Apparent):", "Size(Real):",
        "PRNG algorithm:", "*Bytes Erased:", "HPA/DCO Size:", "HPA/DCO:", "Make/Model:", "Start time:", "End time:", "Information:", "Throughput:",
        "Duration:", "Signature:", "Address:", "Name/ID:", "Serial:", "Method:", "Status:", "Name:", "Bus:",
    ];

    [GeneratedRegex(@"Disc Erasure by NWIPE version (?<v>\d+\.\d+[\w.\-]*)")]
    private static partial Regex Pied();

    static readonly Regex Coupe = new("(" + string.Join("|", Libelles.Select(Regex.Escape)) + ")", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <exception cref="CertificatIllisibleException">Not an nwipe certificate, unreadable, or missing a field the proof needs.</exception>
    public static DisqueEfface Lire(byte[] pdf)
    {
        List<string> lignes;
        string? producteur, titre;
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            producteur = document.Information.Producer;
            titre = document.Information.Title;
            var page = document.GetPage(1);
            // One run per text-showing operation (nwipe draws each label and each value with one call): runs, unlike words, never
            // mix a label with its value when a long label overlaps the value's x position (« Errors(pass/sync/verify/retries): »).
            lignes = page.Letters.GroupBy(l => l.TextSequence)
                .Select(g => (X: g.First().StartBaseLine.X, Y: g.First().StartBaseLine.Y, Texte: string.Concat(g.Select(l => l.Value)).Trim()))
                .Where(r => r.Texte.Length > 0)
                .GroupBy(r => Math.Round(r.Y / 3.0))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(' ', g.OrderBy(r => r.X).Select(r => r.Texte)))
                .ToList();
        }
        catch (PdfDocumentEncryptedException) { throw new CertificatIllisibleException("Ce PDF est protégé par un mot de passe : ce n'est pas un certificat nwipe."); }
        catch (Exception e) when (e is not CertificatIllisibleException and not OperationCanceledException)
        {
            throw new CertificatIllisibleException("Ce PDF est endommagé ou illisible.");
        }
        var texte = string.Join('\n', lignes);
        if (texte.Contains("System Erasure Report"))
            throw new CertificatIllisibleException("Rapport nwipe de l'ensemble du poste (« System Erasure Report ») : importez plutôt les certificats par disque, qui portent chacun le numéro de série de leur disque.");
        var nwipe = (producteur?.Contains("nwipe", StringComparison.OrdinalIgnoreCase) ?? false) || titre == "PDF Disk Erasure Certificate" || texte.Contains("Disc Erasure by NWIPE");
        if (!nwipe || !texte.Contains("Disk Erasure Details"))
            throw new CertificatIllisibleException("Ce PDF n'est pas un certificat d'effacement nwipe (page « Erasure Status » introuvable).");

        // Label → value, in drawing order; a label met twice (Name:, Contact Name:…) keeps the section it belongs to.
        var champs = new Dictionary<string, string>();
        var section = "";
        foreach (var ligne in lignes)
        {
            if (ligne.StartsWith("Organisation Performing")) section = "org.";
            else if (ligne.StartsWith("Customer Details")) section = "client.";
            else if (ligne.StartsWith("Disk Information") || ligne.StartsWith("Disk Erasure Details")) section = "";
            else if (ligne.StartsWith("Technician/Operator ID")) section = "tech.";
            var morceaux = Coupe.Split(ligne);
            for (var i = 1; i + 1 < morceaux.Length; i += 2)
                champs.TryAdd((morceaux[i] is "Name:" or "Address:" or "Contact Name:" or "Contact Phone:" ? section : "") + morceaux[i], morceaux[i + 1].Trim());
        }
        string Champ(string libelle) => champs.TryGetValue(libelle, out var v) && v.Length > 0 ? v
            : throw new CertificatIllisibleException($"Certificat nwipe incomplet : le champ « {libelle} » est absent ou vide.");
        string? Facultatif(string libelle) => champs.TryGetValue(libelle, out var v) && v.Length > 0 ? v : null;

        var methode = Regex.Replace(Champ("Method:"), @" \((R|S)\)$", "");
        var debut = Date(Champ("Start time:"), "Start time:");
        var fin = Date(Champ("End time:"), "End time:");
        var statut = Champ("Status:").Split(' ')[0].ToUpperInvariant();
        if (statut is not ("ERASED" or "FAILED" or "ABORTED" or "INSANITY"))
            throw new CertificatIllisibleException($"Certificat nwipe : statut « {statut} » inconnu (ERASED, FAILED, ABORTED ou INSANITY attendu).");
        var rounds = Regex.Match(Facultatif("Rounds(completed/requested):") ?? "", @"^(\d+)/(\d+)");
        var erreurs = (Facultatif("Errors(pass/sync/verify/retries):") ?? Facultatif("Errors(pass/sync/verify):") ?? "").Split('/').Select(x => long.TryParse(x.Trim(), out var n) ? n : 0).ToArray();
        long E(int i) => i < erreurs.Length ? erreurs[i] : 0;
        var blanc = Facultatif("Final Pass(Zeros/Ones/None):") ?? "Zeros";
        var verif = (Facultatif("Verify Pass(Last/All/None):") ?? "None").Replace("Verify ", "").Trim().ToLowerInvariant();
        var hpa = Facultatif("HPA/DCO:") ?? "Unknown";
        var zones = hpa.StartsWith("No hidden sectors") ? "absentes" : hpa.StartsWith("Hidden sectors found") ? "presentes" : hpa.StartsWith("Not applicable", StringComparison.OrdinalIgnoreCase) ? "sans_objet" : "inconnu";
        var info = Facultatif("Information:");
        var technicien = Facultatif("tech.Name/ID:") ?? Facultatif("Name/ID:");
        var octets = Regex.Match(Facultatif("Size(Apparent):") ?? "", @"(\d+)\s*(bytes|B)\b");
        var requis = rounds.Success ? int.Parse(rounds.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        return new DisqueEfface
        {
            Version = Pied().Match(texte) is { Success: true } p ? p.Groups["v"].Value : null,
            Modele = Facultatif("Make/Model:"), NumeroSerie = DisqueEfface.Serie(Facultatif("Serial:")), Bus = Facultatif("Bus:"),
            Octets = octets.Success ? long.Parse(octets.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            Methode = methode, Prng = Facultatif("PRNG algorithm:"),
            Passes = DisqueEfface.PassesTotales(methode, null, requis, blanc != "None"),
            RoundsFaits = rounds.Success ? int.Parse(rounds.Groups[1].Value, CultureInfo.InvariantCulture) : null, RoundsDemandes = requis,
            Verification = verif is "last" or "all" ? verif : "none",
            Statut = statut, ZonesCachees = zones, Debut = debut, Fin = fin,
            ErreursPasses = E(0), ErreursSynchro = E(1), ErreursVerification = E(2), Reprises = E(3),
            Technicien = technicien is null || technicien.StartsWith("Not Applicable", StringComparison.OrdinalIgnoreCase) ? null : technicien,
            Avertissement = info is null ? null : info.StartsWith("Warning") ? info["Warning".Length..].Trim() : info,
        };
    }

    static DateTime Date(string valeur, string libelle) =>
        DateTime.TryParseExact(valeur, "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CertificatIllisibleException($"Certificat nwipe : « {libelle} » n'est pas une date AAAA/MM/JJ HH:MM:SS (« {valeur} »).");
}
