using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Rapports;

/// <summary>An attached file as the report page lists it; <c>Par</c> is null for a funder's account (never a person's name).
/// <c>Taille</c> in bytes, <c>Sha256</c> 64 hex digits.</summary>
public sealed record PieceDto(int Id, string Nom, string Type, long Taille, string Sha256, DateTime DeposeLe, string? Par);

/// <summary>Attaching, listing, reading and removing a report's files (<see cref="PieceRapport"/>). Who may: attach and remove,
/// those who may write the report (<see cref="RapportVu.PeutEcrire"/>: its association's managers and administrators while it is
/// « à remplir » or « à corriger »); list and download, whoever sees the report (<see cref="AccesRapports"/>, the grant's funder
/// included: the report is addressed to it). Each change journaled (object « Rapport », field « pièce jointe »).</summary>
public static class PiecesRapports
{
    /// <summary>Most files attached to one report.</summary>
    public const int NombreMax = 20;

    /// <summary>The report's files, oldest first, without their bytes.</summary>
    public static Task<List<PieceDto>> ListerAsync(AppDbContext db, RapportVu vu, CancellationToken ct) =>
        db.Set<PieceRapport>().AsNoTracking().Where(p => p.RapportId == vu.Rapport.Id).OrderBy(p => p.Id)
            .Select(p => new PieceDto(p.Id, p.Nom, p.Type, p.Taille, p.Sha256, p.DeposeLe, vu.VoitPersonnes ? p.DeposePar : null)).ToListAsync(ct);

    /// <summary>One file with its bytes, or null when it is not one of this report's.</summary>
    public static Task<PieceRapport?> LireAsync(AppDbContext db, RapportVu vu, int pieceId, CancellationToken ct) =>
        db.Set<PieceRapport>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pieceId && p.RapportId == vu.Rapport.Id, ct);

    /// <summary>Checks a file before it is read: present, not empty, at most <see cref="PieceRapport.TailleMax"/> bytes, an accepted
    /// extension. Null when fine, else the French reason.</summary>
    public static string? VerifierAvantLecture(string? nom, long taille)
    {
        if (nom is null) return "Choisissez le fichier à joindre.";
        if (taille == 0) return $"Le fichier « {Court(nom)} » est vide.";
        if (taille > PieceRapport.TailleMax) return $"Le fichier « {Court(nom)} » dépasse {PieceRapport.TailleMax / (1024 * 1024)} Mo : réduisez-le (PDF compressé, image moins lourde) ou joignez-le en plusieurs parties.";
        if (!TypesPieces.Types.ContainsKey(Path.GetExtension(nom).ToLowerInvariant()))
            return $"Le fichier « {Court(nom)} » n'est pas d'un type accepté. Joignez un PDF, une image (PNG, JPEG) ou un document bureautique ({TypesPieces.Extensions}).";
        return null;
    }

    /// <summary>Attaches a file: checks it (<see cref="VerifierAvantLecture"/>, then its content against its extension), stores it
    /// with its hash and journals it, in one save — nothing is written when a check fails.</summary>
    /// <exception cref="RegleMetierException">Field « fichier »: the reason, in French; or the report is no longer open to writing.</exception>
    public static async Task<PieceRapport> JoindreAsync(AppDbContext db, RapportVu vu, string nom, byte[] contenu, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        if (!vu.PeutEcrire) throw new RegleMetierException("Ce compte rendu n'accepte plus de pièce jointe (il est envoyé ou accepté).", "fichier");
        if (VerifierAvantLecture(nom, contenu.LongLength) is { } erreur) throw new RegleMetierException(erreur, "fichier");
        var type = TypesPieces.Reconnaitre(nom, contenu)
            ?? throw new RegleMetierException($"Le contenu de « {Court(nom)} » ne correspond pas à un fichier {Path.GetExtension(nom).ToLowerInvariant()} : le fichier est peut-être abîmé ou renommé. Joignez le document d'origine.", "fichier");
        if (TypesPieces.TropGonfle(contenu))
            throw new RegleMetierException($"« {Court(nom)} » annonce un contenu plus de {TypesPieces.GonflementMax} fois plus gros que le fichier : ce n'est pas un document ordinaire. Enregistrez-le à nouveau ou joignez-le en PDF.", "fichier");
        var sha = Convert.ToHexStringLower(SHA256.HashData(contenu));
        var id = vu.Rapport.Id;
        if (await db.Set<PieceRapport>().CountAsync(p => p.RapportId == id, ct) >= NombreMax)
            throw new RegleMetierException($"Un compte rendu porte au plus {NombreMax} pièces jointes : retirez-en une avant d'en joindre une autre.", "fichier");
        if (await db.Set<PieceRapport>().Where(p => p.RapportId == id && p.Sha256 == sha).Select(p => p.Nom).FirstOrDefaultAsync(ct) is { } deja)
            throw new RegleMetierException($"Ce fichier est déjà joint au compte rendu sous le nom « {deja} » (même contenu).", "fichier");
        var piece = new PieceRapport
        {
            RapportId = id, Nom = Court(nom), Type = type, Taille = contenu.LongLength, Sha256 = sha, Contenu = contenu,
            DeposePar = auteur, DeposeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(piece);
        Journal.Ajouter(db, horloge, auteur, GestionRapports.Objet, id, "pièce jointe", null, $"{piece.Nom} ({Taille(piece.Taille)}, SHA-256 {sha[..16]}…)");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same file attached at the same moment by another request: the unique index kept one.
            db.ChangeTracker.Clear();
            throw new RegleMetierException("Ce fichier est déjà joint au compte rendu.", "fichier");
        }
        return piece;
    }

    /// <summary>Removes one of the report's files (journaled). False when it is not one of this report's.</summary>
    public static async Task<bool> RetirerAsync(AppDbContext db, RapportVu vu, int pieceId, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        if (!vu.PeutEcrire) throw new RegleMetierException("Ce compte rendu n'accepte plus de modification (il est envoyé ou accepté).", "fichier");
        var nom = await db.Set<PieceRapport>().Where(p => p.Id == pieceId && p.RapportId == vu.Rapport.Id).Select(p => p.Nom).FirstOrDefaultAsync(ct);
        if (nom is null) return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<PieceRapport>().Where(p => p.Id == pieceId && p.RapportId == vu.Rapport.Id).ExecuteDeleteAsync(ct) == 0) return false;
        Journal.Ajouter(db, horloge, auteur, GestionRapports.Objet, vu.Rapport.Id, "pièce jointe", nom, "retirée");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The name without its folders, at most 200 characters (the end kept, with the extension).</summary>
    public static string Court(string nom)
    {
        var c = Path.GetFileName(nom.Replace('\\', '/')).Trim();
        if (c.Length > 200) c = c[^200..];
        return c.Length == 0 ? "fichier" : c;
    }

    /// <summary>« 12 ko », « 3,4 Mo ».</summary>
    public static string Taille(long octets) => octets < 1024 * 1024
        ? $"{Math.Max(1, octets / 1024)} ko"
        : (octets / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " Mo";
}
