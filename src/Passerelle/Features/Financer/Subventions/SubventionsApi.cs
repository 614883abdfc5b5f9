using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>A status change: <c>{ "statut": "votee" }</c>.</summary>
public sealed record SaisieStatut(string? Statut);

/// <summary><c>/api/v1/subventions</c> (issue 11 contract). Reading: administrators, managers (their structures' grants) and
/// funders (their own grants); writing: administrators.</summary>
public static class SubventionsApi
{
    public static void MapSubventionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/subventions").WithTags("Subventions").RequireAuthorization(PerimetreFinancement.Politique);
        g.MapGet("/", Rechercher).WithSummary("Subventions visibles par le compte (annee, financeur = id ou SIRET, beneficiaire = id, SIRET ou RNA, statut)");
        g.MapGet("/{id:int}", Lire).WithSummary("Une subvention et ses mouvements (montants en centimes)");
        var admin = g.MapGroup("").RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture);
        admin.MapPost("/", Creer).WithSummary("Créer une subvention (montant en centimes)");
        admin.MapPost("/{id:int}/mouvements", AjouterMouvement)
            .WithSummary("Ajouter un mouvement (engagement, annulation, mandat, reversement, avoir ; montant en centimes) ; 409 s'il paierait plus que ce qui reste");
        admin.MapPost("/{id:int}/statut", ChangerStatut).WithSummary("Faire passer la subvention au statut suivant");
    }

    static async Task<Results<Ok<List<SubventionDto>>, ValidationProblem>> Rechercher(HttpContext http, AppDbContext db, CancellationToken ct,
        int? annee = null, string? financeur = null, string? beneficiaire = null, string? statut = null)
    {
        var c = new CriteresSubventions(annee, financeur?.Trim(), beneficiaire?.Trim(), string.IsNullOrWhiteSpace(statut) ? null : statut.Trim());
        var e = RequetesFinancement.Verifier(c);
        if (e.Count > 0) return TypedResults.ValidationProblem(e, title: "Critères de recherche invalides");
        return TypedResults.Ok(await RequetesFinancement.RechercherAsync(db, c, await PerimetreFinancement.DeAsync(db, http.User, ct), ct));
    }

    static async Task<Results<Ok<SubventionDetailDto>, ProblemHttpResult>> Lire(int id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        await RequetesFinancement.DetailAsync(db, id, await PerimetreFinancement.DeAsync(db, http.User, ct), ct) is { } d
            ? TypedResults.Ok(d) : TypedResults.Problem(statusCode: 404, title: "Subvention introuvable");

    static async Task<Results<Created<SubventionDetailDto>, ValidationProblem>> Creer(SaisieSubvention saisie, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var e = await GestionSubventions.VerifierAsync(db, saisie, ct);
        if (e.Count > 0) return TypedResults.ValidationProblem(e, title: "Subvention invalide");
        var s = await GestionSubventions.CreerAsync(db, saisie, DeliberationsApi.Auteur(http), horloge, ct);
        return TypedResults.Created($"/api/v1/subventions/{s.Id}", (await RequetesFinancement.DetailAsync(db, s.Id, new PerimetreFinancement(true, null, []), ct))!);
    }

    static async Task<Results<Created<MouvementDto>, ValidationProblem, ProblemHttpResult>> AjouterMouvement(int id, SaisieMouvement saisie, HttpContext http,
        AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var e = Mouvements.Verifier(saisie);
        if (e.Count > 0) return TypedResults.ValidationProblem(e, title: "Mouvement invalide");
        var m = await Mouvements.EnregistrerAsync(db, id, saisie, DeliberationsApi.Auteur(http), horloge, ct);
        if (m is null) return TypedResults.Problem(statusCode: 404, title: "Subvention introuvable");
        return TypedResults.Created($"/api/v1/subventions/{id}", new MouvementDto(m.Id, m.Type, m.MontantCentimes, m.Date, m.Numero, m.EnregistreLe, m.EnregistrePar));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> ChangerStatut(int id, SaisieStatut saisie, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct) =>
        await GestionSubventions.ChangerStatutAsync(db, id, saisie.Statut, DeliberationsApi.Auteur(http), horloge, ct)
            ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "Subvention introuvable");
}

/// <summary>The grants an act decided, shown on the act's page (<see cref="IActesAutorises"/>).</summary>
public sealed class SubventionsAutorisees : IActesAutorises
{
    public async Task<IReadOnlyList<ActeAutorise>> ListerAsync(AppDbContext db, int deliberationId, CancellationToken ct)
    {
        var l = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            RequetesFinancement.Projeter(db.Set<Subvention>().Where(s => s.DeliberationId == deliberationId).OrderBy(s => s.Id)), ct);
        return l.Select(s => new ActeAutorise("Subvention", $"{s.Beneficiaire} — {Montants.Euros(s.Montant)}", $"/admin/financement/subventions/{s.Id}",
            $"{StatutsSubvention.Libelle(s.Statut).ToLowerInvariant()}, payé {Montants.Euros(s.Paye)}")).ToList();
    }
}

public static class ServicesSubventions
{
    public static void AddSubventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(PerimetreFinancement.Politique, p => p.RequireRole(Roles.Administrateur, Roles.Gestionnaire, Roles.Financeur));
        builder.Services.AddSingleton<IInterceptor, RegistresEnAjoutSeul>();
        builder.Services.AddScoped<IActesAutorises, SubventionsAutorisees>();
        builder.Services.AddScoped<Comptes.IFinanceursDesComptes, FinanceursDesComptes>();
    }
}

/// <summary>The funders a Financeur account can be tied to (<see cref="Comptes.IFinanceursDesComptes"/>).</summary>
public sealed class FinanceursDesComptes : Comptes.IFinanceursDesComptes
{
    public async Task<IReadOnlyList<(int Id, string Nom)>> ListerAsync(AppDbContext db, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Financeur>().OrderBy(f => f.Nom).Select(f => new { f.Id, f.Nom }), ct)).Select(f => (f.Id, f.Nom)).ToList();
}
