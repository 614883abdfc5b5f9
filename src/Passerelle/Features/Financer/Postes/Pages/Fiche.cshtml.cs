using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Postes.Pages;

/// <summary><c>/admin/financement/postes/{id}</c>: one post — occupants (links to the mediator cards), months of vacancy, the
/// instalments of its subsidy as rows; administrators add an occupant or free the post, add an instalment, pay one (a mandat in
/// the grant's ledger, refused beyond what is committed or what remains, 409-like message on the field).</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class FicheModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public PosteDto Poste { get; private set; } = null!;
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public bool Administrateur => User.IsInRole(Roles.Administrateur);
    public bool Financeur { get; private set; }
    [BindProperty] public int? MediateurId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? MontantEur { get; set; }
    [BindProperty] public string? Condition { get; set; }
    [BindProperty] public int? EcheanceId { get; set; }
    [BindProperty] public string? Numero { get; set; }

    async Task<bool> ChargerAsync(int id, CancellationToken ct)
    {
        var p = await PerimetreFinancement.DeAsync(db, User, ct);
        Financeur = p.EstFinanceur;
        if ((await RequetesPostes.ListerAsync(db, p, Referentiels.Territoire.AujourdHui(horloge), ct, id: id)).FirstOrDefault() is not { } poste) return false;
        Poste = poste;
        if (Administrateur)
            Mediateurs = (await db.Mediateurs.AsNoTracking().Where(m => !m.Archive).OrderBy(m => m.Nom).ThenBy(m => m.Prenom).Select(m => new { m.Id, N = m.Prenom + " " + m.Nom }).Take(5000).ToListAsync(ct))
                .Select(m => (m.Id, m.N)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ChargerAsync(id, ct) ? Page() : NotFound();

    /// <summary>The message when the date field was filled but is not a date of the calendar (31/02, 2026-13-01…): the binder left
    /// <see cref="Date"/> null, which must not read as « indiquez la date ». Null when the field was empty or valid.</summary>
    string? DateInvalide() => ModelState.TryGetValue(nameof(Date), out var e) && e.Errors.Count > 0 && !string.IsNullOrWhiteSpace(e.AttemptedValue)
        ? $"La date « {e.AttemptedValue.Trim()} » est invalide : ce jour n'existe pas au calendrier (format attendu JJ/MM/AAAA)." : null;

    async Task<IActionResult> Faire(int id, Func<string, Task> action, CancellationToken ct)
    {
        if (!Administrateur) return Forbid();
        if (!await ChargerAsync(id, ct)) return NotFound();
        try
        {
            await action(User.Identity?.Name ?? "inconnu");
            return RedirectToPage(new { id });
        }
        catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        catch (KeyNotFoundException) { return NotFound(); }
        await ChargerAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostOccuperAsync(int id, CancellationToken ct) => Faire(id, async par =>
    {
        if (MediateurId is null) throw new RegleMetierException("Choisissez le médiateur.", "MediateurId");
        if (Date is null) throw new RegleMetierException(DateInvalide() ?? "Indiquez la date de prise de poste.", "Debut");
        await GestionPostes.OccuperAsync(db, id, MediateurId.Value, Date.Value, par, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostLibererAsync(int id, CancellationToken ct) => Faire(id, async par =>
    {
        if (Date is null) throw new RegleMetierException(DateInvalide() ?? "Indiquez le dernier jour de l'occupant.", "Fin");
        await GestionPostes.LibererAsync(db, id, Date.Value, par, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostEcheanceAsync(int id, CancellationToken ct) => Faire(id, async par =>
    {
        if (Date is null && DateInvalide() is { } invalide) throw new RegleMetierException(invalide, "DatePrevue");
        if (!Euros.Lire(MontantEur, out var m) || m is null or <= 0) throw new RegleMetierException("Le montant de l'échéance est un nombre d'euros positif.", "Montant");
        await GestionPostes.AjouterEcheanceAsync(db, id, new SaisieEcheance(Date, m, Condition), par, horloge, ct);
    }, ct);

    public Task<IActionResult> OnPostPayerAsync(int id, CancellationToken ct) => Faire(id, async par =>
    {
        if (EcheanceId is not { } eid || Poste.Echeances.All(e => e.Id != eid)) throw new KeyNotFoundException();
        if (Date is null) throw new RegleMetierException(DateInvalide() ?? "Indiquez la date du mandat.", "Echeance");
        if (Numero is { Length: > 60 }) throw new RegleMetierException("Le numéro tient en 60 caractères.", "Echeance");
        await GestionPostes.PayerAsync(db, eid, Date.Value, Numero, par, horloge, ct);
    }, ct);
}
