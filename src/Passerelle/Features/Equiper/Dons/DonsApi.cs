using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

public sealed record OffreCreeeDto(int Id, string Suivi);
public sealed record LigneDto(string Type, int Quantite);
public sealed record OffreDto(int Id, string Origine, string Organisation, string? Siret, string Statut, string? MotifRefus, DateTime? EnlevementLe, int AgeAnnees,
    bool DisquesPresents, IReadOnlyList<LigneDto> Lignes, int? LotId);
public sealed record RecuDto(int Id, string Numero, long MontantCentimes);
public sealed record LotDto(int Id, int OffreId, DateTime RecuLe, int NombreAppareils, int PoidsKg, string? Site = null);

/// <summary>The single window: the public offer (no account, rate-limited) and the team's steps.</summary>
public static class DonsApi
{
    public static void MapDonsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/equipement/offres", Proposer).WithTags("Équipement").AllowAnonymous().RequireRateLimiting(Authentification.LimitePublique)
            .WithSummary("Proposer un don de matériel (sans compte)");
        var g = api.MapGroup("/equipement/offres").WithTags("Équipement").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapGet("/{id:int}", Lire).WithSummary("Une offre de don");
        g.MapPost("/{id:int}/qualification", Qualifier).WithSummary("Accepter ou refuser (avec un motif) une offre");
        g.MapPost("/{id:int}/enlevement", Planifier).WithSummary("Prévoir l'enlèvement");
        g.MapPost("/{id:int}/recu", Recu).WithSummary("Établir le reçu fiscal d'une entreprise (cerfa 16216), numéroté par année");
        g.MapPost("/{id:int}/reception", Receptionner).WithSummary("Recevoir le lot : nombre d'appareils, poids");
    }

    static OffreDto Dto(OffreDon o) => new(o.Id, o.Origine, o.Organisation, o.Siret, o.Statut, o.MotifRefus, o.EnlevementLe, o.AgeAnnees, o.DisquesPresents,
        o.Lignes.Select(l => new LigneDto(l.Type, l.Quantite)).ToList(), o.Lot?.Id);

    static async Task<Created<OffreCreeeDto>> Proposer(OffreSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var o = await ProposerDon.ExecuterAsync(db, s, horloge, ct);
        return TypedResults.Created($"/equipement/don/{o.Jeton}", new OffreCreeeDto(o.Id, $"/equipement/don/{o.Jeton}"));
    }

    static async Task<Ok<OffreDto>> Lire(int id, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(Dto(await db.Set<OffreDon>().AsNoTracking().Include(o => o.Lignes).Include(o => o.Lot).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new KeyNotFoundException("Offre inconnue.")));

    static async Task<Ok<OffreDto>> Qualifier(int id, QualificationSaisie s, AppDbContext db, CancellationToken ct)
    {
        await TraiterOffre.QualifierAsync(db, id, s, ct);
        return await Lire(id, db, ct);
    }

    static async Task<Ok<OffreDto>> Planifier(int id, EnlevementSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        await TraiterOffre.PlanifierAsync(db, id, s, horloge, ct);
        return await Lire(id, db, ct);
    }

    static async Task<Created<RecuDto>> Recu(int id, RecuSaisie s, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var r = await EtablirRecu.ExecuterAsync(db, id, s, horloge, ct);
        var jeton = await db.Set<OffreDon>().Where(o => o.Id == id).Select(o => o.Jeton).SingleAsync(ct);
        return TypedResults.Created($"/equipement/don/{jeton}/recu", new RecuDto(r.Id, r.Numero, r.MontantCentimes));
    }

    static async Task<Created<LotDto>> Receptionner(int id, ReceptionSaisie s, AppDbContext db, System.Security.Claims.ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var l = await TraiterOffre.ReceptionnerAsync(db, id, s, qui.Identity?.Name ?? "", horloge, ct);
        return TypedResults.Created($"/admin/equipement/lots/{l.Id}", new LotDto(l.Id, l.OffreDonId, l.RecuLe, l.NombreAppareils, l.PoidsKg, l.Site));
    }
}
