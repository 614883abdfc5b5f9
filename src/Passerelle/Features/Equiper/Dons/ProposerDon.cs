using System.ComponentModel.DataAnnotations;
using Passerelle.Data;
using Passerelle.Features.Referentiels;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>One line typed by the donor: a <see cref="Materiel"/> code and a quantity (1 to 10 000).</summary>
public sealed record LigneSaisie(string Type, int Quantite);

/// <summary>What a donor types on <c>/equipement/don</c> (or posts to <c>POST /api/v1/equipement/offres</c>).</summary>
public sealed record OffreSaisie
{
    public string Origine { get; init; } = Origines.Entreprise;
    [Required(ErrorMessage = "Indiquez le nom de l'organisation (ou le vôtre)."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string Organisation { get; init; } = "";
    [StringLength(20, ErrorMessage = "Le numéro SIRET a 14 chiffres.")] public string? Siret { get; init; }
    [Required(ErrorMessage = "Indiquez le nom de la personne à contacter."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string ContactNom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez une adresse électronique."), EmailAddress(ErrorMessage = "Adresse électronique invalide, par exemple : nom@exemple.fr."), StringLength(200)] public string Courriel { get; init; } = "";
    [StringLength(30, ErrorMessage = "Numéro trop long.")] public string? Telephone { get; init; }
    [Required(ErrorMessage = "Indiquez l'adresse où venir chercher le matériel."), StringLength(500, ErrorMessage = "500 caractères au plus.")] public string AdresseEnlevement { get; init; } = "";
    [Required(ErrorMessage = "Indiquez quand nous pouvons passer (jours, heures)."), StringLength(500, ErrorMessage = "500 caractères au plus.")] public string Disponibilites { get; init; } = "";
    [Range(0, 50, ErrorMessage = "Indiquez un âge entre 0 et 50 ans.")] public int AgeAnnees { get; init; }
    public bool DisquesPresents { get; init; }
    [StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? ReferenceDecision { get; init; }
    public List<LigneSaisie> Lignes { get; init; } = [];
}

public static class ProposerDon
{
    /// <summary>Field errors by property name (the lines under "Lignes"), empty when the offer can be recorded.</summary>
    public static Dictionary<string, string[]> Verifier(OffreSaisie s)
    {
        var erreurs = Valider.Objet(s) ?? [];
        if (!Origines.Toutes.Contains(s.Origine)) erreurs["Origine"] = ["Indiquez qui donne : entreprise, organisme public ou particulier."];
        else if (s.Origine != Origines.Particulier)
        {
            var siret = new string((s.Siret ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (siret.Length == 0) erreurs["Siret"] = ["Indiquez le numéro SIRET (14 chiffres) de l'établissement qui donne."];
            else if (!Identifiants.SiretValide(siret)) erreurs["Siret"] = ["Ce numéro SIRET n'existe pas : vérifiez les 14 chiffres."];
        }
        if (s.Lignes is null || s.Lignes.Count == 0 || s.Lignes.All(l => l.Quantite == 0)) erreurs["Lignes"] = ["Indiquez au moins un appareil et sa quantité."];
        else if (s.Lignes.Any(l => !Materiel.Existe(l.Type))) erreurs["Lignes"] = ["Type d'appareil inconnu."];
        else if (s.Lignes.Any(l => l.Quantite is < 0 or > 10_000)) erreurs["Lignes"] = ["Chaque quantité va de 0 à 10 000."];
        else if (s.Lignes.GroupBy(l => l.Type).Any(g => g.Count() > 1)) erreurs["Lignes"] = ["Chaque type d'appareil une seule fois."];
        return erreurs;
    }

    /// <exception cref="ValidationException">Field errors (400).</exception>
    public static async Task<OffreDon> ExecuterAsync(AppDbContext db, OffreSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = Verifier(s);
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Offre de don incomplète");
        var o = new OffreDon
        {
            Jeton = Jetons.Nouveau(), Origine = s.Origine, Organisation = s.Organisation.Trim(), ContactNom = s.ContactNom.Trim(), Courriel = s.Courriel.Trim(),
            Siret = s.Origine == Origines.Particulier ? null : new string(s.Siret!.Where(c => !char.IsWhiteSpace(c)).ToArray()),
            Telephone = string.IsNullOrWhiteSpace(s.Telephone) ? null : s.Telephone.Trim(), AdresseEnlevement = s.AdresseEnlevement.Trim(),
            Disponibilites = s.Disponibilites.Trim(), AgeAnnees = s.AgeAnnees, DisquesPresents = s.DisquesPresents,
            ReferenceDecision = string.IsNullOrWhiteSpace(s.ReferenceDecision) ? null : s.ReferenceDecision.Trim(),
            CreeLe = horloge.GetUtcNow().UtcDateTime,
            Lignes = s.Lignes.Where(l => l.Quantite > 0).Select(l => new LigneOffre { Type = l.Type, Quantite = l.Quantite }).ToList(),
        };
        db.Add(o);
        await db.SaveChangesAsync(ct);
        return o;
    }
}
