using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Aidants;

/// <summary>A competency as typed by an administrator: code (10 characters, unique), domain, label, description, order, active.</summary>
public sealed record CompetenceSaisie
{
    [Required(ErrorMessage = "Indiquez un code court, par exemple A4."), StringLength(10, ErrorMessage = "10 caractères au plus.")] public string? Code { get; init; }
    [Required(ErrorMessage = "Indiquez le domaine."), StringLength(120, ErrorMessage = "120 caractères au plus.")] public string? Domaine { get; init; }
    [Required(ErrorMessage = "Indiquez le geste."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? Libelle { get; init; }
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")] public string? Description { get; init; }
    [Range(0, 10000, ErrorMessage = "Un nombre de 0 à 10 000.")] public int Ordre { get; init; }
    public bool Active { get; init; } = true;
}

/// <summary>The territory edits the helpers' framework (issue 14 §7: « editable by the territory »): add or change a competency, withdraw
/// one (never delete: past assessments keep their meaning). The caller checks the administrator role.</summary>
public static class EditerReferentiel
{
    /// <returns>The competency's id.</returns>
    /// <exception cref="ValidationException">Field errors, or a code already used by another competency.</exception>
    /// <exception cref="KeyNotFoundException">No such competency (404).</exception>
    public static async Task<int> ExecuterAsync(AppDbContext db, int? id, CompetenceSaisie s, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        var code = s.Code?.Trim().ToUpperInvariant() ?? "";
        if (!e.ContainsKey("Code") && await db.Set<CompetenceAidant>().AnyAsync(c => c.Code == code && c.Id != id, ct))
            e["Code"] = [$"Le code {code} est déjà celui d'une autre compétence."];
        if (e.Count > 0) throw Valider.Invalide(e, "Compétence incomplète");
        var c = id is { } x ? await db.Set<CompetenceAidant>().FirstOrDefaultAsync(c => c.Id == x, ct) ?? throw new KeyNotFoundException("Compétence inconnue.")
            : new CompetenceAidant { Id = (await db.Set<CompetenceAidant>().MaxAsync(c => (int?)c.Id, ct) ?? 0) + 1 };
        (c.Code, c.Domaine, c.Libelle, c.Ordre, c.Active) = (code, s.Domaine!.Trim(), s.Libelle!.Trim(), s.Ordre, s.Active);
        c.Description = string.IsNullOrWhiteSpace(s.Description) ? null : s.Description.Trim();
        if (id is null) db.Add(c);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw Valider.Invalide(new() { ["Code"] = ["Une autre compétence vient d'être enregistrée avec ce code ou en même temps : réessayez."] }); }
        return c.Id;
    }
}
