using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Ventes.Admin;

[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class VendreModel(AppDbContext db, IOptions<EquipementOptions> options, TimeProvider horloge) : PageModel
{
    public Appareil Appareil { get; private set; } = null!;
    public long? Plafond { get; private set; }
    public DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    /// <summary>Price as typed, in euros: « 150 », « 150,50 », « 150.50 » or « 150,50 € » (French or dotted decimals, no thousands separator).</summary>
    [BindProperty] public string? PrixEuros { get; set; }
    [BindProperty] public string? Motif { get; set; } = "rsa";
    [BindProperty] public string? Justificatif { get; set; }
    [BindProperty] public DateOnly? DateJustificatif { get; set; }
    [BindProperty] public int? QuotientFamilial { get; set; }
    [BindProperty] public string? AcheteurNom { get; set; }
    [BindProperty] public string? AcheteurCommune { get; set; }
    [BindProperty] public string? Foyer { get; set; }
    /// <summary>A QPV code, « hors » or empty (not known).</summary>
    [BindProperty] public string? Qpv { get; set; }
    /// <summary>The territory's priority neighbourhoods, for the buyer's address (code, name and department).</summary>
    public List<Referentiels.Qpv> Quartiers { get; private set; } = [];
    [BindProperty] public string? ReservePour { get; set; }
    [BindProperty] public int? JoursReservation { get; set; }

    async Task ChargerAsync(int id, CancellationToken ct)
    {
        Appareil = await ChangerEtat.ChargerAsync(db, id, ct);
        Quartiers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Qpv.OrderBy(q => q.Nom), ct);
        if (Appareil.Origine == Dons.Origines.Public) Plafond = await Vendre.PlafondAsync(db, Appareil.Type, Territoire.AujourdHui(horloge), ct);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await ChargerAsync(id, ct);
        if (Plafond is { } p) PrixEuros = (p / 100m).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        // A value the binder could not read (« abc » as a family quotient) is keyed by the property: give it the use case's key,
        // the one its field shows, so that the message sits next to the field and not only in the summary.
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary(e => Cles.GetValueOrDefault(e.Key, e.Key), e => e.Value);
        // The sale's bounds (0 to 10 000 €, as the use case) at the call site of the shared reader.
        if (!Euros.Lire(PrixEuros, out var prix) || prix is null or < 0 or > 1_000_000) Erreurs["prix"] = ["Indiquez le prix en euros, par exemple 150 ou 150,50 (10 000 € au plus)."];
        if (Erreurs.Count == 0)
        {
            try
            {
                var v = await Vendre.ExecuterAsync(db, new VenteSaisie(id, prix!.Value, new EligibiliteSaisie(Motif, Justificatif, DateJustificatif, QuotientFamilial),
                    new AcheteurSaisie(AcheteurNom, AcheteurCommune, null, Foyer, Qpv)), options.Value, User, horloge, ct);
                return Redirect($"/equipement/achat/{v.Jeton}");
            }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (AccesRefuseException e) { Erreurs[""] = [e.Message]; }
        }
        await ChargerAsync(id, ct);
        return Page();
    }

    /// <summary>Holds the device for a buyer (state « réservé » with an expiry), then back to this page.</summary>
    public async Task<IActionResult> OnPostReserverAsync(int id, CancellationToken ct)
    {
        Erreurs = Formulaire.Erreurs(ModelState).ToDictionary(e => e.Key switch { nameof(ReservePour) => "pour", nameof(JoursReservation) => "jours", var k => k }, e => e.Value);
        if (Erreurs.Count == 0)
        {
            try
            {
                await Reserver.ExecuterAsync(db, new ReservationSaisie(id, ReservePour, JoursReservation), options.Value, User, horloge, ct);
                return Redirect($"/admin/equipement/appareils/{id}");
            }
            catch (ValidationException e) { Erreurs = Valider.Erreurs(e); }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
            catch (AccesRefuseException e) { Erreurs[""] = [e.Message]; }
        }
        await ChargerAsync(id, ct);
        return Page();
    }

    static readonly Dictionary<string, string> Cles = new()
    {
        [nameof(PrixEuros)] = "prix", [nameof(Motif)] = "eligibilite.motif", [nameof(Justificatif)] = "eligibilite.justificatif", [nameof(DateJustificatif)] = "eligibilite.date",
        [nameof(QuotientFamilial)] = "eligibilite.quotientFamilial", [nameof(AcheteurNom)] = "acheteur.nom", [nameof(AcheteurCommune)] = "acheteur.commune", [nameof(Foyer)] = "acheteur.foyer", [nameof(Qpv)] = "acheteur.qpv",
    };
}
