using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary><c>POST /api/v1/connexion/adhesions</c>: <c>programme</c> and <c>beneficiaire</c> ids, the eligibility as for a solidarity sale
/// (<c>motif</c>, <c>justificatif</c>, <c>date</c>, <c>quotientFamilial</c>), <c>debut</c> (default today).</summary>
public sealed record AdhesionSaisie(int? Programme, int? Beneficiaire, EligibiliteSaisie? Eligibilite, string? Prescripteur = null, DateOnly? Debut = null);

/// <summary>Enrols a followed person of the account's structure in a programme, with a valid eligibility proof.</summary>
public static class Adherer
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Malformed input: unknown rule code, proof dated in the future (400).</exception>
    /// <exception cref="KeyNotFoundException">Unknown programme or file (404).</exception>
    /// <exception cref="AccesRefuseException">The file belongs to another structure (403).</exception>
    /// <exception cref="RegleMetierException">Eligibility missing, not accepted by the programme or expired; file not followed; programme
    /// ended; an open enrolment already (409).</exception>
    public static async Task<Adhesion> ExecuterAsync(AppDbContext db, AdhesionSaisie s, IOptions<EquipementOptions> options, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        var e = new Dictionary<string, string[]>();
        if (s.Programme is null) e["programme"] = ["Indiquez le programme."];
        if (s.Beneficiaire is null) e["beneficiaire"] = ["Indiquez la fiche de la personne."];
        var el = s.Eligibilite;
        if (el?.Motif is { Length: > 0 } m && !EligibiliteConnexion.Existe(m))
            e["eligibilite.motif"] = [$"Motif d'éligibilité inconnu : choisissez parmi {string.Join(", ", EligibiliteConnexion.Regles.Select(r => r.Code))}."];
        if (el?.Date > aujourdhui) e["eligibilite.date"] = ["La date du justificatif ne peut pas être dans le futur."];
        if ((el?.Justificatif?.Length ?? 0) > 200) e["eligibilite.justificatif"] = ["200 caractères au plus."];
        if ((s.Prescripteur?.Length ?? 0) > 200) e["prescripteur"] = ["200 caractères au plus."];
        if (s.Debut is { } d0 && (d0 < aujourdhui.AddMonths(-1) || d0 > aujourdhui.AddYears(1))) e["debut"] = ["Début entre il y a un mois et dans un an."];
        if (e.Count > 0) throw Valider.Invalide(e, "Adhésion invalide");

        var programme = await AccesConnexion.ProgrammeAsync(db, s.Programme!.Value, ct);
        var fiche = await db.Beneficiaires.FirstOrDefaultAsync(b => b.Id == s.Beneficiaire, ct) ?? throw new KeyNotFoundException("Fiche de personne introuvable.");
        var structures = await AccesConnexion.StructuresAsync(db, qui, horloge, ct);
        if (!structures.Contains(fiche.StructureId)) throw new AccesRefuseException("Cette fiche appartient à une autre structure : seule la structure qui suit la personne peut l'inscrire.");
        if (!fiche.Suivi || fiche.AnonymiseLe is not null || fiche.ConsentementLe is null)
            throw new RegleMetierException("L'adhésion se fait pour une personne suivie qui a donné son accord (fiche nominative avec consentement).", "beneficiaire");
        var debut = s.Debut ?? aujourdhui;
        if (programme.Debut > debut || programme.Fin is { } fin && fin < debut)
            throw new RegleMetierException($"Le programme n'est pas ouvert à cette date (du {programme.Debut:dd/MM/yyyy}{(programme.Fin is { } f ? $" au {f:dd/MM/yyyy}" : "")}).", "debut");

        // Eligibility is a rule + a proof seen + its validity (decision 0018); missing or expired answers 409, as the contract says.
        if (string.IsNullOrWhiteSpace(el?.Motif) || string.IsNullOrWhiteSpace(el.Justificatif) || el.Date is null)
            throw new RegleMetierException("Éligibilité manquante : indiquez le motif, le justificatif vu et sa date.", "eligibilite");
        if (!programme.CodesRegles.Contains(el.Motif))
            throw new RegleMetierException($"Ce programme n'accepte pas ce motif. Motifs acceptés : {string.Join(", ", programme.CodesRegles.Select(EligibiliteConnexion.Libelle))}.", "eligibilite.motif");
        var expiration = EligibiliteConnexion.Expiration(el.Motif, el.Date.Value);
        if (expiration < aujourdhui)
            throw new RegleMetierException($"Le justificatif d'éligibilité a expiré le {expiration:dd/MM/yyyy} : demandez-en un plus récent.", "eligibilite.date");
        if (el.Motif == "quotient_familial" && (el.QuotientFamilial is null || el.QuotientFamilial > options.Value.QuotientFamilialMax))
            throw new RegleMetierException($"Quotient familial absent ou au-dessus du seuil du territoire ({options.Value.QuotientFamilialMax} €).", "eligibilite.quotientFamilial");
        if (el.Motif == EligibiliteConnexion.ResidentQpv && fiche.CodeQpv is null)
            throw new RegleMetierException("La fiche de la personne n'indique pas de quartier prioritaire : renseignez son quartier ou choisissez un autre motif.", "eligibilite.motif");
        if (el.Motif == EligibiliteConnexion.LocatairePartenaire && !await db.Set<PartenaireProgramme>().AnyAsync(p => p.ProgrammeId == programme.Id && p.Role == RolesPartenaires.Bailleur, ct))
            throw new RegleMetierException("Ce programme n'a pas de bailleur partenaire.", "eligibilite.motif");
        if (await db.Set<Adhesion>().AnyAsync(a => a.ProgrammeId == programme.Id && a.BeneficiaireId == fiche.Id && a.Statut != StatutsAdhesion.Terminee, ct))
            throw new RegleMetierException("Cette personne a déjà une adhésion en cours à ce programme.", "beneficiaire");

        var finAdhesion = debut.AddMonths(programme.DureeAdhesionMois);
        if (programme.Fin is { } fp && fp < finAdhesion) finAdhesion = fp;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var a = new Adhesion
        {
            ProgrammeId = programme.Id, BeneficiaireId = fiche.Id, StructureId = fiche.StructureId, Prescripteur = s.Prescripteur?.Trim(), Regle = el.Motif,
            Justificatif = el.Justificatif.Trim(), DateJustificatif = el.Date, EligibleJusquAu = expiration, Debut = debut, Fin = finAdhesion,
            RevueLe = finAdhesion.AddDays(-programme.RevueJoursAvantFin), Statut = debut > aujourdhui ? StatutsAdhesion.EnAttente : StatutsAdhesion.Active,
            PlafondMensuelCentimes = programme.PlafondMensuelCentimes, Commune = fiche.Commune, CodeQpv = fiche.CodeQpv, CreeLe = maintenant, CreePar = qui.Identity?.Name ?? "",
        };
        db.Add(a);
        fiche.DerniereActiviteLe = maintenant;
        Accompagner.Beneficiaires.AccesBeneficiaires.Journaliser(db, qui, maintenant, "Adhésion", Accompagner.Beneficiaires.Journal.FicheBeneficiaire, fiche.Id, programme.Nom);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Cette personne a déjà une adhésion en cours à ce programme.", "beneficiaire"); }
        return a;
    }
}
