using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary><c>POST /api/v1/equipement/deee</c>: devices handed to an authorised collector, with the register entry's fields
/// (décret n° 2021-321). Every device moves to <c>deee</c> (graph and erasure proof checked) or none does.</summary>
public sealed record SortieDeeeSaisie(List<int>? AppareilIds, DateOnly? Date, string? CodeDechet, string? Description, int PoidsKg, string? Transporteur,
    string? Destinataire, string? CodeTraitement, string? NumeroBordereau = null, string? IdentifiantTrackdechets = null);

public static class SortirDeee
{
    public static async Task<SortieDeee> ExecuterAsync(AppDbContext db, SortieDeeeSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var ids = (s.AppareilIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 1000) e["appareilIds"] = ["Indiquez de 1 à 1 000 appareils."];
        if (s.Date is null) e["date"] = ["Indiquez la date de remise au collecteur."];
        if (string.IsNullOrWhiteSpace(s.CodeDechet) || !System.Text.RegularExpressions.Regex.IsMatch(s.CodeDechet, @"^\d{2} ?\d{2} ?\d{2}\*?$"))
            e["codeDechet"] = ["Code déchet de la liste européenne, par exemple « 16 02 14 » ou « 20 01 35* »."];
        if (string.IsNullOrWhiteSpace(s.Description) || s.Description.Length > 500) e["description"] = ["Décrivez le lot (500 caractères au plus)."];
        if (s.PoidsKg is < 1 or > 1_000_000) e["poidsKg"] = ["Poids en kilos, de 1 à 1 000 000."];
        if (string.IsNullOrWhiteSpace(s.Transporteur) || s.Transporteur.Length > 200) e["transporteur"] = ["Indiquez le transporteur."];
        if (string.IsNullOrWhiteSpace(s.Destinataire) || s.Destinataire.Length > 200) e["destinataire"] = ["Indiquez l'installation de traitement autorisée."];
        if (string.IsNullOrWhiteSpace(s.CodeTraitement) || s.CodeTraitement.Length > 10) e["codeTraitement"] = ["Indiquez le code de traitement (par exemple R4)."];
        if ((s.NumeroBordereau?.Length ?? 0) > 100 || (s.IdentifiantTrackdechets?.Length ?? 0) > 100) e["numeroBordereau"] = ["100 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Sortie DEEE invalide");
        var appareils = new List<Appareil>();
        foreach (var id in ids)
        {
            var a = await ChangerEtat.ChargerAsync(db, id, ct);
            ChangerEtat.Verifier(a, Etats.Deee, qui);
            appareils.Add(a);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sortie = new SortieDeee
        {
            Date = s.Date!.Value, CodeDechet = s.CodeDechet!.Trim(), Description = s.Description!.Trim(), PoidsKg = s.PoidsKg, Transporteur = s.Transporteur!.Trim(),
            Destinataire = s.Destinataire!.Trim(), CodeTraitement = s.CodeTraitement!.Trim(), NumeroBordereau = s.NumeroBordereau?.Trim(),
            IdentifiantTrackdechets = s.IdentifiantTrackdechets?.Trim(), EnregistrePar = ChangerEtat.Auteur(qui),
        };
        db.Add(sortie);
        await db.SaveChangesAsync(ct);
        foreach (var a in appareils)
        {
            await ChangerEtat.AppliquerAsync(db, a, Etats.Deee, $"Registre des déchets n° {sortie.Id}", ChangerEtat.Auteur(qui), horloge, ct);
            await db.Set<Appareil>().Where(x => x.Id == a.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SortieDeeeId, sortie.Id), ct);
        }
        await transaction.CommitAsync(ct);
        return sortie;
    }
}
