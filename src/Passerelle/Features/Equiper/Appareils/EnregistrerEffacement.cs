using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>A certificate file sent with a record: its name and its bytes in base64 (1 MB at most).</summary>
public sealed record CertificatSaisie(string? Nom, string? ContenuBase64);

/// <summary><c>POST /api/v1/equipement/effacements</c>: the record of one medium (docs/standards/equipement-reemploi.md §2).
/// Levels clear/purge/destroy (NIST SP 800-88); <c>Debut</c>/<c>Fin</c> UTC.</summary>
public sealed record EffacementSaisie(int SupportId, string? Niveau, string? Methode, string? Outil, string? VersionOutil, int Passes,
    string? Verification, string? ZonesCachees, DateTime? Debut, DateTime? Fin, string? Resultat, string? Site = null, CertificatSaisie? Certificat = null);

public static class EnregistrerEffacement
{
    public static async Task<Effacement> ExecuterAsync(AppDbContext db, EffacementSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        static bool Dans((string Code, string Libelle)[] liste, string? v) => liste.Any(x => x.Code == v);
        if (!Dans(Effacement.Niveaux, s.Niveau)) e["niveau"] = ["Niveau : clear, purge ou destroy (NIST SP 800-88)."];
        if (string.IsNullOrWhiteSpace(s.Methode) || s.Methode.Length > 200) e["methode"] = ["Indiquez la méthode (200 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.Outil) || s.Outil.Length > 100) e["outil"] = ["Indiquez l'outil utilisé (100 caractères au plus)."];
        if ((s.VersionOutil?.Length ?? 0) > 50) e["versionOutil"] = ["50 caractères au plus."];
        if (s.Passes is < 0 or > 100) e["passes"] = ["Nombre de passes entre 0 et 100."];
        if (!Dans(Effacement.Verifications, s.Verification)) e["verification"] = ["Vérification : aucune, echantillon ou complete."];
        if (!Dans(Effacement.ZonesCachees, s.ZonesCachees ?? "inconnu")) e["zonesCachees"] = ["Zones cachées : absentes, retirees, presentes ou inconnu."];
        if (s.Resultat is not (Effacement.Reussi or Effacement.Echec)) e["resultat"] = ["Résultat : reussi ou echec."];
        if (s.Debut is null || s.Fin is null || s.Fin < s.Debut) e["fin"] = ["Indiquez le début et la fin ; la fin suit le début."];
        else if (s.Fin > horloge.GetUtcNow().UtcDateTime.AddMinutes(5)) e["fin"] = ["La fin de l'effacement ne peut pas être dans le futur."];
        if ((s.Site?.Length ?? 0) > 200) e["site"] = ["200 caractères au plus."];
        byte[]? fichier = null;
        if (s.Certificat is { } c)
        {
            try { fichier = Convert.FromBase64String(c.ContenuBase64 ?? ""); } catch (FormatException) { e["certificat"] = ["Le certificat doit être envoyé en base64."]; }
            if (fichier is { Length: 0 or > 1_000_000 }) e["certificat"] = ["Certificat vide ou de plus de 1 Mo."];
            if (string.IsNullOrWhiteSpace(c.Nom) || c.Nom.Length > 255) e["certificat"] = ["Indiquez le nom du fichier du certificat."];
        }
        var support = await db.Set<SupportStockage>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == s.SupportId, ct);
        if (support is null) e["supportId"] = ["Support de stockage inconnu."];
        if (e.Count > 0) throw Valider.Invalide(e, "Effacement invalide");
        var etat = await db.Set<Appareil>().Where(a => a.Id == support!.AppareilId).Select(a => a.Etat).SingleAsync(ct);
        if (Etats.Sorties.Contains(etat) || etat == Etats.Perdu) throw new RegleMetierException("Cet appareil a quitté l'atelier : son dossier d'effacement est clos.", "supportId");
        var ef = new Effacement
        {
            SupportId = support!.Id, Niveau = s.Niveau!, Methode = s.Methode!.Trim(), Outil = s.Outil!.Trim(), VersionOutil = s.VersionOutil?.Trim(), Passes = s.Passes,
            Verification = s.Verification!, ZonesCacheesStatut = s.ZonesCachees ?? "inconnu",
            Debut = DateTime.SpecifyKind(s.Debut!.Value, DateTimeKind.Utc), Fin = DateTime.SpecifyKind(s.Fin!.Value, DateTimeKind.Utc),
            Operateur = ChangerEtat.Auteur(qui), Site = s.Site?.Trim(), Resultat = s.Resultat!, EnregistreLe = horloge.GetUtcNow().UtcDateTime,
            CertificatNom = s.Certificat?.Nom?.Trim(), Certificat = fichier, CertificatSha256 = fichier is null ? null : Convert.ToHexStringLower(SHA256.HashData(fichier)),
        };
        if (ef.CertificatSha256 is { } sha && await db.Set<Effacement>().AnyAsync(x => x.SupportId == ef.SupportId && x.CertificatSha256 == sha, ct))
            throw new RegleMetierException("Ce certificat est déjà enregistré pour ce support.", "certificat");
        db.Add(ef);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.Entry(ef).State = EntityState.Detached;
            throw new RegleMetierException("Ce certificat vient d'être enregistré pour ce support.", "certificat");
        }
        return ef;
    }
}
