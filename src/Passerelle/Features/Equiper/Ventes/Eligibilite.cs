namespace Passerelle.Features.Equiper.Ventes;

/// <summary>Buyer eligibility as rules + proof + validity (docs/standards/equipement-reemploi.md §6: no national definition of
/// precarity; the validities are those seen in practice).</summary>
public static class Eligibilite
{
    /// <summary>Code, label, proof commonly asked, validity in months from the proof's date.</summary>
    public static readonly (string Code, string Libelle, string Preuve, int ValiditeMois)[] Regles =
    [
        ("rsa", "RSA (revenu de solidarité active)", "attestation CAF ou MSA", 3),
        ("ass", "ASS (allocation de solidarité spécifique)", "attestation France Travail", 3),
        ("aah", "AAH (allocation aux adultes handicapés)", "attestation CAF ou MSA", 3),
        ("aspa", "Minimum vieillesse (ASPA)", "attestation Carsat ou MSA", 3),
        ("quotient_familial", "Quotient familial sous le seuil du territoire", "attestation CAF ou avis d'imposition", 3),
        ("orientation", "Orientation par un travailleur social ou un médiateur", "fiche d'orientation de la structure", 6),
    ];

    public static bool Existe(string? code) => Regles.Any(r => r.Code == code);
    public static string Libelle(string code) => Regles.FirstOrDefault(r => r.Code == code).Libelle ?? code;

    /// <summary>Last day the proof is accepted: its date plus the rule's validity.</summary>
    public static DateOnly Expiration(string code, DateOnly dateJustificatif) => dateJustificatif.AddMonths(Regles.First(r => r.Code == code).ValiditeMois);
}
