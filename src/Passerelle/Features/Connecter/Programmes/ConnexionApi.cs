using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

public sealed record ProgrammeDto(int Id, string Nom, int StructureGestionnaireId, DateOnly Debut, DateOnly? Fin, long Budget, long PlafondMensuel, int DureeMois,
    int RenouvellementsMax, IReadOnlyList<string> Regles);
public sealed record CreeDto(long Id);
public sealed record LigneDto(int Id, string? Iccid, string? Numero, string Operateur, DateOnly ActiveeLe, DateOnly? DesactiveeLe);
public sealed record BoxDto(int Id, string Bailleur, string? Residence, string? ReferenceLogement, DateOnly ActiveeLe);
/// <summary>A ledger movement, amounts in cents, signed; <c>sansReference</c> flags it for the reconciliation with the operator's invoices.</summary>
public sealed record MouvementDto(long Id, string Type, DateTime Le, string Mois, int Offre, long Montant, long PrixPaye, long Subvention, string? Reference, bool SansReference);
/// <summary>An enrolment with its ledger; lines and boxes only for the managing structure (null otherwise).</summary>
public sealed record AdhesionDetailDto(AdhesionDto Adhesion, string? MotifSortie, string? OffreSortie, int Renouvellements, IReadOnlyList<LigneDto>? Lignes,
    IReadOnlyList<BoxDto>? Box, IReadOnlyList<MouvementDto> Mouvements);

/// <summary>Routes under <c>/api/v1/connexion</c> (issue 13's contract). Enrolments and the ledger: mediators, managers and administrators
/// who work for the managing or enrolling structure (checked per object); programmes' indicators: every team account, per programme
/// (<see cref="AccesConnexion.VueAsync"/>); creating a programme: managers and administrators.</summary>
public static class ConnexionApi
{
    public static void MapConnexionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/connexion").WithTags("Connexion solidaire").RequireRateLimiting(Authentification.LimiteEcriture);
        var terrain = g.MapGroup("").RequireAuthorization(Roles.PolitiqueTerrain);
        terrain.MapGet("/adhesions", Lister).WithSummary("Adhésions des structures du compte (?programme=&statut=), montants en centimes");
        terrain.MapPost("/adhesions", Inscrire).WithSummary("Inscrire une personne suivie : 409 si l'éligibilité manque ou a expiré");
        terrain.MapGet("/adhesions/{id:int}", Lire).WithSummary("Une adhésion, son journal de recharges ; lignes et box pour la structure gestionnaire");
        terrain.MapPost("/adhesions/{id:int}/recharges", NouvelleRecharge).WithSummary("Recharge : 409 si le plafond du mois serait dépassé");
        terrain.MapPost("/adhesions/{id:int}/remboursements", NouveauRemboursement).WithSummary("Remboursement ou bon annulé : mouvement négatif");
        terrain.MapPost("/adhesions/{id:int}/statut", Statut).WithSummary("Activer, suspendre ou terminer (motif et offre de sortie)");
        terrain.MapPost("/adhesions/{id:int}/renouvellement", Renouvellement).WithSummary("Renouveler après la revue");
        terrain.MapPost("/adhesions/{id:int}/lignes", Ligne).WithSummary("Ligne mobile (ICCID, numéro) : structure gestionnaire");
        terrain.MapPost("/adhesions/{id:int}/lignes/{ligne:int}/desactivation", Desactiver).WithSummary("Désactiver une ligne (date, par défaut aujourd'hui) : structure gestionnaire");
        terrain.MapPost("/adhesions/{id:int}/box", Box).WithSummary("Box dans un logement : structure gestionnaire");
        terrain.MapPost("/programmes/{id:int}/factures", NouvelleFacture).WithSummary("Facture de l'opérateur (lignes : référence, montant en centimes, date) : structure gestionnaire");
        terrain.MapPost("/programmes/{id:int}/bons", NouveauLot).WithSummary("Lot de bons reçus pour une offre : structure gestionnaire");
        terrain.MapGet("/programmes/{id:int}/rapprochement", Rapprochement).WithSummary("Rapprochement journal / factures (?du=&au=) et stock de bons");
        g.MapGet("/programmes", ListeProgrammes).RequireAuthorization(Roles.PolitiqueEquipe).WithSummary("Programmes dont le compte voit les indicateurs");
        g.MapPost("/programmes", Creer).RequireAuthorization(Roles.PolitiqueGestion).WithSummary("Créer un programme, ses partenaires et ses offres");
        g.MapPut("/programmes/{id:int}", Modifier).RequireAuthorization(Roles.PolitiqueGestion).WithSummary("Modifier un programme : partenaires remplacés, offres changées ou ajoutées");
        g.MapGet("/programmes/{id:int}/indicateurs.csv", (int id, DateOnly? du, DateOnly? au, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) => Exporter(id, du, au, false, db, qui, h, ct))
            .RequireAuthorization(Roles.PolitiqueEquipe).WithSummary("Indicateurs en CSV (séparateur ;), même vue que la page");
        g.MapGet("/programmes/{id:int}/indicateurs.xlsx", (int id, DateOnly? du, DateOnly? au, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) => Exporter(id, du, au, true, db, qui, h, ct))
            .RequireAuthorization(Roles.PolitiqueEquipe).WithSummary("Indicateurs en XLSX, même vue que la page");
        g.MapGet("/programmes/{id:int}/indicateurs", Indicateurs).RequireAuthorization(Roles.PolitiqueEquipe).WithSummary("Agrégats du programme (?du=&au=), petits effectifs masqués");
    }

    static Task<ListeAdhesions> Lister(int? programme, string? statut, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        ListerAdhesions.ExecuterAsync(db, programme, statut, qui, h, ct);

    static async Task<Created<CreeDto>> Inscrire(AdhesionSaisie s, AppDbContext db, IOptions<EquipementOptions> o, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var a = await Adherer.ExecuterAsync(db, s, o, qui, h, ct);
        return TypedResults.Created($"/api/v1/connexion/adhesions/{a.Id}", new CreeDto(a.Id));
    }

    static async Task<AdhesionDetailDto> Lire(int id, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var structures = await AccesConnexion.StructuresAsync(db, qui, h, ct);
        var (a, _, gere) = await AccesConnexion.AdhesionAsync(db, structures, id, ct);
        var mois = Recharger.Mois(Territoire.AujourdHui(h));
        var consomme = await db.Set<ConsommationMensuelle>().Where(c => c.AdhesionId == id && c.Mois == mois).Select(c => (long?)c.ConsommeCentimes).FirstOrDefaultAsync(ct) ?? 0;
        // The person's name only for the structure that holds the file.
        var nom = a.BeneficiaireId is { } b && structures.Contains(a.StructureId) ? (await db.Beneficiaires.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct))?.NomAffiche : null;
        var dto = new AdhesionDto(a.Id, a.ProgrammeId, a.Statut, a.PlafondMensuelCentimes, consomme, a.Debut, a.Fin, a.RevueLe, a.Regle, a.EligibleJusquAu, a.BeneficiaireId, nom, a.CodeQpv);
        var mouvements = (await db.Set<MouvementRecharge>().AsNoTracking().Where(m => m.AdhesionId == id).OrderByDescending(m => m.Id).Take(500).ToListAsync(ct))
            .Select(Dto).ToList();
        List<LigneDto>? lignes = null; List<BoxDto>? box = null;
        if (gere)
        {
            lignes = await db.Set<LigneMobile>().AsNoTracking().Where(l => l.AdhesionId == id).OrderBy(l => l.Id)
                .Select(l => new LigneDto(l.Id, l.Iccid, l.Numero, l.Operateur, l.ActiveeLe, l.DesactiveeLe)).ToListAsync(ct);
            box = await db.Set<ActivationBox>().AsNoTracking().Where(b => b.AdhesionId == id).OrderBy(b => b.Id)
                .Select(b => new BoxDto(b.Id, b.Bailleur, b.Residence, b.ReferenceLogement, b.ActiveeLe)).ToListAsync(ct);
        }
        return new AdhesionDetailDto(dto, a.MotifSortie, a.OffreSortie, a.Renouvellements, lignes, box, mouvements);
    }

    static async Task<Created<MouvementDto>> NouvelleRecharge(int id, RechargeSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        Cree(id, await Recharger.ExecuterAsync(db, id, s, qui, h, ct));

    static async Task<Created<MouvementDto>> NouveauRemboursement(int id, RemboursementSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        Cree(id, await Rembourser.ExecuterAsync(db, id, s, qui, h, ct));

    static Created<MouvementDto> Cree(int id, MouvementRecharge m) => TypedResults.Created($"/api/v1/connexion/adhesions/{id}", Dto(m));

    static MouvementDto Dto(MouvementRecharge m) =>
        new(m.Id, m.Type, m.Le, $"{m.Mois / 100:D4}-{m.Mois % 100:D2}", m.OffreId, m.MontantCentimes, m.PrixPayeCentimes, m.SubventionCentimes, m.Reference, m.Reference is null);

    static async Task<Ok<CreeDto>> Statut(int id, StatutSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Ok(new CreeDto((await ChangerStatut.ExecuterAsync(db, id, s, qui, h, ct)).Id));

    public sealed record RenouvellementSaisie(DateOnly? DateJustificatif);

    static async Task<Ok<CreeDto>> Renouvellement(int id, RenouvellementSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Ok(new CreeDto((await Renouveler.ExecuterAsync(db, id, s.DateJustificatif, qui, h, ct)).Id));

    static async Task<Created<CreeDto>> Ligne(int id, LigneSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/connexion/adhesions/{id}", new CreeDto((await EnregistrerLigne.ExecuterAsync(db, id, s, qui, h, ct)).Id));

    static async Task<Ok<LigneDto>> Desactiver(int id, int ligne, DesactivationSaisie? s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var l = await DesactiverLigne.ExecuterAsync(db, id, ligne, s ?? new(null), qui, h, ct);
        return TypedResults.Ok(new LigneDto(l.Id, l.Iccid, l.Numero, l.Operateur, l.ActiveeLe, l.DesactiveeLe));
    }

    static async Task<Created<CreeDto>> Box(int id, BoxSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/connexion/adhesions/{id}", new CreeDto((await EnregistrerBox.ExecuterAsync(db, id, s, qui, h, ct)).Id));

    static async Task<List<ProgrammeDto>> ListeProgrammes(AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        (await AccesConnexion.ProgrammesVisiblesAsync(db, qui, h, ct)).Select(Dto).ToList();

    static ProgrammeDto Dto(ProgrammeConnexion p) => new(p.Id, p.Nom, p.StructureGestionnaireId, p.Debut, p.Fin, p.BudgetCentimes, p.PlafondMensuelCentimes,
        p.DureeAdhesionMois, p.RenouvellementsMax, p.CodesRegles);

    static async Task<Created<ProgrammeDto>> Creer(ProgrammeSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var p = await CreerProgramme.ExecuterAsync(db, s, qui, h, ct);
        return TypedResults.Created($"/api/v1/connexion/programmes/{p.Id}", Dto(p));
    }

    static async Task<ProgrammeDto> Modifier(int id, ProgrammeSaisie s, AppDbContext db, ClaimsPrincipal qui, CancellationToken ct) =>
        Dto(await ModifierProgramme.ExecuterAsync(db, id, s, qui, ct));

    static async Task<Created<CreeDto>> NouvelleFacture(int id, FactureSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/connexion/programmes/{id}/rapprochement", new CreeDto((await ImporterFacture.ExecuterAsync(db, id, s, qui, h, ct)).Id));

    static async Task<Created<CreeDto>> NouveauLot(int id, LotSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/connexion/programmes/{id}/rapprochement", new CreeDto((await ImporterFacture.RecevoirBonsAsync(db, id, s, qui, h, ct)).Id));

    static async Task<RapprochementDto> Rapprochement(int id, DateOnly? du, DateOnly? au, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        await RapportRapprochement.ExecuterAsync(db, await ImporterFacture.ProgrammeGereAsync(db, id, qui, h, ct), du, au, h, ct);

    static async Task<FileContentHttpResult> Exporter(int id, DateOnly? du, DateOnly? au, bool xlsx, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct) =>
        ExportIndicateurs.Fichier(await Indicateurs(id, du, au, db, qui, h, ct), xlsx, Territoire.AujourdHui(h));

    static async Task<IndicateursDto> Indicateurs(int id, DateOnly? du, DateOnly? au, AppDbContext db, ClaimsPrincipal qui, TimeProvider h, CancellationToken ct)
    {
        var p = await AccesConnexion.ProgrammeAsync(db, id, ct);
        var vue = await AccesConnexion.VueAsync(db, qui, p, h, ct) ?? throw new AccesRefuseException("Ce programme ne vous est pas ouvert.");
        return await IndicateursProgramme.ExecuterAsync(db, p, du, au, vue, h, ct);
    }
}
