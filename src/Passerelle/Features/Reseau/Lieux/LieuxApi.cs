using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Lieux;

public sealed record LieuDto(int Id, string Source, string IdLocal, string Pivot, string Nom, string Adresse, string? ComplementAdresse,
    string CodePostal, string Commune, string? CodeInsee, double? Latitude, double? Longitude, string[] Typologie, string? Telephone,
    string[] Courriels, string[] SiteWeb, string? Horaires, bool HorairesReconnus, bool? OuvertMaintenant, string FuseauHoraire,
    string? PresentationResume, string? PresentationDetail, string[] Itinerance, string? StructureParente, DateOnly DateMaj,
    string[] Services, string[] PublicsSpecifiquementAdresses, string[] PriseEnChargeSpecifique, string[] FraisACharge,
    string[] DispositifProgrammesNationaux, string[] FormationsLabels, string? AutresFormationsLabels, string[] ModalitesAcces,
    string[] ModalitesAccompagnement, string? FicheAccesLibre, string? PriseRdv, int? StructureId, bool Archive)
{
    public static LieuDto Depuis(Lieu l, DateTimeOffset maintenant)
    {
        static string[] V(string? s) => [.. StandardLieux.Valeurs(s)];
        var h = CacheHoraires.Lire(l.Horaires);
        return new(l.Id, l.Source, l.IdLocal, l.Pivot, l.Nom, l.Adresse, l.ComplementAdresse, l.CodePostal, l.Commune, l.CodeInsee,
            l.Latitude, l.Longitude, V(l.Typologie), l.Telephone, V(l.Courriels), V(l.SiteWeb), l.Horaires, h is not null,
            h?.EstOuvert(maintenant, Territoire.Zone(l.FuseauHoraire), l.Departement), l.FuseauHoraire, l.PresentationResume,
            l.PresentationDetail, V(l.Itinerance), l.StructureParente, l.DateMaj, V(l.Services), V(l.PublicsSpecifiquementAdresses),
            V(l.PriseEnChargeSpecifique), V(l.FraisACharge), V(l.DispositifProgrammesNationaux), V(l.FormationsLabels),
            l.AutresFormationsLabels, V(l.ModalitesAcces), V(l.ModalitesAccompagnement), l.FicheAccesLibre, l.PriseRdv, l.StructureId, l.Archive);
    }
}

public static class LieuxApi
{
    public static void MapLieuxApi(this RouteGroupBuilder api)
    {
        var lieux = api.MapGroup("/lieux").WithTags("Lieux");
        lieux.MapGet("/", Rechercher).WithSummary("Rechercher des lieux de médiation numérique");
        lieux.MapGet("/{id:int}", Lire).WithSummary("Lire un lieu");
        lieux.MapGet("/export.csv", ExporterCsv).WithSummary("Exporter au standard national (CSV, 32 colonnes)");
        lieux.MapGet("/export.json", ExporterJson).WithSummary("Exporter au standard national (JSON)");

        var gestion = lieux.MapGroup("").RequireAuthorization(Roles.PolitiqueGestion).RequireRateLimiting(Authentification.LimiteEcriture);
        gestion.MapPost("/", Creer).WithSummary("Créer un lieu");
        gestion.MapPut("/{id:int}", Modifier).WithSummary("Modifier un lieu");
        gestion.MapDelete("/{id:int}", Archiver).WithSummary("Archiver un lieu (il disparaît de l'annuaire)");
        lieux.MapPost("/import", Importer).RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture)
            .DisableAntiforgery().WithSummary("Importer un fichier CSV ou JSON au standard national (multipart, champ « fichier »)");
    }

    static async Task<Results<Ok<PageLieux>, ValidationProblem>> Rechercher(AnnuaireEnMemoire annuaire, TimeProvider horloge, CancellationToken ct,
        string? q, string? commune, [FromQuery(Name = "code_postal")] string? codePostal, double? lat, double? lon,
        [FromQuery(Name = "rayon_km")] double? rayonKm, string[]? service, string[]? modalite, [FromQuery(Name = "public")] string[]? publics,
        [FromQuery(Name = "prise_en_charge")] string[]? priseEnCharge, string[]? frais, bool? ouvert, bool? itinerant, int? page, int? taille)
    {
        var criteres = new CriteresRecherche
        {
            Q = q, Commune = commune, CodePostal = codePostal, Lat = lat, Lon = lon, RayonKm = rayonKm,
            Services = service ?? [], Modalites = modalite ?? [], Publics = publics ?? [], PrisesEnCharge = priseEnCharge ?? [],
            Frais = frais ?? [], Ouvert = ouvert ?? false, Itinerant = itinerant ?? false, Page = page ?? 1, Taille = taille ?? 20,
        };
        var erreurs = RechercheLieux.Verifier(criteres);
        if (erreurs.Count > 0) return TypedResults.ValidationProblem(erreurs, title: "Critères de recherche invalides");
        return TypedResults.Ok(await RechercheLieux.ExecuterAsync(annuaire, criteres, horloge, ct));
    }

    static async Task<Results<Ok<LieuDto>, ProblemHttpResult>> Lire(int id, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var lieu = await db.Lieux.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && !l.Archive, ct);
        return lieu is null ? Introuvable() : TypedResults.Ok(LieuDto.Depuis(lieu, horloge.GetUtcNow()));
    }

    static Task<IResult> ExporterCsv(AppDbContext db, TimeProvider horloge, CancellationToken ct) => Exporter(db, horloge, "csv", ct);

    static Task<IResult> ExporterJson(AppDbContext db, TimeProvider horloge, CancellationToken ct) => Exporter(db, horloge, "json", ct);

    static async Task<IResult> Exporter(AppDbContext db, TimeProvider horloge, string format, CancellationToken ct)
    {
        var lignes = await ExporterLieux.LignesAsync(db, ct);
        var flux = new MemoryStream();
        if (format == "json") FichierLieux.EcrireJson(lignes, flux); else FichierLieux.EcrireCsv(lignes, flux);
        flux.Position = 0;
        var nom = Path.ChangeExtension(ExporterLieux.NomFichier(horloge.GetUtcNow().UtcDateTime), format);
        return Results.File(flux, format == "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8", nom);
    }

    static async Task<Results<Created<LieuDto>, ValidationProblem, ForbidHttpResult>> Creer(LieuSaisie saisie, HttpContext http,
        AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, http.User, ct);
        if (!Perimetre.Autorise(perimetre, saisie.StructureId)) return TypedResults.Forbid();
        var (lieu, erreurs) = await EnregistrerLieu.ExecuterAsync(db, null, saisie, horloge, ct);
        if (lieu is null) return TypedResults.ValidationProblem(erreurs, title: "Lieu invalide");
        return TypedResults.Created($"/api/v1/lieux/{lieu.Id}", LieuDto.Depuis(lieu, horloge.GetUtcNow()));
    }

    static async Task<Results<Ok<LieuDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Modifier(int id, LieuSaisie saisie,
        HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var structureActuelle = await db.Lieux.Where(l => l.Id == id).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
        if (structureActuelle is null) return Introuvable();
        var perimetre = await Perimetre.StructuresGereesAsync(db, http.User, ct);
        if (!Perimetre.Autorise(perimetre, structureActuelle.StructureId) || !Perimetre.Autorise(perimetre, saisie.StructureId)) return TypedResults.Forbid();
        var (lieu, erreurs) = await EnregistrerLieu.ExecuterAsync(db, id, saisie, horloge, ct);
        if (lieu is null) return TypedResults.ValidationProblem(erreurs, title: "Lieu invalide");
        return TypedResults.Ok(LieuDto.Depuis(lieu, horloge.GetUtcNow()));
    }

    static async Task<Results<NoContent, ProblemHttpResult, ForbidHttpResult>> Archiver(int id, HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var lieu = await db.Lieux.Where(l => l.Id == id).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
        if (lieu is null) return Introuvable();
        if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, http.User, ct), lieu.StructureId)) return TypedResults.Forbid();
        await EnregistrerLieu.ArchiverAsync(db, id, true, horloge, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<RapportImport>, UnprocessableEntity<RapportImport>, ValidationProblem>> Importer(HttpRequest requete,
        AppDbContext db, TimeProvider horloge, CancellationToken ct, string? format, string? source, [FromQuery(Name = "lignes_valides")] bool? lignesValides)
    {
        if (!requete.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fichier"] = ["Envoyez le fichier en multipart/form-data, champ « fichier »."] });
        var formulaire = await requete.ReadFormAsync(ct);
        var fichier = formulaire.Files.GetFile("fichier");
        if (fichier is null || fichier.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fichier"] = ["Aucun fichier reçu (champ « fichier »)."] });
        string f;
        try { f = FichierLieux.FormatDepuisNom(fichier.FileName, format); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [e.Message] }); }
        await using var flux = fichier.OpenReadStream();
        var rapport = await ImporterLieux.ExecuterAsync(db, flux, f, source ?? Path.GetFileNameWithoutExtension(fichier.FileName),
            lignesValides ?? false, horloge, null, ct);
        return rapport.Ecrit ? TypedResults.Ok(rapport) : TypedResults.UnprocessableEntity(rapport);
    }

    static ProblemHttpResult Introuvable() =>
        TypedResults.Problem(statusCode: 404, title: "Lieu introuvable", detail: "Aucun lieu ne porte cet identifiant (ou il a été archivé).");
}
