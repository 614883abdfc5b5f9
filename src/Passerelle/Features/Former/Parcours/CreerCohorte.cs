using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>A programme of a school: <c>POST /api/v1/parcours/programmes</c>. <see cref="Financeurs"/>: funding bodies as named on funder accounts.</summary>
public sealed record ProgrammeSaisie
{
    [Required(ErrorMessage = "Indiquez le nom du programme."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string Nom { get; init; } = "";
    public int StructureId { get; init; }
    [StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? LabelGen { get; init; }
    public DateOnly? LabelDebut { get; init; }
    public DateOnly? LabelFin { get; init; }
    [StringLength(300, ErrorMessage = "300 caractères au plus.")] public string? Certification { get; init; }
    public List<string> Financeurs { get; init; } = [];
}

/// <summary>A cohort of a programme: <c>POST /api/v1/parcours/cohortes</c>. Dates are calendar days; hours are whole hours.</summary>
public sealed record CohorteSaisie
{
    public int ProgrammeId { get; init; }
    [Required(ErrorMessage = "Indiquez le nom de la session."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string Nom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez la date de début.")] public DateOnly? Debut { get; init; }
    [Required(ErrorMessage = "Indiquez la date de fin.")] public DateOnly? Fin { get; init; }
    [Range(0, 5000, ErrorMessage = "De 0 à 5 000 heures.")] public int HeuresPrevues { get; init; }
    [Range(1, 1000, ErrorMessage = "De 1 à 1 000 places.")] public int Capacite { get; init; } = 20;
    [StringLength(300, ErrorMessage = "300 caractères au plus.")] public string? Lieu { get; init; }
    public DateOnly? RecrutementDebut { get; init; }
    public DateOnly? RecrutementFin { get; init; }
}

public static class CreerProgramme
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors (400).</exception>
    public static async Task<Programme> ExecuterAsync(AppDbContext db, ProgrammeSaisie s, CancellationToken ct)
    {
        await VerifierAsync(db, s, ct);
        var p = new Programme { StructureId = s.StructureId };
        Appliquer(p, s);
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>Edits a programme (<c>PUT /api/v1/parcours/programmes/{id}</c>); its school (<c>StructureId</c>) never changes.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors (400).</exception>
    /// <exception cref="KeyNotFoundException">No such programme (404).</exception>
    public static async Task ModifierAsync(AppDbContext db, int id, ProgrammeSaisie s, CancellationToken ct)
    {
        var p = await db.Set<Programme>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Programme inconnu.");
        await VerifierAsync(db, s with { StructureId = p.StructureId }, ct);
        Appliquer(p, s);
        await db.SaveChangesAsync(ct);
    }

    static async Task VerifierAsync(AppDbContext db, ProgrammeSaisie s, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        if (!await db.Structures.AnyAsync(x => x.Id == s.StructureId, ct)) e["StructureId"] = ["Structure inconnue."];
        if (s.LabelDebut is { } d && s.LabelFin is { } f && f < d) e["LabelFin"] = ["La fin du label précède son début."];
        if (s.Financeurs.Any(x => x.Contains('|') || x.Length > 200)) e["Financeurs"] = ["Un financeur s'écrit sans « | », en 200 caractères au plus."];
        if (string.Join('|', s.Financeurs).Length > 1000) e["Financeurs"] = ["1 000 caractères au plus pour l'ensemble des financeurs."];
        if (e.Count > 0) throw Valider.Invalide(e, "Programme incomplet");
    }

    static void Appliquer(Programme p, ProgrammeSaisie s)
    {
        static string? Net(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Trim();
        (p.Nom, p.LabelGen, p.LabelDebut, p.LabelFin, p.Certification) = (s.Nom.Trim(), Net(s.LabelGen), s.LabelDebut, s.LabelFin, Net(s.Certification));
        p.Financeurs = string.Join('|', s.Financeurs.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct());
    }
}

public static class CreerCohorte
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors (400).</exception>
    public static async Task<Cohorte> ExecuterAsync(AppDbContext db, CohorteSaisie s, CancellationToken ct)
    {
        await VerifierAsync(db, s, ct);
        var c = new Cohorte { ProgrammeId = s.ProgrammeId };
        Appliquer(c, s);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Edits a cohort (<c>PUT /api/v1/parcours/cohortes/{id}</c>): dates, hours, capacity, place, recruitment window; its programme
    /// and status do not change here (status: <see cref="ChangerStatutCohorte"/>).</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors, or a capacity below the learners already admitted (400).</exception>
    /// <exception cref="KeyNotFoundException">No such cohort (404).</exception>
    public static async Task ModifierAsync(AppDbContext db, int id, CohorteSaisie s, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Cohorte inconnue.");
        await VerifierAsync(db, s with { ProgrammeId = c.ProgrammeId }, ct);
        var admis = await db.Set<Inscription>().CountAsync(i => i.CohorteId == id && i.Statut != Vocabulaire.Candidat && i.Statut != Vocabulaire.Refuse, ct);
        if (s.Capacite < admis) throw Valider.Invalide(new() { ["Capacite"] = [$"{admis} personnes sont déjà admises : la capacité ne peut pas être plus petite."] }, "Cohorte incomplète");
        Appliquer(c, s);
        await db.SaveChangesAsync(ct);
    }

    static async Task VerifierAsync(AppDbContext db, CohorteSaisie s, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        if (!await db.Set<Programme>().AnyAsync(p => p.Id == s.ProgrammeId, ct)) e["ProgrammeId"] = ["Programme inconnu."];
        if (s.Debut is { } d && s.Fin is { } f && f < d) e["Fin"] = ["La fin de la session précède son début."];
        if (s.RecrutementDebut is { } rd && s.RecrutementFin is { } rf && rf < rd) e["RecrutementFin"] = ["La fin du recrutement précède son début."];
        if (e.Count > 0) throw Valider.Invalide(e, "Cohorte incomplète");
    }

    static void Appliquer(Cohorte c, CohorteSaisie s)
    {
        (c.Nom, c.Debut, c.Fin, c.HeuresPrevues, c.Capacite) = (s.Nom.Trim(), s.Debut!.Value, s.Fin!.Value, s.HeuresPrevues, s.Capacite);
        (c.Lieu, c.RecrutementDebut, c.RecrutementFin) = (string.IsNullOrWhiteSpace(s.Lieu) ? null : s.Lieu.Trim(), s.RecrutementDebut, s.RecrutementFin);
    }
}

/// <summary>Moves a cohort to <c>en_cours</c> (its admitted learners start) or <c>terminee</c>.</summary>
public static class ChangerStatutCohorte
{
    /// <exception cref="RegleMetierException">Unknown status or a step back (409).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int cohorteId, string statut, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().FirstOrDefaultAsync(x => x.Id == cohorteId, ct) ?? throw new KeyNotFoundException("Cohorte inconnue.");
        var ordre = Vocabulaire.StatutsCohorte.Select(x => x.Code).ToList();
        if (!ordre.Contains(statut)) throw new RegleMetierException($"Statut inconnu : choisissez parmi {Vocabulaire.Codes(Vocabulaire.StatutsCohorte)}.", "Statut");
        if (ordre.IndexOf(statut) < ordre.IndexOf(c.Statut)) throw new RegleMetierException("Une cohorte ne revient pas à une étape précédente.", "Statut");
        c.Statut = statut;
        await db.SaveChangesAsync(ct);
        if (statut == "en_cours")
            await db.Set<Inscription>().Where(i => i.CohorteId == cohorteId && i.Statut == Vocabulaire.Admis)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Statut, Vocabulaire.EnFormation), ct);
    }
}
