using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions.Pages;

/// <summary><c>/admin/financement</c>: the funding board of one exercise — per funder and envelope, planned / voted / committed /
/// paid / remaining; grants whose payment period opens in the next 60 days with money still to pay; per-post instalments due
/// within 60 days and vacant posts (<see cref="IPostesDuTableau"/>); the exercise's grants.
/// Each account sees its perimeter (<see cref="PerimetreFinancement"/>).</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class TableauModel(AppDbContext db, TimeProvider horloge, IPostesDuTableau postes) : PageModel
{
    public int Annee { get; private set; }
    public List<int> Annees { get; private set; } = [];
    public List<LigneEnveloppe> Lignes { get; private set; } = [];
    public List<SubventionDto> AVerser { get; private set; } = [];
    public List<SubventionDto> Subventions { get; private set; } = [];
    public List<(int Id, int Numero, string Texte)> ActesSansSubvention { get; private set; } = [];
    public PerimetreFinancement Perimetre { get; private set; } = PerimetreFinancement.Rien;
    /// <summary>Per-post instalments still to pay whose date falls within 60 days (overdue ones included).</summary>
    public IReadOnlyList<EcheanceDue> Echeances { get; private set; } = [];
    public IReadOnlyList<PosteVacant> Vacants { get; private set; } = [];
    public DateOnly AujourdHui { get; private set; }

    public async Task OnGetAsync(int? annee, CancellationToken ct)
    {
        var aujourdHui = Passerelle.Features.Referentiels.Territoire.AujourdHui(horloge);
        Perimetre = await PerimetreFinancement.DeAsync(db, User, ct);
        var visibles = Perimetre.Filtrer(db.Set<Subvention>().AsNoTracking());
        Annees = await visibles.Select(s => s.Exercice).Distinct().OrderByDescending(a => a).Take(30).ToListAsync(ct);
        Annee = annee is >= 2000 and <= 2100 ? annee.Value : Annees.FirstOrDefault(aujourdHui.Year);
        if (!Annees.Contains(Annee)) Annees.Insert(0, Annee);
        Lignes = await RequetesFinancement.TableauAsync(db, Annee, Perimetre, ct);
        var dans60 = aujourdHui.AddDays(60);
        AujourdHui = aujourdHui;
        Echeances = await postes.EcheancesDuesAsync(db, Perimetre, dans60, ct);
        Vacants = await postes.PostesVacantsAsync(db, Perimetre, aujourdHui, ct);
        var votes = GestionSubventions.Votes;
        AVerser = await RequetesFinancement.Projeter(visibles.Where(s => votes.Contains(s.Statut) && s.PayeCentimes < s.MontantCentimes
                && s.VersementDebut != null && s.VersementDebut <= dans60 && (s.VersementFin == null || s.VersementFin >= aujourdHui))
            .OrderBy(s => s.VersementDebut).Take(100)).ToListAsync(ct);
        Subventions = await RequetesFinancement.Projeter(visibles.Where(s => s.Exercice == Annee).OrderBy(s => s.Financeur!.Nom).ThenBy(s => s.Beneficiaire!.Nom).Take(500)).ToListAsync(ct);
        if (Perimetre.Tout)
        {
            // Acts of the register with award lines that have not all become grants.
            var lignes = await db.Deliberations.AsNoTracking().Where(d => d.Adoptee && d.Montants.Any())
                .Select(d => new { d.Id, d.Numero, d.DateSeance, Lignes = d.Montants.Count, Faites = db.Set<Subvention>().Count(s => s.DeliberationId == d.Id && s.RangActe != null) })
                .Where(x => x.Faites < x.Lignes).OrderByDescending(x => x.DateSeance).Take(50).ToListAsync(ct);
            ActesSansSubvention = lignes.Select(x => (x.Id, x.Lignes - x.Faites, $"n° {x.Numero} du {x.DateSeance:dd/MM/yyyy}")).ToList();
        }
    }
}
