using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary><c>/equipement/achat/{jeton}/recu.pdf</c>, public (the buyer's secret link is the key): the sale receipt with the price,
/// the cap that applied, the warranty (months and end date) and the erasure statement. 404 for an unknown link.</summary>
public sealed class RecuVentePdfModel(AppDbContext db, IOptions<OrganismeOptions> organisme) : PageModel
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var v = await db.Set<Vente>().AsNoTracking().FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (v is null) return NotFound();
        var a = await db.Set<Appareil>().AsNoTracking().SingleAsync(x => x.Id == v.AppareilId, ct);
        var org = organisme.Value;
        var jour = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(v.VenduLe, DateTimeKind.Utc), Territoire.Zone(null)));
        var pdf = new DocumentPdf($"Reçu d'achat solidaire n° {v.Id}", "Reçu d'achat solidaire")
            .Titre($"Reçu d'achat solidaire n° {v.Id}")
            .Champ("Vendeur", $"{org.Nom} ({org.Identifiant}), {org.Adresse}")
            .Champ("Date", jour.ToString("dd/MM/yyyy", Fr))
            .Champ("Acheteur", v.AcheteurNom + (v.AcheteurCommune is null ? "" : ", " + v.AcheteurCommune))
            .Champ("Appareil", $"{Materiel.Libelle(a.Type)} {a.Marque} {a.Modele}, étiquette {a.Etiquette}" + (a.NumeroSerie is null ? "" : $", n° de série {a.NumeroSerie}")
                + (a.Grade is null ? "" : $", aspect {a.Grade}") + (a.SanteBatterie is { } b ? $", batterie {b} %" : ""))
            .Champ("Prix payé", $"{RecuPdfModel.Euros(v.PrixCentimes)} TTC")
            .Champ("Prix plafond", v.PlafondCentimes is { } p ? $"{RecuPdfModel.Euros(p)} TTC ({PlafondPrix.SourceDecret})" : "sans objet (appareil non issu d'un organisme public)")
            .Champ("Garantie", $"{v.GarantieMois} mois, jusqu'au {jour.AddMonths(v.GarantieMois):dd/MM/yyyy} (garantie légale de conformité, code de la consommation L.217-3 et suivants).")
            .Champ("Achat solidaire", $"Éligibilité vérifiée : {Eligibilite.Libelle(v.Motif)}, justificatif du {v.DateJustificatif:dd/MM/yyyy} (le document n'est pas conservé).")
            .Paragraphe("Appareil reconditionné : toutes ses fonctions ont été testées et les données de l'ancien propriétaire effacées, avec une preuve pour chaque support de stockage (décret n° 2022-190).")
            .Paragraphe("Besoin d'aide pour démarrer ? Prenez rendez-vous avec un médiateur numérique, c'est gratuit.")
            .Enregistrer();
        return File(pdf, "application/pdf", $"recu-achat-{v.Id}.pdf");
    }
}
