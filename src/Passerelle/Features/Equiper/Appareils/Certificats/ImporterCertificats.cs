using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Appareils.Certificats;

/// <summary>One erasure report file as received: its name and bytes (nwipe PDF certificate or log).</summary>
public sealed record FichierCertificat(string Nom, byte[] Contenu);

/// <summary>One drive of the report: what the file says and where it went (<c>EffacementId</c> null when nothing was written).</summary>
public sealed record LigneCertificat(string Fichier, string? Modele, string? NumeroSerie, string Statut, string Resultat, int? AppareilId, int? SupportId,
    int? EffacementId, string? Reserve);

/// <summary>The import's report: <c>Ecrit</c> true when every drive of every file became a record, in one transaction; false with
/// the reasons when anything was wrong (then nothing at all is written — decision 0003). <c>Ignores</c>: files not looked at.</summary>
public sealed record RapportCertificats(bool Ecrit, IReadOnlyList<LigneCertificat> Disques, IReadOnlyList<string> Erreurs, IReadOnlyList<string> Ignores);

/// <summary>Imports nwipe's erasure reports (per-drive PDF certificate 0.35+, text log 0.30+) as erasure records, one per drive, each
/// attached to the storage medium whose serial number matches, keeping the file and its SHA-256. All or nothing: a malformed file,
/// a drive without serial or without matching medium, a medium of a device that left the workshop, a file already imported for
/// that medium → nothing is written and the report says why. Level: nwipe overwrites, so NIST SP 800-88 <c>clear</c>. Result:
/// <c>reussi</c> only for ERASED without hidden sectors left (HPA/DCO found = hidden area not erased → <c>echec</c>); ERASED with an
/// unknown hidden-area status or I/O retries is <c>reussi</c> with its reservation written on the record. Local times of the
/// report are read in the territory's zone (Europe/Paris).</summary>
public static class ImporterCertificats
{
    /// <summary>Largest file accepted, in bytes (nwipe's PDFs weigh 200–500 kB).</summary>
    public const int TailleMax = 2_000_000;

    public static async Task<RapportCertificats> ExecuterAsync(AppDbContext db, IReadOnlyList<FichierCertificat> fichiers, int? supportId, string operateur,
        TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new List<string>();
        var lignes = new List<LigneCertificat>();
        var nouveaux = new List<(Effacement E, int Index)>();
        if (fichiers.Count == 0) erreurs.Add("Aucun fichier reçu.");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var zone = Territoire.Zone(null);
        foreach (var f in fichiers)
        {
            List<DisqueEfface> disques;
            try { disques = Lire(f); }
            catch (CertificatIllisibleException e) { erreurs.Add($"« {f.Nom} » : {e.Message}"); continue; }
            var sha = Convert.ToHexStringLower(SHA256.HashData(f.Contenu));
            if (supportId is not null && disques.Count != 1) { erreurs.Add($"« {f.Nom} » : {disques.Count} disques dans ce fichier ; un support désigné n'en reçoit qu'un."); continue; }
            foreach (var d in disques)
            {
                string? Refus(string m) { erreurs.Add($"« {f.Nom} », disque {d.Modele} {d.NumeroSerie ?? "sans numéro de série"} : {m}"); return null; }
                var support = await SupportAsync(db, d, supportId, ct, Refus);
                var resultat = d.Statut == "ERASED" && d.ZonesCachees != "presentes" ? Effacement.Reussi : Effacement.Echec;
                var reserve = Reserve(d);
                var debut = Utc(d.Debut, zone);
                var fin = Utc(d.Fin, zone);
                if (d.VerificationSeule) Refus($"méthode « {d.Methode} » : une vérification seule n'est pas un effacement.");
                else if (fin < debut) Refus("la fin précède le début.");
                else if (fin > maintenant.AddMinutes(5)) Refus("la fin de l'effacement est dans le futur : vérifiez l'horloge du poste d'effacement.");
                else if (support is not null)
                {
                    if (await db.Set<Effacement>().AnyAsync(e => e.SupportId == support.Value.Id && e.CertificatSha256 == sha, ct)
                        || nouveaux.Any(n => n.E.SupportId == support.Value.Id && n.E.CertificatSha256 == sha))
                        Refus($"ce certificat est déjà enregistré pour le support de l'appareil {Appareil.EtiquetteDe(support.Value.AppareilId)}.");
                    else
                    {
                        var e = new Effacement
                        {
                            SupportId = support.Value.Id, Niveau = "clear", Methode = d.Methode, Outil = d.Outil, VersionOutil = d.Version ?? "version non indiquée",
                            Passes = d.Passes, Verification = d.Verification == "none" ? "aucune" : "complete", ZonesCacheesStatut = d.ZonesCachees,
                            Debut = debut, Fin = fin, Operateur = Tronquer(d.Technicien ?? operateur, 200), Resultat = resultat, Reserve = reserve,
                            EnregistreLe = maintenant, CertificatNom = Tronquer(Path.GetFileName(f.Nom), 255), Certificat = f.Contenu, CertificatSha256 = sha,
                        };
                        nouveaux.Add((e, lignes.Count));
                    }
                }
                lignes.Add(new LigneCertificat(f.Nom, d.Modele, d.NumeroSerie, d.Statut, resultat, support?.AppareilId, support?.Id, null, reserve));
            }
        }
        if (erreurs.Count > 0 || nouveaux.Count == 0)
        {
            if (erreurs.Count == 0) erreurs.Add("Aucun disque trouvé dans ces fichiers.");
            return new RapportCertificats(false, lignes, erreurs, []);
        }
        db.AddRange(nouveaux.Select(n => n.E));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The unique (medium, file hash) index: the same file imported meanwhile by someone else.
            foreach (var n in nouveaux) db.Entry(n.E).State = EntityState.Detached;
            return new RapportCertificats(false, lignes, ["Ces certificats viennent d'être importés par quelqu'un d'autre : rien n'a été écrit."], []);
        }
        foreach (var n in nouveaux) lignes[n.Index] = lignes[n.Index] with { EffacementId = n.E.Id };
        return new RapportCertificats(true, lignes, [], []);
    }

    /// <summary>The drives a file reports: a PDF is read as nwipe's per-drive certificate, anything else as its log.</summary>
    /// <exception cref="CertificatIllisibleException">Empty, too large, or not a report nwipe writes.</exception>
    public static List<DisqueEfface> Lire(FichierCertificat f)
    {
        if (f.Contenu.Length == 0) throw new CertificatIllisibleException("fichier vide.");
        if (f.Contenu.Length > TailleMax) throw new CertificatIllisibleException($"fichier de plus de {TailleMax / 1_000_000} Mo.");
        if (f.Contenu.AsSpan().StartsWith("%PDF"u8)) return [LecteurNwipePdf.Lire(f.Contenu)];
        if (f.Contenu.AsSpan(0, Math.Min(f.Contenu.Length, 4096)).Contains((byte)0)) throw new CertificatIllisibleException("fichier binaire : ni un journal nwipe ni un certificat PDF.");
        string texte;
        try { texte = new UTF8Encoding(false, true).GetString(f.Contenu); }
        catch (DecoderFallbackException) { texte = Encoding.Latin1.GetString(f.Contenu); }
        return LecteurNwipeLog.Lire(texte);
    }

    static async Task<(int Id, int AppareilId)?> SupportAsync(AppDbContext db, DisqueEfface d, int? supportId, CancellationToken ct, Func<string, string?> refus)
    {
        List<(int Id, int AppareilId, string? Serie)> trouves;
        if (supportId is { } id)
        {
            trouves = (await db.Set<SupportStockage>().Where(s => s.Id == id).Select(s => new { s.Id, s.AppareilId, s.NumeroSerie }).ToListAsync(ct))
                .Select(s => (s.Id, s.AppareilId, s.NumeroSerie)).ToList();
            if (trouves.Count == 0) { refus("support de stockage inconnu."); return null; }
            if (d.NumeroSerie is not null && trouves[0].Serie is { } attendu && !attendu.Trim().Equals(d.NumeroSerie, StringComparison.OrdinalIgnoreCase))
            { refus($"le certificat porte le numéro de série {d.NumeroSerie}, le support désigné {attendu}."); return null; }
        }
        else
        {
            if (d.NumeroSerie is null) { refus("le rapport ne donne pas le numéro de série du disque : importez-le depuis la fiche de l'appareil, en désignant le support."); return null; }
            var serie = d.NumeroSerie.ToUpperInvariant();
            trouves = (await db.Set<SupportStockage>().Where(s => s.NumeroSerie != null && s.NumeroSerie.ToUpper() == serie)
                .Select(s => new { s.Id, s.AppareilId, s.NumeroSerie }).Take(2).ToListAsync(ct)).Select(s => (s.Id, s.AppareilId, s.NumeroSerie)).ToList();
            if (trouves.Count == 0) { refus("aucun support de stockage enregistré ne porte ce numéro de série : enregistrez d'abord l'appareil et ses disques."); return null; }
            if (trouves.Count > 1) { refus("plusieurs supports portent ce numéro de série : importez-le depuis la fiche de l'appareil, en désignant le support."); return null; }
        }
        var etat = await db.Set<Appareil>().Where(a => a.Id == trouves[0].AppareilId).Select(a => a.Etat).SingleAsync(ct);
        if (Etats.Sorties.Contains(etat) || etat == Etats.Perdu) { refus($"l'appareil {Appareil.EtiquetteDe(trouves[0].AppareilId)} a quitté l'atelier : son dossier d'effacement est clos."); return null; }
        return (trouves[0].Id, trouves[0].AppareilId);
    }

    static string? Reserve(DisqueEfface d)
    {
        var r = new List<string>();
        if (d.Statut != "ERASED") r.Add($"nwipe : {d.Statut}");
        if (d.Avertissement is { } a) r.Add(a);
        else if (d.ZonesCachees == "inconnu") r.Add("État des zones cachées (HPA/DCO) indéterminé.");
        if (d.Reprises > 0) r.Add($"{d.Reprises} reprise(s) d'écriture");
        if (d.ErreursPasses + d.ErreursSynchro + d.ErreursVerification > 0) r.Add($"erreurs passe/synchro/vérification {d.ErreursPasses}/{d.ErreursSynchro}/{d.ErreursVerification}");
        return r.Count == 0 ? null : Tronquer(string.Join(" ; ", r), 300);
    }

    /// <summary>A local time of the report in the territory's zone, as UTC (a time skipped by the spring change is read one hour later).</summary>
    static DateTime Utc(DateTime local, TimeZoneInfo zone)
    {
        var l = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(l)) l = l.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(l, zone);
    }

    static string Tronquer(string s, int n) => s.Length <= n ? s : s[..n];
}
