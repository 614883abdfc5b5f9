using Passerelle.Features.Equiper.Ventes;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>The eligibility routes of a connectivity programme: the solidarity sale's rules (<see cref="Eligibilite"/>, same engine and
/// proofs, docs/standards/equipement-reemploi.md §6) plus the two routes connectivity programmes add (connectivite-solidaire.md §2):
/// tenant of a partner landlord, resident of a priority neighbourhood (QPV).</summary>
public static class EligibiliteConnexion
{
    public const string LocatairePartenaire = "locataire_partenaire", ResidentQpv = "resident_qpv";

    /// <summary>Connectivity-specific routes: code, label, proof commonly asked, validity in months (a rent receipt or a proof of
    /// address of less than three months, as landlords and counters usually ask).</summary>
    public static readonly (string Code, string Libelle, string Preuve, int ValiditeMois)[] ReglesPropres =
    [
        (LocatairePartenaire, "Locataire d'un bailleur partenaire du programme", "quittance de loyer ou bail du bailleur partenaire", 3),
        (ResidentQpv, "Habitant d'un quartier prioritaire (QPV)", "justificatif de domicile", 3),
    ];

    /// <summary>Every route a programme may accept: the solidarity sale's then the connectivity ones.</summary>
    public static IEnumerable<(string Code, string Libelle, string Preuve, int ValiditeMois)> Regles => Eligibilite.Regles.Concat(ReglesPropres);

    public static bool Existe(string? code) => Regles.Any(r => r.Code == code);
    public static string Libelle(string code) => Regles.FirstOrDefault(r => r.Code == code).Libelle ?? code;

    /// <summary>Last day the proof is accepted: its date plus the rule's validity.</summary>
    public static DateOnly Expiration(string code, DateOnly dateJustificatif) =>
        ReglesPropres.Any(r => r.Code == code) ? dateJustificatif.AddMonths(ReglesPropres.First(r => r.Code == code).ValiditeMois) : Eligibilite.Expiration(code, dateJustificatif);
}
