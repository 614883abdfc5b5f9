using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary><c>POST /api/v1/deliberations/lire</c> (administrators): the act's text (<c>text/plain</c>), its PDF or text
/// file (multipart, first file; or a raw <c>application/pdf</c> body) → the proposed record, as JSON with the keys of the
/// corpus's <c>expected.json</c> plus <c>avertissements</c> and <c>passages</c> (see <see cref="PropositionJson"/>).
/// Nothing is saved. Unreadable input, or a text where nothing of an act is recognised → 400, more than <see cref="LectureFichier.TailleMax"/> → 413, both as French
/// ProblemDetails.</summary>
public static class LectureApi
{
    public static void MapLectureActesApi(this RouteGroupBuilder api) =>
        api.MapPost("/deliberations/lire", Lire).WithTags("Délibérations")
            .RequireAuthorization(Roles.PolitiqueAdmin).RequireRateLimiting(Authentification.LimiteEcriture)
            .WithMetadata(new RequestSizeLimitAttribute(LectureFichier.TailleMax))
            .DisableAntiforgery()
            .WithSummary("Lire un acte (texte brut, ou fichier PDF/texte en multipart) et proposer sa fiche, sans rien enregistrer");

    static async Task<IResult> Lire(HttpRequest requete, ILecteurActes lecteur, IExtracteurTextePdf pdf, CancellationToken ct)
    {
        if (requete.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limite)
            limite.MaxRequestBodySize = LectureFichier.TailleMax;
        string texte;
        try
        {
            texte = await LireCorps(requete, pdf, ct);
        }
        catch (ActeIllisibleException e) { return Probleme(400, "Acte illisible", e.Message); }
        catch (InvalidDataException) { return Probleme(413, "Fichier ou requête trop volumineux", $"La taille maximale acceptée est de {LectureFichier.TailleMax / (1024 * 1024)} Mo."); }
        catch (BadHttpRequestException e) when (e.StatusCode == 413) { return Probleme(413, "Fichier ou requête trop volumineux", $"La taille maximale acceptée est de {LectureFichier.TailleMax / (1024 * 1024)} Mo."); }
        catch (BadHttpRequestException) { return Probleme(400, "Requête illisible", "Le corps de la requête n'a pas pu être lu : envoyez le texte de l'acte (text/plain) ou son fichier (multipart/form-data)."); }
        var proposition = lecteur.Lire(texte, ct);
        if (ActeNonReconnu.Est(proposition)) return Probleme(400, "Aucun acte reconnu", ActeNonReconnu.Message);
        return Results.Text(PropositionJson.Ecrire(proposition), "application/json; charset=utf-8");
    }

    static async Task<string> LireCorps(HttpRequest requete, IExtracteurTextePdf pdf, CancellationToken ct)
    {
        if (requete.HasFormContentType)
        {
            var formulaire = await new FormFeature(requete, new FormOptions { MultipartBodyLengthLimit = LectureFichier.TailleMax }).ReadFormAsync(ct);
            var fichier = formulaire.Files.FirstOrDefault();
            if (fichier is null)
            {
                if (formulaire.TryGetValue("texte", out var colle)) return LectureFichier.Verifier(colle.ToString());
                throw new ActeIllisibleException("Aucun fichier reçu : joignez le PDF ou le texte de l'acte (champ « fichier »), ou envoyez son texte.");
            }
            if (fichier.Length > LectureFichier.TailleMax) throw new InvalidDataException();
            using var memoire = new MemoryStream();
            await fichier.CopyToAsync(memoire, ct);
            return LectureFichier.Texte(memoire.GetBuffer().AsSpan(0, (int)memoire.Length), fichier.FileName, pdf, ct);
        }
        var type = requete.ContentType ?? "";
        if (!type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            throw new ActeIllisibleException("Envoyez le texte de l'acte (Content-Type: text/plain), ou son fichier PDF ou texte (multipart/form-data, champ « fichier »).");
        using var corps = new MemoryStream();
        await requete.Body.CopyToAsync(corps, ct);
        if (corps.Length > LectureFichier.TailleMax) throw new InvalidDataException();
        return LectureFichier.Texte(corps.GetBuffer().AsSpan(0, (int)corps.Length), type.StartsWith("application/pdf") ? "acte.pdf" : null, pdf, ct);
    }

    static IResult Probleme(int statut, string titre, string detail) => Results.Problem(statusCode: statut, title: titre, detail: detail);
}
