using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Connecter.Fabrique;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Referentiels;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.AllerVers;

/// <summary><c>POST /api/v1/connexion/aller-vers</c>: the structure (one the account works for), date, kind of place, place or address,
/// commune, QPV code (optional), mediators, people met (count), programme (optional), notes.</summary>
public sealed record EvenementSaisie(int? Structure, DateOnly? Date, string? TypeLieu, string? Lieu, string? Commune, int? PersonnesRencontrees,
    string? CodeQpv = null, string? Mediateurs = null, int? Programme = null, string? Notes = null);
/// <summary><c>POST /api/v1/connexion/aller-vers/{id}/liens</c>: <c>type</c> diagnostic or adhesion, and its id.</summary>
public sealed record LienSaisie(string? Type, int? Id);
/// <summary>An event with what it led to: diagnostics and enrolments linked, and the activity records kept that day as « Autre lieu » in
/// its commune by the structure's mediators.</summary>
public sealed record EvenementDto(int Id, int Structure, DateOnly Date, string TypeLieu, string Lieu, string Commune, string? CodeQpv, string? Mediateurs,
    int PersonnesRencontrees, int? Programme, IReadOnlyList<int> Diagnostics, IReadOnlyList<int> Adhesions, IReadOnlyList<int> ActivitesAutreLieu);

/// <summary>Outreach events (issue 13 §5): the staff (mediators, managers) of the structures the account works for.</summary>
public static class EvenementsAllerVers
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing or out-of-range fields (400).</exception>
    /// <exception cref="AccesRefuseException">A structure the account does not work for (403).</exception>
    public static async Task<EvenementAllerVers> CreerAsync(AppDbContext db, EvenementSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (s.Structure is null) e["structure"] = ["Indiquez la structure."];
        if (s.Date is not { } d || d > Territoire.AujourdHui(horloge).AddYears(1) || d.Year < 2000) e["date"] = ["Indiquez la date de l'action."];
        if (TypesLieuxAllerVers.Tous.All(t => t.Code != s.TypeLieu)) e["typeLieu"] = [$"Lieu attendu : {string.Join(", ", TypesLieuxAllerVers.Tous.Select(t => t.Code))}."];
        if (string.IsNullOrWhiteSpace(s.Lieu) || s.Lieu.Length > 300) e["lieu"] = ["Indiquez le lieu ou l'adresse (300 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.Commune) || s.Commune.Length > 200) e["commune"] = ["Indiquez la commune."];
        if (s.CodeQpv is { Length: > 12 }) e["codeQpv"] = ["Code QPV de 12 caractères au plus (QN01371N)."];
        if (s.PersonnesRencontrees is not (>= 0 and <= 100_000)) e["personnesRencontrees"] = ["Nombre de personnes rencontrées, de 0 à 100 000."];
        if ((s.Mediateurs?.Length ?? 0) > 300) e["mediateurs"] = ["300 caractères au plus."];
        if ((s.Notes?.Length ?? 0) > 2000) e["notes"] = ["2 000 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Action d'aller vers invalide");
        if (!(await AccesConnexion.StructuresAsync(db, qui, horloge, ct)).Contains(s.Structure!.Value))
            throw new AccesRefuseException("Vous ne travaillez pas pour cette structure.");
        if (s.Programme is { } p && !await db.Set<ProgrammeConnexion>().AnyAsync(x => x.Id == p, ct)) throw new RegleMetierException("Programme inconnu.", "programme");
        var ev = new EvenementAllerVers
        {
            StructureId = s.Structure.Value, ProgrammeId = s.Programme, Date = s.Date!.Value, TypeLieu = s.TypeLieu!, Lieu = s.Lieu!.Trim(), Commune = s.Commune!.Trim(),
            CodeQpv = string.IsNullOrWhiteSpace(s.CodeQpv) ? null : s.CodeQpv.Trim().ToUpperInvariant(), Mediateurs = string.IsNullOrWhiteSpace(s.Mediateurs) ? null : s.Mediateurs.Trim(),
            PersonnesRencontrees = s.PersonnesRencontrees!.Value, Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim(),
            CreePar = qui.Identity?.Name ?? "", CreeLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    /// <summary>Links a diagnostic or an enrolment of the event's structure to the event; linking twice changes nothing.</summary>
    /// <exception cref="RegleMetierException">Unknown target, or one of another structure (409).</exception>
    public static async Task LierAsync(AppDbContext db, int id, LienSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        if (s.Type is not (TypesLiensAllerVers.Diagnostic or TypesLiensAllerVers.Adhesion) || s.Id is null)
            throw Valider.Invalide(new() { ["type"] = ["Type attendu : diagnostic ou adhesion, avec son numéro."] }, "Lien invalide");
        var ev = await Charger(db, id, qui, horloge, ct);
        var existe = s.Type == TypesLiensAllerVers.Diagnostic
            ? await db.Set<DiagnosticFabrique>().AnyAsync(d => d.Id == s.Id && db.Beneficiaires.Any(b => b.Id == d.BeneficiaireId && b.StructureId == ev.StructureId), ct)
            : await db.Set<Adhesion>().AnyAsync(a => a.Id == s.Id && a.StructureId == ev.StructureId, ct);
        if (!existe) throw new RegleMetierException(s.Type == TypesLiensAllerVers.Diagnostic ? "Diagnostic inconnu pour cette structure." : "Adhésion inconnue pour cette structure.", "id");
        if (await db.Set<LienAllerVers>().AnyAsync(l => l.EvenementId == id && l.Type == s.Type && l.CibleId == s.Id, ct)) return;
        db.Add(new LienAllerVers { EvenementId = id, Type = s.Type, CibleId = s.Id.Value });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* Linked at the same time by someone else: the unique index kept one. */ }
    }

    static async Task<EvenementAllerVers> Charger(AppDbContext db, int id, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var ev = await db.Set<EvenementAllerVers>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Action d'aller vers introuvable.");
        if (!(await AccesConnexion.StructuresAsync(db, qui, horloge, ct)).Contains(ev.StructureId)) throw new AccesRefuseException("Cette action relève d'une autre structure.");
        return ev;
    }

    /// <summary>The events of the account's structures, newest first (200 at most), with their links.</summary>
    public static async Task<List<EvenementDto>> ListerAsync(AppDbContext db, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var structures = (await AccesConnexion.StructuresAsync(db, qui, horloge, ct)).ToList();
        var evs = await db.Set<EvenementAllerVers>().AsNoTracking().Where(x => structures.Contains(x.StructureId)).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Take(200).ToListAsync(ct);
        var ids = evs.Select(x => x.Id).ToList();
        var liens = await db.Set<LienAllerVers>().AsNoTracking().Where(l => ids.Contains(l.EvenementId)).ToListAsync(ct);
        var jours = evs.Select(x => x.Date).Distinct().ToList();
        var activites = await db.Activites.AsNoTracking().Where(a => jours.Contains(a.Date) && a.TypeLieu == VocabulaireCoop.AutreLieu)
            .Select(a => new { a.Id, a.Date, a.Commune, a.MediateurId }).ToListAsync(ct);
        var mediateurs = await db.Mediateurs.AsNoTracking().Where(m => m.Emplois.Any(x => structures.Contains(x.StructureId))).Select(m => new { m.Id, S = m.Emplois.Select(x => x.StructureId).ToList() }).ToListAsync(ct);
        return evs.Select(x => new EvenementDto(x.Id, x.StructureId, x.Date, x.TypeLieu, x.Lieu, x.Commune, x.CodeQpv, x.Mediateurs, x.PersonnesRencontrees, x.ProgrammeId,
            liens.Where(l => l.EvenementId == x.Id && l.Type == TypesLiensAllerVers.Diagnostic).Select(l => l.CibleId).Order().ToList(),
            liens.Where(l => l.EvenementId == x.Id && l.Type == TypesLiensAllerVers.Adhesion).Select(l => l.CibleId).Order().ToList(),
            activites.Where(a => a.Date == x.Date && string.Equals(a.Commune, x.Commune, StringComparison.OrdinalIgnoreCase)
                && mediateurs.Any(m => m.Id == a.MediateurId && m.S.Contains(x.StructureId))).Select(a => a.Id).Order().ToList())).ToList();
    }
}
