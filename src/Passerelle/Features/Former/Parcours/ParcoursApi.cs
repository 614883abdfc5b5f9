using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

public sealed record CohorteResumeDto(int Id, string Nom, string Statut);
public sealed record ListeCohortesDto(IReadOnlyList<CohorteResumeDto> Items);
public sealed record CreeDto(int Id);
public sealed record CandidatureCreeeDto(int Id, string Suivi);
public sealed record StatutSaisie(string Statut);

/// <summary>Pathways API (issue 14, « Contract »). The public application is anonymous and rate-limited; everything else needs a team
/// account and is then checked per object by <see cref="AccesParcours"/> (403 outside the school, the support team or the funders).</summary>
public static class ParcoursApi
{
    public static void MapParcoursApi(this RouteGroupBuilder api)
    {
        api.MapPost("/parcours/cohortes/{id:int}/candidatures", Candidature).WithTags("Parcours").AllowAnonymous().RequireRateLimiting(Authentification.LimitePublique)
            .WithSummary("Candidater à une session (sans compte)");
        var g = api.MapGroup("/parcours").WithTags("Parcours").RequireAuthorization(Roles.PolitiqueEquipe).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapGet("/cohortes", Cohortes).WithSummary("Les cohortes visibles : celles de mes écoles, de mes apprenants, ou que mon organisme finance");
        g.MapGet("/cohortes/{id:int}/indicateurs", IndicateursCohorte).WithSummary("Indicateurs calculés d'une cohorte (agrégats ; petits effectifs masqués pour les financeurs)");
        g.MapPost("/programmes", Programme).WithSummary("Créer un programme (responsables de l'école)");
        g.MapPost("/cohortes", Cohorte).WithSummary("Créer une cohorte (responsables de l'école)");
        g.MapPut("/programmes/{id:int}", ModifierProgramme).WithSummary("Modifier un programme (responsables de l'école)");
        g.MapPut("/cohortes/{id:int}", ModifierCohorte).WithSummary("Modifier une cohorte : dates, heures, capacité, lieu, recrutement (responsables de l'école)");
        g.MapPost("/cohortes/{id:int}/statut", Statut).WithSummary("Démarrer ou terminer une cohorte");
        g.MapPost("/cohortes/{id:int}/reaffectation", Reaffectation).WithSummary("Réaffecter en bloc les apprenants d'un·e référent·e qui part");
        g.MapPost("/cohortes/{id:int}/presences", SignerFeuille.Api).WithSummary("Enregistrer une feuille de présence signée (409 si la séance en a déjà une)");
        g.MapPost("/cohortes/{id:int}/inscriptions", SaisieEquipe).WithSummary("Saisir une candidature (équipe de l'école, orientation d'un partenaire)");
        g.MapGet("/inscriptions/{id:int}", Lire).WithSummary("Le parcours d'un apprenant (les notes privées des autres n'y figurent jamais)");
        g.MapPost("/inscriptions/{id:int}/effacement", Effacement).WithSummary("Effacer la personne à sa demande : anonymisée, les agrégats restent (responsables de l'école)");
        g.MapGet("/inscriptions/{id:int}/export", Exporter).WithSummary("Export du parcours (droit d'accès)");
        g.MapPost("/inscriptions/{id:int}/decision", Decision).WithSummary("Admettre (avec référent et situation d'entrée) ou refuser avec un motif");
        g.MapPut("/inscriptions/{id:int}/referent", Referent).WithSummary("Changer de référent (l'ancien est clos avec date et motif)");
        g.MapGet("/inscriptions/{id:int}/plan", GererPlan.PlanApi).WithSummary("Le plan (axes, objectifs, actions) et les immersions d'un parcours");
        g.MapPost("/inscriptions/{id:int}/plan/objectifs", GererPlan.ObjectifApi).WithSummary("Ajouter un objectif au plan (avec ou sans l'accord de l'apprenant)");
        g.MapPost("/inscriptions/{id:int}/plan/actions", GererPlan.ActionApi).WithSummary("Ajouter une action à un objectif du plan");
        g.MapPut("/inscriptions/{id:int}/plan/objectifs/{ligne:int}", ModifierPlan.ObjectifApi).WithSummary("Modifier le statut d'un objectif du plan et la date de l'accord de l'apprenant");
        g.MapPut("/inscriptions/{id:int}/plan/actions/{ligne:int}", ModifierPlan.ActionApi).WithSummary("Modifier le statut et les dates d'une action du plan");
        g.MapPost("/inscriptions/{id:int}/immersions", GererPlan.ImmersionApi).WithSummary("Enregistrer une période d'immersion en entreprise");
        g.MapPost("/inscriptions/{id:int}/equipe", Membre).WithSummary("Ajouter un membre à l'équipe d'accompagnement");
        g.MapPost("/inscriptions/{id:int}/equipe/{membreId:int}/fin", FinMembre).WithSummary("Clore la participation d'un membre de l'équipe (date et motif)");
        g.MapPost("/inscriptions/{id:int}/sortie", Sortie).WithSummary("Fin du parcours : terminé ou abandon");
        g.MapPost("/inscriptions/{id:int}/resultats", Resultat).WithSummary("Résultat à la sortie, à 3 ou à 6 mois (409 s'il existe déjà)");
        g.MapPost("/inscriptions/{id:int}/journal", Journal).WithSummary("Entrée du journal de suivi");
        g.MapGet("/referent", File).WithSummary("Ma file de référent : mes apprenants, les résultats à saisir cette semaine, ceux que je n'ai pas vus depuis 3 semaines");
    }

    static async Task<Created<CandidatureCreeeDto>> Candidature(int id, CandidatureSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var i = await Candidater.ExecuterAsync(db, id, s, parEquipe: false, horloge, ct);
        return TypedResults.Created($"/parcours/moi/{i.Jeton}", new CandidatureCreeeDto(i.Id, $"/parcours/moi/{i.Jeton}"));
    }

    static async Task<Ok<ListeCohortesDto>> Cohortes(AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct) =>
        TypedResults.Ok(new ListeCohortesDto(await (await AccesParcours.CohortesVisiblesAsync(db, u, horloge, ct)).AsNoTracking()
            .OrderByDescending(c => c.Debut).ThenBy(c => c.Id).Select(c => new CohorteResumeDto(c.Id, c.Nom, c.Statut)).ToListAsync(ct)));

    static async Task<Ok<IndicateursDto>> IndicateursCohorte(int id, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var complet = await AccesParcours.VoitCohorteEnCompletAsync(db, u, id, horloge, ct);
        return TypedResults.Ok((await CalculerIndicateurs.CohorteAsync(db, id, masquer: !complet, horloge, ct)).Contrat);
    }

    static async Task<Created<CreeDto>> Programme(ProgrammeSaisie s, AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        if (!(await AccesParcours.GereesAsync(db, u, ct)).Contains(s.StructureId)) throw new AccesRefuseException("Seuls les responsables de l'école créent ses programmes.");
        var p = await CreerProgramme.ExecuterAsync(db, s, ct);
        return TypedResults.Created($"/parcours", new CreeDto(p.Id));
    }

    static async Task<Created<CreeDto>> Cohorte(CohorteSaisie s, AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        await AccesParcours.VerifierGestionProgrammeAsync(db, u, s.ProgrammeId, ct);
        var c = await CreerCohorte.ExecuterAsync(db, s, ct);
        return TypedResults.Created($"/parcours/cohortes/{c.Id}", new CreeDto(c.Id));
    }

    static async Task<Ok> ModifierProgramme(int id, ProgrammeSaisie s, AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        await AccesParcours.VerifierGestionProgrammeAsync(db, u, id, ct);
        await CreerProgramme.ModifierAsync(db, id, s, ct);
        return TypedResults.Ok();
    }

    static async Task<Ok> ModifierCohorte(int id, CohorteSaisie s, AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        var programme = await db.Set<Cohorte>().Where(c => c.Id == id).Select(c => (int?)c.ProgrammeId).FirstOrDefaultAsync(ct) ?? -1;
        await AccesParcours.VerifierGestionProgrammeAsync(db, u, programme, ct);
        await CreerCohorte.ModifierAsync(db, id, s, ct);
        return TypedResults.Ok();
    }

    static async Task<Ok> Statut(int id, StatutSaisie s, AppDbContext db, ClaimsPrincipal u, CancellationToken ct)
    {
        var programme = await db.Set<Cohorte>().Where(c => c.Id == id).Select(c => (int?)c.ProgrammeId).FirstOrDefaultAsync(ct) ?? -1;
        await AccesParcours.VerifierGestionProgrammeAsync(db, u, programme, ct);
        await ChangerStatutCohorte.ExecuterAsync(db, id, s.Statut, ct);
        return TypedResults.Ok();
    }

    static async Task<Ok<ReaffectationDto>> Reaffectation(int id, ReaffectationSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().Where(x => x.Id == id).Select(x => new { x.ProgrammeId, x.Programme!.StructureId }).FirstOrDefaultAsync(ct);
        await AccesParcours.VerifierGestionProgrammeAsync(db, u, c?.ProgrammeId ?? -1, ct);
        return TypedResults.Ok(new ReaffectationDto(await Reaffecter.ExecuterAsync(db, id, c!.StructureId, s, horloge, ct)));
    }

    static async Task<Created<CreeDto>> SaisieEquipe(int id, CandidatureSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structure = await db.Set<Cohorte>().Where(c => c.Id == id).Select(c => (int?)c.Programme!.StructureId).FirstOrDefaultAsync(ct);
        if (structure is null || !(await AccesBeneficiaires.StructuresAsync(db, u, horloge, ct)).Contains(structure.Value))
            throw new AccesRefuseException("Seule l'équipe de l'école saisit ses candidatures.");
        var i = await Candidater.ExecuterAsync(db, id, s, parEquipe: true, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{i.Id}", new CreeDto(i.Id));
    }

    static async Task<Ok<FicheParcoursDto>> Lire(int id, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct) =>
        TypedResults.Ok(await LireInscription.ExecuterAsync(db, id, u, horloge, ct));

    static async Task<JsonHttpResult<FicheParcoursDto>> Exporter(int id, AppDbContext db, ClaimsPrincipal u, HttpContext ctx, TimeProvider horloge, CancellationToken ct)
    {
        var f = await LireInscription.ExecuterAsync(db, id, u, horloge, ct, "export");
        ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"parcours-{id}.json\"";
        return TypedResults.Json(f);
    }

    static async Task<Ok> Effacement(int id, EffacementSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierGestionInscriptionAsync(db, u, id, ct);
        await EffacerApprenant.ExecuterAsync(db, id, s, u, horloge, ct);
        return TypedResults.Ok();
    }

    static async Task<Ok<FicheParcoursDto>> Decision(int id, DecisionSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, u, id, ct);
        await Decider.ExecuterAsync(db, id, structure, s, horloge, ct);
        return await Lire(id, db, u, horloge, ct);
    }

    static async Task<Ok<MembreDto>> Referent(int id, ReferentSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, u, id, ct);
        await ChangerReferent.ExecuterAsync(db, id, structure, s, horloge, ct);
        return TypedResults.Ok(await db.Set<MembreEquipe>().AsNoTracking().Where(m => m.InscriptionId == id && m.Role == Vocabulaire.Referent && m.Fin == null)
            .Select(m => new MembreDto(m.Id, m.MediateurId, m.Mediateur!.Prenom + " " + m.Mediateur.Nom, m.Role, m.Debut, m.Fin, m.MotifFin)).SingleAsync(ct));
    }

    static async Task<Created<CreeDto>> Membre(int id, MembreSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        var structure = await AccesParcours.VerifierGestionInscriptionAsync(db, u, id, ct);
        var m = await AjouterMembre.ExecuterAsync(db, id, structure, s, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}", new CreeDto(m.Id));
    }

    static async Task<Ok> FinMembre(int id, int membreId, FinMembreSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierGestionInscriptionAsync(db, u, id, ct);
        await CloreMembre.ExecuterAsync(db, id, membreId, s, horloge, ct);
        return TypedResults.Ok();
    }

    static async Task<Ok> Sortie(int id, SortieSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        await Sortir.ExecuterAsync(db, id, s, horloge, ct);
        return TypedResults.Ok();
    }

    static async Task<Created<ResultatDto>> Resultat(int id, ResultatSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        var r = await EnregistrerResultat.ExecuterAsync(db, id, s, u.Identity?.Name ?? "", horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}", new ResultatDto(r.Id, r.Moment, r.Type, r.Le, r.Source, r.Organisme, r.Commentaire));
    }

    static async Task<Created<CreeDto>> Journal(int id, JournalSaisie s, AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct)
    {
        await AccesParcours.VerifierInscriptionAsync(db, u, id, horloge, ct);
        var e = await EcrireJournal.ExecuterAsync(db, id, s, u, horloge, ct);
        return TypedResults.Created($"/parcours/inscriptions/{id}", new CreeDto((int)e.Id));
    }

    static async Task<Ok<FileReferentDto>> File(AppDbContext db, ClaimsPrincipal u, TimeProvider horloge, CancellationToken ct) =>
        TypedResults.Ok(await FileReferent.ExecuterAsync(db, u, horloge, ct));
}
