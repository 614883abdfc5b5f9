using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>Create or edit one place (admin form and API). Errors are keyed by the input's field names.</summary>
public static class EnregistrerLieu
{
    public const string SourceLocale = "Passerelle";

    public static async Task<(Lieu? Lieu, Dictionary<string, string[]> Erreurs)> ExecuterAsync(
        AppDbContext db, int? id, LieuSaisie saisie, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        Lieu? lieu = null;
        if (id is not null)
        {
            lieu = await db.Lieux.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new KeyNotFoundException();
        }
        var idLocal = lieu?.IdLocal ?? (string.IsNullOrWhiteSpace(saisie.IdLocal) ? $"passerelle-{Guid.NewGuid():N}"[..23] : saisie.IdLocal.Trim());
        var source = lieu?.Source ?? SourceLocale;
        var problemes = new List<Probleme>();
        var ligne = ValidateurLieu.Valider(saisie.VersColonnes(idLocal, DateOnly.FromDateTime(maintenant), source), 0, problemes);
        var erreurs = problemes.Where(p => p.Bloquant)
            .GroupBy(p => LieuSaisie.Champs.GetValueOrDefault(p.Colonne, p.Colonne))
            .ToDictionary(g => g.Key, g => g.Select(p => string.IsNullOrEmpty(p.Valeur) ? p.Raison : $"{p.Raison} (« {p.Valeur} »)").ToArray());
        if (saisie.StructureId is { } sid && !await db.Structures.AnyAsync(s => s.Id == sid && !s.Archivee, ct))
            erreurs[nameof(LieuSaisie.StructureId)] = ["Structure inconnue ou archivée."];
        if (ligne is null || erreurs.Count > 0) return (null, erreurs);
        if (lieu is null)
        {
            if (await db.Lieux.AnyAsync(l => l.Source == source && l.IdLocal == idLocal, ct))
                return (null, new() { [nameof(LieuSaisie.IdLocal)] = ["Cet identifiant est déjà utilisé."] });
            lieu = new Lieu { Source = source, IdLocal = idLocal };
            db.Lieux.Add(lieu);
        }
        lieu.Appliquer(ligne, maintenant);
        lieu.StructureId = saisie.StructureId;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (id is null)
        {
            throw new RegleMetierException("Cet identifiant vient d'être utilisé par un autre lieu.", nameof(LieuSaisie.IdLocal));
        }
        return (lieu, erreurs);
    }

    /// <summary>Archiving keeps the history (later issues link activities to places) but hides the place everywhere.</summary>
    public static async Task<bool> ArchiverAsync(AppDbContext db, int id, bool archive, TimeProvider horloge, CancellationToken ct)
    {
        var lieu = await db.Lieux.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lieu is null) return false;
        lieu.Archive = archive;
        lieu.ModifieLe = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
