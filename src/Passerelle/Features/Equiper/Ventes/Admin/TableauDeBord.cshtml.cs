using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Ventes.Admin;

/// <summary><c>/admin/equipement/tableau-de-bord?du=&amp;au=</c> (managers and administrators): the chain's figures for a period
/// (default: the current month in Paris), with their CSV (<c>?handler=csv</c>) and XLSX (<c>?handler=xlsx</c>). A period of more than 3 years or upside down is refused.</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class TableauDeBordModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public TableauDeBord Tableau { get; private set; } = null!;
    public Dictionary<string, string[]> Erreurs { get; } = [];
    public System.Globalization.CultureInfo Fr { get; } = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }

    async Task<bool> CalculerAsync(CancellationToken ct)
    {
        foreach (var e in Web.Formulaire.Erreurs(ModelState)) Erreurs[e.Key] = e.Value;
        var jour = Territoire.AujourdHui(horloge);
        var du = Du ?? jour.AddYears(-1).AddDays(1); // the last twelve months by default
        var au = Au ?? jour;
        if (au < du) Erreurs["Au"] = ["La fin de la période doit suivre son début."];
        else if (au.DayNumber - du.DayNumber > 3 * 366) Erreurs["Au"] = ["Choisissez une période de trois ans au plus."];
        if (Erreurs.Count > 0) { (du, au) = (new DateOnly(jour.Year, jour.Month, 1), jour); }
        Tableau = await TableauDeBord.CalculerAsync(db, du, au, ct);
        (Du, Au) = (du, au);
        return Erreurs.Count == 0;
    }

    public async Task OnGetAsync(CancellationToken ct) => await CalculerAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await CalculerAsync(ct)) return BadRequest(string.Join(" ", Erreurs.Values.SelectMany(v => v)));
        return File(System.Text.Encoding.UTF8.GetBytes(Tableau.Csv()), "text/csv; charset=utf-8", $"equipement-{Tableau.Du:yyyy-MM-dd}-{Tableau.Au:yyyy-MM-dd}.csv");
    }

    /// <summary>The same rows as XLSX (<c>?handler=xlsx</c>).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await CalculerAsync(ct)) return BadRequest(string.Join(" ", Erreurs.Values.SelectMany(v => v)));
        return File(Tableau.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"equipement-{Tableau.Du:yyyy-MM-dd}-{Tableau.Au:yyyy-MM-dd}.xlsx");
    }
}
