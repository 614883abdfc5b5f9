using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Subventions;

namespace Passerelle.Features.Financer.Conventions;

/// <summary>An objective as posted: the label, a measured indicator's code (or none, then the unit), the target (≥ 0).</summary>
public sealed record SaisieObjectif(string? Intitule, string? Indicateur, string? Unite, int? Cible);

/// <summary>An objective with its actual value: <paramref name="Realise"/> computed from the records, null when masked or when
/// Passerelle does not measure the indicator (<paramref name="Mesure"/> false).</summary>
public sealed record ObjectifRealise(ObjectifConvention Objectif, string Unite, bool Mesure, decimal? Realise);

/// <summary>Objectives of a convention and their actual values (issue 11 §3).</summary>
public static class GestionObjectifs
{
    public static Dictionary<string, string[]> Verifier(SaisieObjectif s, CatalogueIndicateurs catalogue)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Intitule)) e["intitule"] = ["Indiquez l'objectif."];
        else if (s.Intitule.Trim().Length > 300) e["intitule"] = ["L'objectif tient en 300 caractères."];
        if (!string.IsNullOrWhiteSpace(s.Indicateur) && catalogue.Trouver(s.Indicateur) is null) e["indicateur"] = ["Choisissez un indicateur de la liste."];
        if (string.IsNullOrWhiteSpace(s.Indicateur) && string.IsNullOrWhiteSpace(s.Unite)) e["unite"] = ["Pour un indicateur que Passerelle ne mesure pas, dites ce qui est compté (par exemple « permanences »)."];
        else if (s.Unite is { Length: > 60 }) e["unite"] = ["L'unité tient en 60 caractères."];
        if (s.Cible is null or < 0 or > 10_000_000) e["cible"] = ["La cible est un nombre entier positif (un pourcentage entre 0 et 100 pour une part)."];
        else if (catalogue.Trouver(s.Indicateur)?.Unite == "%" && s.Cible > 100) e["cible"] = ["Une part se donne en pourcentage, entre 0 et 100."];
        return e;
    }

    /// <summary>Adds an objective at the end of the convention's list (not saved).</summary>
    public static async Task<ObjectifConvention> AjouterAsync(AppDbContext db, int conventionId, SaisieObjectif s, CancellationToken ct)
    {
        var rang = await db.Set<ObjectifConvention>().Where(o => o.ConventionId == conventionId).MaxAsync(o => (int?)o.Rang, ct) ?? 0;
        var o = new ObjectifConvention
        {
            ConventionId = conventionId, Rang = rang + 1, Intitule = s.Intitule!.Trim(), Cible = s.Cible!.Value,
            Indicateur = string.IsNullOrWhiteSpace(s.Indicateur) ? null : s.Indicateur,
            Unite = string.IsNullOrWhiteSpace(s.Indicateur) ? s.Unite!.Trim() : null,
        };
        db.Add(o);
        return o;
    }

    /// <summary>Who the convention's figures are about: the grant's beneficiary for an objective convention, the partner for a
    /// service convention (whose records are also those delivered under it).</summary>
    public static async Task<PerimetreMesure> PerimetreAsync(AppDbContext db, Convention c, bool masquer, CancellationToken ct, DateOnly? du = null, DateOnly? au = null)
    {
        var beneficiaire = c.SubventionId is { } sid ? await db.Set<Subvention>().Where(s => s.Id == sid).Select(s => (int?)s.BeneficiaireId).FirstOrDefaultAsync(ct) : null;
        return new PerimetreMesure(du ?? c.DateDebut, au ?? c.DateFin, beneficiaire ?? c.PartenaireId, c.SubventionId is null ? c.Id : null, masquer);
    }

    /// <summary>The convention's active objectives with their actual values over <paramref name="p"/>.</summary>
    public static async Task<List<ObjectifRealise>> RealisesAsync(AppDbContext db, int conventionId, PerimetreMesure p, CatalogueIndicateurs catalogue, TimeProvider horloge, CancellationToken ct)
    {
        var objectifs = await db.Set<ObjectifConvention>().AsNoTracking().Where(o => o.ConventionId == conventionId && o.Actif).OrderBy(o => o.Rang).ToListAsync(ct);
        var codes = objectifs.Where(o => o.Indicateur is not null).Select(o => o.Indicateur!).Distinct().ToList();
        var valeurs = codes.Count == 0 ? new Dictionary<string, decimal?>() : await catalogue.MesurerAsync(db, p, codes, horloge, ct);
        return objectifs.Select(o =>
        {
            var ind = catalogue.Trouver(o.Indicateur);
            return new ObjectifRealise(o, ind?.Unite ?? o.Unite ?? "", ind is not null, o.Indicateur is not null && valeurs.TryGetValue(o.Indicateur, out var v) ? v : null);
        }).ToList();
    }

    /// <summary>« 412 », « 38,5 % », or « masqué » / « — ».</summary>
    public static string Afficher(decimal? v, string unite, bool mesure) =>
        v is null ? (mesure ? "masqué (petits nombres)" : "—") : v.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + (unite == "%" ? " %" : "");
}
