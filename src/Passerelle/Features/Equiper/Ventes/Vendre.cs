using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary>Section <c>Equipement</c>, validated at start.</summary>
public sealed class EquipementOptions
{
    /// <summary>Family quotient (CAF, euros) at or under which a buyer is eligible; the territory sets it (seen: 600 to 850 €). Default 700.</summary>
    [Range(1, 5000, ErrorMessage = "Equipement:QuotientFamilialMax doit être compris entre 1 et 5 000 €.")] public int QuotientFamilialMax { get; set; } = 700;
    /// <summary>Warranty given on sale, in months; default 24 (legal conformity warranty of goods sold by a professional).</summary>
    [Range(6, 60, ErrorMessage = "Equipement:GarantieMois doit être compris entre 6 et 60.")] public int GarantieMois { get; set; } = 24;
    /// <summary>One solidarity purchase per household per this many months (rolling, from the last sale's day); 0 turns the rule off.
    /// The programme chooses (docs/standards/equipement-reemploi.md §6, « one purchase per household per period (configurable) »). Default 12.</summary>
    [Range(0, 120, ErrorMessage = "Equipement:PeriodeAchatMois doit être compris entre 0 et 120 (0 : pas de limite).")] public int PeriodeAchatMois { get; set; } = 12;
    /// <summary>Default length of a reservation, in days (1 to 30). Default 7.</summary>
    [Range(1, 30, ErrorMessage = "Equipement:ReservationJours doit être compris entre 1 et 30.")] public int ReservationJours { get; set; } = 7;
}

/// <param name="Motif">An <see cref="Eligibilite"/> rule code.</param>
/// <param name="Justificatif">The kind of proof seen (not the document).</param>
/// <param name="QuotientFamilial">Euros, required for the "quotient_familial" rule.</param>
public sealed record EligibiliteSaisie(string? Motif, string? Justificatif, DateOnly? Date, int? QuotientFamilial = null);
/// <param name="Foyer">The household's reference seen by the seller (CAF allocataire number, tax notice number…), compared without spaces
/// nor case; without it the household is the buyer's file when linked, else the name and town.</param>
/// <param name="Qpv">Where the buyer lives for the city policy: a QPV code (<c>Referentiels.Qpv</c>), « hors » (outside any QPV) or
/// nothing (not known; the linked file's QPV is then used when it has one).</param>
public sealed record AcheteurSaisie(string? Nom, string? Commune = null, int? BeneficiaireId = null, string? Foyer = null, string? Qpv = null);
/// <summary><c>POST /api/v1/equipement/ventes</c>: <c>prix</c> TTC in cents.</summary>
public sealed record VenteSaisie(int AppareilId, long Prix, EligibiliteSaisie? Eligibilite, AcheteurSaisie? Acheteur);

public static class Vendre
{
    /// <summary>The cap in force at <paramref name="jour"/> for this kind of device, in cents, or null when none is recorded.</summary>
    public static async Task<long?> PlafondAsync(AppDbContext db, string type, DateOnly jour, CancellationToken ct) =>
        await db.Set<PlafondPrix>().Where(p => p.Type == type && p.Depuis <= jour).OrderByDescending(p => p.Depuis).Select(p => (long?)p.MontantCentimes).FirstOrDefaultAsync(ct);

    /// <exception cref="ValidationException">Missing or malformed fields (400).</exception>
    /// <exception cref="RegleMetierException">Device not in stock, price above the cap, eligibility missing or expired, sold meanwhile (409).</exception>
    public static async Task<Vente> ExecuterAsync(AppDbContext db, VenteSaisie s, EquipementOptions options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        // The proof's validity and the cap run by the territory's calendar day, not the UTC one.
        var aujourdhui = Territoire.AujourdHui(horloge);
        var e = new Dictionary<string, string[]>();
        var el = s.Eligibilite;
        if (s.Prix is < 0 or > 1_000_000) e["prix"] = ["Le prix doit être compris entre 0 et 10 000 € (1 000 000 centimes)."];
        if (el is null || !Eligibilite.Existe(el.Motif)) e["eligibilite.motif"] = [$"Indiquez le motif d'éligibilité : {string.Join(", ", Eligibilite.Regles.Select(r => r.Code))}."];
        if (string.IsNullOrWhiteSpace(el?.Justificatif) || el.Justificatif.Length > 200) e["eligibilite.justificatif"] = ["Indiquez le justificatif vu (200 caractères au plus)."];
        if (el?.Date is null) e["eligibilite.date"] = ["Indiquez la date du justificatif."];
        else if (el.Date > aujourdhui) e["eligibilite.date"] = ["La date du justificatif ne peut pas être dans le futur."];
        if (el?.Motif == "quotient_familial" && el.QuotientFamilial is null or < 0) e["eligibilite.quotientFamilial"] = ["Indiquez le quotient familial en euros."];
        if (string.IsNullOrWhiteSpace(s.Acheteur?.Nom) || s.Acheteur.Nom.Length > 200) e["acheteur.nom"] = ["Indiquez le nom de l'acheteur (200 caractères au plus)."];
        if ((s.Acheteur?.Commune?.Length ?? 0) > 200) e["acheteur.commune"] = ["200 caractères au plus."];
        if ((s.Acheteur?.Foyer?.Length ?? 0) > 50) e["acheteur.foyer"] = ["50 caractères au plus."];
        string? codeQpvFiche = null;
        if (s.Acheteur?.BeneficiaireId is { } b)
        {
            var fiche = await db.Beneficiaires.Where(x => x.Id == b).Select(x => new { x.CodeQpv }).FirstOrDefaultAsync(ct);
            if (fiche is null) e["acheteur.beneficiaireId"] = ["Fiche de personne accompagnée inconnue."];
            else codeQpvFiche = fiche.CodeQpv;
        }
        var qpv = s.Acheteur?.Qpv?.Trim();
        if (qpv is { Length: > 0 } && !string.Equals(qpv, "hors", StringComparison.OrdinalIgnoreCase) && !await db.Qpv.AnyAsync(q => q.Code == qpv, ct))
            e["acheteur.qpv"] = ["Quartier prioritaire inconnu : indiquez son code (QN…), « hors » ou rien."];
        if (e.Count > 0) throw Valider.Invalide(e, "Vente invalide");

        var a = await ChangerEtat.ChargerAsync(db, s.AppareilId, ct);
        if (a.Etat is not (Etats.EnStock or Etats.Reserve))
            throw new RegleMetierException($"Cet appareil n'est pas en stock (état : {Etats.Libelle(a.Etat)}) : il ne peut pas être vendu.", "appareilId");
        var expiration = Eligibilite.Expiration(el!.Motif!, el.Date!.Value);
        if (expiration < aujourdhui)
            throw new RegleMetierException($"Le justificatif d'éligibilité a expiré le {expiration:dd/MM/yyyy} : demandez-en un plus récent.", "eligibilite.date");
        if (el.Motif == "quotient_familial" && el.QuotientFamilial > options.QuotientFamilialMax)
            throw new RegleMetierException($"Quotient familial au-dessus du seuil du territoire ({options.QuotientFamilialMax} €) : l'acheteur n'est pas éligible à ce motif.", "eligibilite.quotientFamilial");
        long? plafond = null;
        if (a.Origine == Origines.Public)
        {
            // CG3P L.3212-2 3° and the décret du 7 novembre 2022: public-origin equipment is resold at a capped price only.
            plafond = await PlafondAsync(db, a.Type, aujourdhui, ct)
                ?? throw new RegleMetierException("Aucun prix plafond n'est enregistré pour ce type d'appareil d'origine publique : la vente est impossible.", "prix");
            if (s.Prix > plafond)
                throw new RegleMetierException($"Prix au-dessus du plafond légal pour un appareil venant d'un organisme public : {(plafond.Value / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} € au plus ({PlafondPrix.SourceDecret}).", "prix");
        }
        var foyer = Foyers.Cle(s.Acheteur!.Foyer, s.Acheteur.BeneficiaireId, s.Acheteur.Nom!, s.Acheteur.Commune);
        if (options.PeriodeAchatMois > 0 && await Foyers.DerniereVenteAsync(db, foyer, ct) is { } derniere
            && DateOnly.FromDateTime(HeureParis.Depuis(derniere)) > aujourdhui.AddMonths(-options.PeriodeAchatMois))
            throw new RegleMetierException($"Ce foyer a déjà fait un achat solidaire le {HeureParis.Depuis(derniere):dd/MM/yyyy} : un achat par foyer tous les {options.PeriodeAchatMois} mois.", "acheteur.nom");
        ChangerEtat.Verifier(a, Etats.Vendu, qui);
        var v = new Vente
        {
            AppareilId = a.Id, PrixCentimes = s.Prix, PlafondCentimes = plafond, Motif = el.Motif!, Justificatif = el.Justificatif!.Trim(), DateJustificatif = el.Date!.Value,
            EligibleJusquAu = expiration, AcheteurNom = s.Acheteur!.Nom!.Trim(), AcheteurCommune = s.Acheteur.Commune?.Trim(), BeneficiaireId = s.Acheteur.BeneficiaireId,
            SituationQpv = qpv is { Length: > 0 } ? (string.Equals(qpv, "hors", StringComparison.OrdinalIgnoreCase) ? Quartiers.HorsQpv : Quartiers.EnQpv)
                : codeQpvFiche is null ? Quartiers.NonRenseigne : Quartiers.EnQpv,
            CodeQpv = qpv is { Length: > 0 } && !string.Equals(qpv, "hors", StringComparison.OrdinalIgnoreCase) ? qpv : qpv is { Length: > 0 } ? null : codeQpvFiche,
            FoyerCle = foyer, GarantieMois = options.GarantieMois, VenduLe = horloge.GetUtcNow().UtcDateTime, Vendeur = ChangerEtat.Auteur(qui), Jeton = Jetons.Nouveau(),
        };
        try
        {
            await ChangerEtat.AppliquerAsync(db, a, Etats.Vendu, $"Vente à {v.AcheteurNom}", v.Vendeur, horloge, ct, async c =>
            {
                // The household rule held by the database, in the sale's transaction (the check above only gives the nicer message).
                if (options.PeriodeAchatMois > 0) await Foyers.EnregistrerAchatAsync(db, foyer, aujourdhui, options.PeriodeAchatMois, c);
                db.Add(v);
                await db.SaveChangesAsync(c);
            });
        }
        catch (DbUpdateException) { throw new RegleMetierException("Cet appareil vient d'être vendu.", "appareilId"); }
        return v;
    }
}
