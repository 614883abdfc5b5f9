using System.Globalization;
using System.Text;
using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations;

/// <summary>Test double of the act reader: reads « Clé : valeur » lines, each value's passage being the value itself.</summary>
public sealed class LecteurDouble : ILecteurActes
{
    public PropositionActe Lire(string texte)
    {
        var valeurs = new Dictionary<string, (string Valeur, Passage Passage)>();
        var position = 0;
        foreach (var ligne in texte.Split('\n'))
        {
            var i = ligne.IndexOf(" : ", StringComparison.Ordinal);
            if (i > 0)
            {
                var brut = ligne[(i + 3)..].TrimEnd('\r');
                var valeur = brut.Trim();
                valeurs.TryAdd(ligne[..i].Trim(), (valeur, new Passage(position + i + 3 + (brut.Length - brut.TrimStart().Length), valeur.Length)));
            }
            position += ligne.Length + 1;
        }
        string? V(string cle) => valeurs.TryGetValue(cle, out var v) ? v.Valeur : null;
        int? N(string cle) => int.TryParse(V(cle), out var n) ? n : null;
        var passages = new Dictionary<string, Passage>();
        foreach (var (cle, json) in new[] { ("Collectivité", "collectivite"), ("Organe", "type_organe"), ("Numéro", "numero"), ("Séance", "date_seance"), ("Objet", "objet"), ("Matière", "matiere_actes_code"), ("Pour", "vote"), ("Bénéficiaire", "beneficiaires[0]") })
            if (valeurs.TryGetValue(cle, out var v)) passages[json] = v.Passage;
        var beneficiaire = V("Bénéficiaire")?.Split(" ; ");
        return new PropositionActe
        {
            Texte = texte, Collectivite = V("Collectivité"), TypeOrgane = V("Organe"), Numero = V("Numéro"),
            DateSeance = DateOnly.TryParse(V("Séance"), CultureInfo.InvariantCulture, out var d) ? d : null, Objet = V("Objet"), MatiereActesCode = V("Matière"),
            Vote = N("Pour") is { } p ? new VotePropose(p, N("Contre") ?? 0, N("Abstention") ?? 0, 0) : null, Adoptee = true,
            Beneficiaires = beneficiaire is [var nom, var montant] ? [new BeneficiairePropose(nom, decimal.Parse(montant, CultureInfo.InvariantCulture), "aide en numéraire")] : [],
            Passages = passages,
        };
    }
}

/// <summary>Test double of the PDF extractor: a « PDF » is <c>%PDF-1</c>, a line break, then its text; without text it is a scan.</summary>
public sealed class ExtracteurDouble : IExtracteurTextePdf
{
    public string Extraire(Stream pdf, CancellationToken ct)
    {
        using var m = new MemoryStream();
        pdf.CopyTo(m);
        var texte = Encoding.UTF8.GetString(m.ToArray());
        if (!texte.StartsWith("%PDF-", StringComparison.Ordinal)) throw new ActeIllisibleException("Ce fichier n'est pas un PDF lisible : collez le texte de l'acte.");
        var contenu = texte[(texte.IndexOf('\n') + 1)..];
        if (string.IsNullOrWhiteSpace(contenu)) throw new ActeIllisibleException("Ce PDF ne contient pas de texte : collez le texte de l'acte.");
        return contenu;
    }
}
