using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Insertion;

/// <param name="Mois">Any day of the month (the first is kept).</param>
/// <param name="Heures">Hours worked, up to one decimal (e.g. 151.5).</param>
public sealed record HeuresSaisie(string? Site, DateOnly? Mois, string? Categorie, string? Activite, decimal? Heures, int? Personnes);

public static class SaisirHeures
{
    /// <summary>Records (or replaces) the hours of one site, month, category and activity.</summary>
    /// <exception cref="ValidationException">Missing or out-of-range fields (400).</exception>
    public static async Task<HeuresInsertion> ExecuterAsync(AppDbContext db, HeuresSaisie s, string auteur, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Site) || s.Site.Trim().Length > 200) e["site"] = ["Indiquez le chantier (200 caractères au plus)."];
        if (s.Mois is null) e["mois"] = ["Indiquez le mois."];
        else if (s.Mois > Territoire.AujourdHui(horloge)) e["mois"] = ["Le mois ne peut pas être dans le futur."];
        if (!HeuresInsertion.Categories.Any(c => c.Code == s.Categorie)) e["categorie"] = [$"Choisissez une catégorie dans la liste (codes acceptés par l'API : {string.Join(", ", HeuresInsertion.Categories.Select(c => c.Code))})."];
        if (!HeuresInsertion.Activites.Any(c => c.Code == s.Activite)) e["activite"] = [$"Choisissez une activité dans la liste (codes acceptés par l'API : {string.Join(", ", HeuresInsertion.Activites.Select(c => c.Code))})."];
        if (s.Heures is null or < 0 or > 100_000 || decimal.Round(s.Heures.Value, 1) != s.Heures) e["heures"] = ["Indiquez les heures (0 à 100 000, une décimale au plus)."];
        if (s.Personnes is null or < 0 or > 10_000) e["personnes"] = ["Indiquez le nombre de personnes (0 à 10 000)."];
        if (e.Count > 0) throw Valider.Invalide(e, "Heures invalides");
        var mois = new DateOnly(s.Mois!.Value.Year, s.Mois.Value.Month, 1);
        var site = s.Site!.Trim();
        var h = await db.Set<HeuresInsertion>().FirstOrDefaultAsync(x => x.Site == site && x.Mois == mois && x.Categorie == s.Categorie && x.Activite == s.Activite, ct);
        if (h is null) db.Add(h = new HeuresInsertion { Site = site, Mois = mois, Categorie = s.Categorie!, Activite = s.Activite! });
        h.Minutes = (int)(s.Heures!.Value * 60);
        h.Personnes = s.Personnes!.Value;
        h.SaisiPar = auteur;
        h.SaisiLe = horloge.GetUtcNow().UtcDateTime;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException("Ces heures viennent d'être saisies par quelqu'un d'autre : rechargez la page.", "mois"); }
        return h;
    }
}
