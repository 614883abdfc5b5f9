using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record OrientationSaisie(DateOnly? Date, string? Categorie, int? LieuId, string? Destinataire, string? Motif);

/// <summary>Refers the person to another structure (national list of categories), to a place of the directory or a named recipient.</summary>
public static class Orienter
{
    public static async Task<Orientation> ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, OrientationSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await Fiches.ChargerAsync(db, structures, id, ct);
        var aujourdHui = DateOnly.FromDateTime(Fiches.Maintenant(h));
        var e = new Dictionary<string, string[]>();
        if (s.Categorie is null || !VocabulaireCoop.Orientations.Contains(s.Categorie)) e["Categorie"] = ["Choisissez le type de structure dans la liste nationale."];
        if (s.LieuId is null && string.IsNullOrWhiteSpace(s.Destinataire)) e["Destinataire"] = ["Choisissez un lieu de l'annuaire ou écrivez le nom de la structure."];
        if ((s.Destinataire?.Length ?? 0) > 200) e["Destinataire"] = ["200 caractères au plus."];
        if (string.IsNullOrWhiteSpace(s.Motif) || s.Motif.Length > 500) e["Motif"] = ["Indiquez le motif (500 caractères au plus)."];
        if (s.Date is { } d && (d > aujourdHui || d < aujourdHui.AddYears(-2))) e["Date"] = ["Date d'orientation dans les deux dernières années."];
        if (s.LieuId is { } lieu && !await db.Lieux.AnyAsync(l => l.Id == lieu, ct)) e["LieuId"] = ["Lieu inconnu de l'annuaire."];
        if (e.Count > 0) throw Valider.Invalide(e, "Orientation invalide");
        var o = new Orientation { BeneficiaireId = b.Id, Date = s.Date ?? aujourdHui, Categorie = s.Categorie!, LieuId = s.LieuId,
            Destinataire = string.IsNullOrWhiteSpace(s.Destinataire) ? null : s.Destinataire.Trim(), Motif = s.Motif!.Trim(), CreePar = user.FindFirstValue(ClaimTypes.NameIdentifier) };
        db.Orientations.Add(o);
        b.DerniereActiviteLe = Fiches.Maintenant(h);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Orientation", Journal.FicheBeneficiaire, id, o.Categorie);
        await db.SaveChangesAsync(ct);
        return o;
    }
}
