using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record DiagnosticSaisie(DateOnly? Date, Dictionary<string, int>? Niveaux, string? Notes);

/// <summary>A digital-skills diagnostic of a followed person: levels 0 (not yet) to 3 (autonomous) on the competence framework.</summary>
public static class Diagnostiquer
{
    public static async Task<Diagnostic> ExecuterAsync(AppDbContext db, HashSet<int> structures, int id, DiagnosticSaisie s, int? mediateurId, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await Fiches.ChargerAsync(db, structures, id, ct);
        if (!b.Suivi) throw new RegleMetierException("Les diagnostics se font pour une personne suivie (fiche nominative).");
        var aujourdHui = DateOnly.FromDateTime(Fiches.Maintenant(h));
        var e = new Dictionary<string, string[]>();
        var niveaux = s.Niveaux ?? [];
        if (niveaux.Count == 0) e["Niveaux"] = ["Évaluez au moins une compétence."];
        var inconnues = niveaux.Keys.Where(k => Referentiel.Competences.All(c => c.Code != k)).ToList();
        if (inconnues.Count > 0) e["Niveaux"] = [$"Compétence inconnue du référentiel : {string.Join(", ", inconnues)}."];
        else if (niveaux.Values.Any(v => v is < 0 or > 3)) e["Niveaux"] = ["Niveau de 0 (pas encore) à 3 (autonome)."];
        if (s.Date is { } d && (d > aujourdHui || d < aujourdHui.AddYears(-2))) e["Date"] = ["Date du diagnostic dans les deux dernières années."];
        if ((s.Notes?.Length ?? 0) > 2000) e["Notes"] = ["2 000 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Diagnostic invalide");
        var diag = new Diagnostic { BeneficiaireId = id, Date = s.Date ?? aujourdHui, MediateurId = mediateurId, Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim(),
            Niveaux = niveaux.Select(kv => new NiveauCompetence { Competence = kv.Key, Niveau = kv.Value }).ToList() };
        db.Diagnostics.Add(diag);
        b.DerniereActiviteLe = Fiches.Maintenant(h);
        AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Diagnostic", Journal.FicheBeneficiaire, id, $"{niveaux.Count} compétences évaluées");
        await db.SaveChangesAsync(ct);
        return diag;
    }
}
