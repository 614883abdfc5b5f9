using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Dons;

/// <summary><c>/equipement/don/{jeton}/recu.pdf</c>, public (the donor's secret link is the key): the company's tax receipt with the
/// data of cerfa n° 16216 (2041-MEC-SD; CGI art. 238 bis) and the donor's yearly total, or a public body's attestation of donation
/// (no tax receipt, CG3P L.3212-2). 404 for an unknown link, a receipt not yet issued, a gift not yet received, or an individual.</summary>
public sealed class RecuPdfModel(AppDbContext db, IOptions<OrganismeOptions> organisme) : PageModel
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lignes).Include(x => x.Lot).FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (o is null) return NotFound();
        var r = await db.Set<RecuDon>().AsNoTracking().FirstOrDefaultAsync(x => x.OffreDonId == o.Id, ct);
        var org = organisme.Value;
        if (r is not null)
        {
            var (nombre, total) = await RecuDon.TotalAnnuelAsync(db, r.Siren, r.Annee, ct);
            return File(Recu(r, org, nombre, total), "application/pdf", $"recu-don-{r.Numero}.pdf");
        }
        if (o.Origine != Origines.Public || o.Lot is null) return NotFound();
        return File(Attestation(o, org), "application/pdf", $"attestation-don-{o.Id}.pdf");
    }

    public static string Euros(long centimes) => (centimes / 100m).ToString("#,##0.00", Fr) + " €";

    /// <summary>The receipt's PDF: the rubrics of cerfa 16216 in its order (receipt number, beneficiary, donor, amount, date, form and
    /// nature of the gift, certification, signature).</summary>
    public static byte[] Recu(RecuDon r, OrganismeOptions org, int nombreAnnee, long totalAnnee) => new DocumentPdf($"Reçu n° {r.Numero}", "Reçu des dons effectués par les entreprises")
        .Titre($"Reçu des dons et versements effectués par les entreprises — n° {r.Numero}")
        .Paragraphe("Données du formulaire cerfa n° 16216 (2041-MEC-SD), article 238 bis du code général des impôts.")
        .Intertitre("Bénéficiaire des versements")
        .Champ("Dénomination", org.Nom).Champ("SIREN ou RNA", org.Identifiant).Champ("Adresse", org.Adresse).Champ("Objet", org.Objet)
        .Intertitre("Donateur")
        .Champ("Dénomination", r.DonateurNom).Champ("Forme juridique", r.FormeJuridique).Champ("SIREN", r.Siren).Champ("Adresse", r.AdresseDonateur)
        .Intertitre("Don")
        .Champ("Montant", $"***{Euros(r.MontantCentimes)}***")
        .Champ("Date du don", r.DateDon.ToString("dd/MM/yyyy", Fr))
        .Champ("Forme du don", "Déclaration de don manuel")
        .Champ("Nature du don", "Autres : " + r.Nature)
        .Champ("Méthode de valorisation", r.MethodeValorisation + " (valeur déclarée par le donateur, sous sa responsabilité)")
        .Intertitre("Certification")
        .Paragraphe($"Le bénéficiaire certifie que le don ouvre droit à la réduction d'impôt prévue à l'article 238 bis du code général des impôts. Établi le {r.EtabliLe:dd/MM/yyyy}.")
        .Paragraphe("Nom, qualité et signature du représentant du bénéficiaire :")
        .Intertitre($"Total de l'année {r.Annee}")
        .Paragraphe($"Dons de ce donateur (SIREN {r.Siren}) ayant donné lieu à un reçu en {r.Annee} : {nombreAnnee} reçu(s), pour un total de {Euros(totalAnnee)}.")
        .Enregistrer();

    public static byte[] Attestation(OffreDon o, OrganismeOptions org) => new DocumentPdf($"Attestation de don n° {o.Id}", "Attestation de don d'un organisme public")
        .Titre("Attestation de don")
        .Paragraphe($"{org.Nom} ({org.Identifiant}, {org.Adresse}) atteste avoir reçu de {o.Organisation}"
            + (o.ReferenceDecision is null ? "" : $" (décision {o.ReferenceDecision})") + " le don de matériel informatique suivant :")
        .Champ("Matériel", string.Join(", ", o.Lignes.Select(l => $"{l.Quantite} × {Materiel.Libelle(l.Type)}")))
        .Champ("Reçu le", $"{o.Lot!.RecuLe:dd/MM/yyyy} : {o.Lot.NombreAppareils} appareils, {o.Lot.PoidsKg} kg")
        .Paragraphe("Don d'un organisme public (code général de la propriété des personnes publiques, art. L.3212-2 et L.3212-3) : il n'ouvre pas droit à un reçu fiscal. "
            + "Le matériel est revendu à prix solidaire plafonné aux personnes en situation de précarité.")
        .Enregistrer();
}
