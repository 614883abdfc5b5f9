using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

public sealed record AppareilCreeDto(int Id, string Etiquette);
public sealed record AppareilLigneDto(int Id, string Etiquette, string Etat, string Type, string Origine, string Marque, string Modele, string? NumeroSerie, int LotId);
public sealed record PageAppareilsDto(int Total, IReadOnlyList<AppareilLigneDto> Items);
public sealed record EffacementDto(int Id, string Niveau, string Methode, string Outil, string? VersionOutil, int Passes, string Verification, string ZonesCachees,
    DateTime Debut, DateTime Fin, string Operateur, string Resultat, string? CertificatNom, string? CertificatSha256, string? Reserve = null);
public sealed record SupportDto(int Id, string Type, string? NumeroSerie, int CapaciteGo, IReadOnlyList<EffacementDto> Effacements);
/// <param name="Site">The work site where it happened (the lot's), or null.</param>
public sealed record EvenementDto(string? De, string Vers, DateTime Le, string Auteur, string? Note, string? Site = null);
public sealed record AppareilDto(int Id, string Etiquette, string Etat, int Version, string Type, string Origine, int LotId, string Marque, string Modele, string? NumeroSerie,
    string? Processeur, int? MemoireGo, string? EtatGeneral, string? Grade, int? SanteBatterie, bool TestReussi, IReadOnlyList<SupportDto> Supports, IReadOnlyList<EvenementDto> Historique);

/// <summary>The workshop's API: devices, their moves, their erasure proof, WEEE exits. Managers and administrators.</summary>
public static class AppareilsApi
{
    public static void MapAppareilsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/equipement").WithTags("Équipement").RequireAuthorization(Roles.PolitiqueAtelier).RequireRateLimiting(Authentification.LimiteEcriture);
        g.MapGet("/appareils", Lister).WithSummary("Appareils, filtrés par état, type et lot (100 par page)");
        g.MapGet("/appareils/{id:int}", Lire).WithSummary("Un appareil : supports, preuves d'effacement, historique");
        g.MapPost("/appareils", Creer).WithSummary("Enregistrer un appareil dans un lot reçu");
        g.MapPost("/appareils/{id:int}/transitions", Transition).WithSummary("Faire avancer un appareil dans son cycle de vie (409 si le graphe ou une preuve l'interdit)");
        g.MapPost("/appareils/{id:int}/tests", Tester).WithSummary("Enregistrer un test fonctionnel complet et le classement");
        g.MapPost("/effacements", Effacer).Accepts<EffacementSaisie>("application/json", "multipart/form-data").DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TailleImport))
            .WithSummary("Enregistrer l'effacement (ou la destruction) d'un support : un enregistrement JSON, ou des certificats nwipe (PDF par disque ou journal) "
                + "en multipart/form-data (champ « fichier », plusieurs possibles ; « supportId » facultatif), ou en JSON avec seulement « certificat » (et « supportId »). "
                + "Import tout ou rien : 201 avec le rapport, 400 avec ses motifs.");
        g.MapPost("/deee", Deee).WithSummary("Remettre des appareils à un collecteur agréé (registre des déchets)");
    }

    static async Task<Ok<PageAppareilsDto>> Lister(AppDbContext db, string? etat, string? type, int? lot, int? page, CancellationToken ct)
    {
        var q = db.Set<Appareil>().AsNoTracking();
        if (!string.IsNullOrEmpty(etat) && !Etats.Existe(etat))
            throw Valider.Invalide(new() { ["etat"] = [$"État inconnu : choisissez parmi {string.Join(", ", Etats.Tous.Select(e => e.Code))}."] });
        if (!string.IsNullOrEmpty(etat)) q = q.Where(a => a.Etat == etat);
        if (!string.IsNullOrEmpty(type)) q = q.Where(a => a.Type == type);
        if (lot is not null) q = q.Where(a => a.LotId == lot);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(a => a.Id).Skip(Math.Clamp((page ?? 1) - 1, 0, 100_000) * 100).Take(100)
            .Select(a => new { a.Id, a.Etat, a.Type, a.Origine, a.Marque, a.Modele, a.NumeroSerie, a.LotId }).ToListAsync(ct);
        return TypedResults.Ok(new PageAppareilsDto(total, items.Select(a => new AppareilLigneDto(a.Id, Appareil.EtiquetteDe(a.Id), a.Etat, a.Type, a.Origine, a.Marque, a.Modele, a.NumeroSerie, a.LotId)).ToList()));
    }

    public static async Task<AppareilDto> DtoAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var a = await ChangerEtat.ChargerAsync(db, id, ct);
        var h = await db.Set<EvenementAppareil>().AsNoTracking().Where(e => e.AppareilId == id).OrderBy(e => e.Id).Select(e => new EvenementDto(e.De, e.Vers, e.Le, e.Auteur, e.Note, e.Site)).ToListAsync(ct);
        return new AppareilDto(a.Id, a.Etiquette, a.Etat, a.Version, a.Type, a.Origine, a.LotId, a.Marque, a.Modele, a.NumeroSerie, a.Processeur, a.MemoireGo, a.EtatGeneral,
            a.Grade, a.SanteBatterie, a.Tests.Any(t => t.Reussi),
            a.Supports.OrderBy(s => s.Id).Select(s => new SupportDto(s.Id, s.Type, s.NumeroSerie, s.CapaciteGo, s.Effacements.OrderBy(e => e.Id).Select(e => new EffacementDto(e.Id, e.Niveau,
                e.Methode, e.Outil, e.VersionOutil, e.Passes, e.Verification, e.ZonesCacheesStatut, e.Debut, e.Fin, e.Operateur, e.Resultat, e.CertificatNom, e.CertificatSha256, e.Reserve)).ToList())).ToList(), h);
    }

    static async Task<Ok<AppareilDto>> Lire(int id, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await DtoAsync(db, id, ct));

    static async Task<Created<AppareilCreeDto>> Creer(AppareilSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var a = await EnregistrerAppareil.ExecuterAsync(db, s, qui, horloge, ct);
        return TypedResults.Created($"/api/v1/equipement/appareils/{a.Id}", new AppareilCreeDto(a.Id, a.Etiquette));
    }

    static async Task<Ok<AppareilDto>> Transition(int id, TransitionSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        await ChangerEtat.ExecuterAsync(db, id, s, qui, horloge, ct);
        return TypedResults.Ok(await DtoAsync(db, id, ct));
    }

    static async Task<Ok<AppareilDto>> Tester(int id, TestSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        await EnregistrerTest.ExecuterAsync(db, id, s, qui, horloge, ct);
        return TypedResults.Ok(await DtoAsync(db, id, ct));
    }

    /// <summary>Whole request of a certificates' import, in bytes (several files of <see cref="Certificats.ImporterCertificats.TailleMax"/> at most).</summary>
    public const int TailleImport = 25_000_000;

    /// <summary>One route, two bodies: the record itself (JSON), or certificate files to read (multipart, or JSON carrying only
    /// <c>certificat</c>), imported all or nothing (<see cref="Certificats.ImporterCertificats"/>).</summary>
    static async Task<IResult> Effacer(HttpRequest requete, AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        if (requete.HasFormContentType)
        {
            Microsoft.AspNetCore.Http.IFormCollection formulaire;
            try { formulaire = await new Microsoft.AspNetCore.Http.Features.FormFeature(requete, new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = TailleImport }).ReadFormAsync(ct); }
            catch (Exception x) when (x is InvalidDataException or BadHttpRequestException or IOException)
            {
                throw Valider.Invalide(new() { ["fichier"] = [$"Envoi illisible ou de plus de {TailleImport / 1_000_000} Mo."] });
            }
            var fichiers = new List<Certificats.FichierCertificat>();
            foreach (var f in formulaire.Files)
            {
                if (f.Length > Certificats.ImporterCertificats.TailleMax) throw Valider.Invalide(new() { ["fichier"] = [$"« {f.FileName} » : fichier de plus de 2 Mo."] });
                using var m = new MemoryStream();
                await f.CopyToAsync(m, ct);
                fichiers.Add(new(f.FileName, m.ToArray()));
            }
            int? support = null;
            if (formulaire.TryGetValue("supportId", out var v) && !string.IsNullOrWhiteSpace(v))
                support = int.TryParse(v, out var n) ? n : throw Valider.Invalide(new() { ["supportId"] = ["Le champ « supportId » attend un nombre entier."] });
            return await ImporterAsync(db, fichiers, support, qui, horloge, ct);
        }
        if (!requete.HasJsonContentType())
            throw Valider.Invalide(new() { ["fichier"] = ["Envoyez l'enregistrement en JSON, ou les certificats en multipart/form-data (champ « fichier »)."] });
        EffacementSaisie? s;
        // Read as the framework reads a bound body, so that a value of the wrong type gets the same French answer (Web/CorpsJson.cs).
        try { s = await requete.ReadFromJsonAsync<EffacementSaisie>(ct); }
        catch (System.Text.Json.JsonException j) { throw new BadHttpRequestException("Corps JSON illisible.", StatusCodes.Status400BadRequest, j); }
        if (s is null) throw Valider.Invalide(new() { ["supportId"] = ["Envoyez l'enregistrement de l'effacement."] });
        if (s.Niveau is null && s.Certificat is { } c)
        {
            byte[] contenu;
            try { contenu = Convert.FromBase64String(c.ContenuBase64 ?? ""); }
            catch (FormatException) { throw Valider.Invalide(new() { ["certificat"] = ["Le certificat doit être envoyé en base64."] }); }
            return await ImporterAsync(db, [new(c.Nom ?? "certificat", contenu)], s.SupportId > 0 ? s.SupportId : null, qui, horloge, ct);
        }
        var e = await EnregistrerEffacement.ExecuterAsync(db, s, qui, horloge, ct);
        return TypedResults.Created($"/api/v1/equipement/effacements/{e.Id}", new EffacementDto(e.Id, e.Niveau, e.Methode, e.Outil, e.VersionOutil, e.Passes, e.Verification,
            e.ZonesCacheesStatut, e.Debut, e.Fin, e.Operateur, e.Resultat, e.CertificatNom, e.CertificatSha256, e.Reserve));
    }

    static async Task<IResult> ImporterAsync(AppDbContext db, List<Certificats.FichierCertificat> fichiers, int? support, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var r = await Certificats.ImporterCertificats.ExecuterAsync(db, fichiers, support, ChangerEtat.Auteur(qui), horloge, ct);
        if (!r.Ecrit) throw Valider.Invalide(new() { ["fichier"] = r.Erreurs.ToArray() }, "Certificats refusés : rien n'a été enregistré");
        return TypedResults.Created("/api/v1/equipement/appareils", r);
    }

    static async Task<Created<SortieDeee>> Deee(SortieDeeeSaisie s, AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var sortie = await SortirDeee.ExecuterAsync(db, s, qui, horloge, ct);
        return TypedResults.Created($"/api/v1/equipement/deee/{sortie.Id}", sortie);
    }
}
