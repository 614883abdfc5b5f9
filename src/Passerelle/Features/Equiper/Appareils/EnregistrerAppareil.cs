using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>A storage medium as typed at intake: <see cref="SupportStockage.Types"/> code, serial, capacity in GB (1 to 100 000).</summary>
public sealed record SupportSaisie(string? Type, string? NumeroSerie, int CapaciteGo);

/// <summary><c>POST /api/v1/equipement/appareils</c> and the intake form of a lot.</summary>
public sealed record AppareilSaisie(int LotId, string? Type, string? Marque, string? Modele, string? NumeroSerie, List<SupportSaisie>? Supports,
    string? Processeur = null, int? MemoireGo = null, string? EtatGeneral = null);

public static class EnregistrerAppareil
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors (400), the lot unknown included.</exception>
    /// <exception cref="RegleMetierException">Serial number already recorded (409).</exception>
    public static async Task<Appareil> ExecuterAsync(AppDbContext db, AppareilSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!Materiel.Existe(s.Type)) e["type"] = [$"Type d'appareil inconnu : {string.Join(", ", Materiel.Types.Select(t => t.Code))}."];
        if (string.IsNullOrWhiteSpace(s.Marque) || s.Marque.Length > 100) e["marque"] = ["Indiquez la marque (100 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.Modele) || s.Modele.Length > 200) e["modele"] = ["Indiquez le modèle (200 caractères au plus)."];
        if ((s.NumeroSerie?.Length ?? 0) > 100) e["numeroSerie"] = ["100 caractères au plus."];
        if ((s.Processeur?.Length ?? 0) > 200) e["processeur"] = ["200 caractères au plus."];
        if (s.MemoireGo is < 0 or > 4096) e["memoireGo"] = ["Mémoire vive entre 0 et 4 096 Go."];
        if ((s.EtatGeneral?.Length ?? 0) > 1000) e["etatGeneral"] = ["1 000 caractères au plus."];
        var supports = s.Supports ?? [];
        if (supports.Count > 16) e["supports"] = ["16 supports de stockage au plus."];
        else if (supports.Any(x => !SupportStockage.Types.Any(t => t.Code == x.Type) || x.CapaciteGo is < 1 or > 100_000 || (x.NumeroSerie?.Length ?? 0) > 100))
            e["supports"] = ["Chaque support : un type (hdd, ssd, nvme, emmc, autre), une capacité de 1 à 100 000 Go, un numéro de série de 100 caractères au plus."];
        var lot = await db.Set<Lot>().AsNoTracking().Include(l => l.Offre).FirstOrDefaultAsync(l => l.Id == s.LotId, ct);
        if (lot is null) e["lotId"] = ["Lot inconnu."];
        if (e.Count > 0) throw Valider.Invalide(e, "Appareil invalide");
        var serie = string.IsNullOrWhiteSpace(s.NumeroSerie) ? null : s.NumeroSerie.Trim();
        if (serie is not null && await db.Set<Appareil>().AnyAsync(a => a.NumeroSerie == serie, ct))
            throw new RegleMetierException($"Le numéro de série « {serie} » est déjà enregistré : scannez-le pour ouvrir sa fiche.", "numeroSerie");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var a = new Appareil
        {
            LotId = lot!.Id, Origine = lot.Offre!.Origine, Type = s.Type!, Marque = s.Marque!.Trim(), Modele = s.Modele!.Trim(), NumeroSerie = serie,
            Processeur = string.IsNullOrWhiteSpace(s.Processeur) ? null : s.Processeur.Trim(), MemoireGo = s.MemoireGo,
            EtatGeneral = string.IsNullOrWhiteSpace(s.EtatGeneral) ? null : s.EtatGeneral.Trim(), CreeLe = maintenant,
            Supports = supports.Select(x => new SupportStockage { Type = x.Type!, NumeroSerie = string.IsNullOrWhiteSpace(x.NumeroSerie) ? null : x.NumeroSerie.Trim(), CapaciteGo = x.CapaciteGo }).ToList(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(a);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException($"Le numéro de série « {serie} » est déjà enregistré.", "numeroSerie"); }
        db.Add(new EvenementAppareil { AppareilId = a.Id, De = null, Vers = Etats.Recu, Le = maintenant, Auteur = ChangerEtat.Auteur(qui), Site = lot.Site, Note = $"Entrée dans le lot n° {lot.Id}" });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return a;
    }
}
