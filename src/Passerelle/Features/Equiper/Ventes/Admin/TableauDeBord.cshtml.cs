using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Comptes;

namespace Passerelle.Features.Equiper.Ventes.Admin;

/// <summary><c>/admin/equipement/tableau-de-bord?du=&amp;au=&amp;site=</c> (managers and administrators): the chain's figures for a period
/// (default: the last twelve months in Paris) and one work site or all of them, with their CSV (<c>?handler=csv</c>) and XLSX
/// (<c>?handler=xlsx</c>). A period of more than 3 years or upside down, or a site no lot nor hours name, is refused (400 for the exports).</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class TableauDeBordModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public TableauDeBord Tableau { get; private set; } = null!;
    public Dictionary<string, string[]> Erreurs { get; } = [];
    public System.Globalization.CultureInfo Fr { get; } = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    /// <summary>A work site (<see cref="TableauDeBord.SitesAsync"/>); blank: every site.</summary>
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    public List<string> Sites { get; private set; } = [];

    async Task<bool> CalculerAsync(CancellationToken ct)
    {
        foreach (var e in Web.Formulaire.Erreurs(ModelState)) Erreurs[e.Key] = e.Value;
        var jour = Territoire.AujourdHui(horloge);
        var du = Du ?? jour.AddYears(-1).AddDays(1); // the last twelve months by default
        var au = Au ?? jour;
        if (au < du) Erreurs["Au"] = ["La fin de la période doit suivre son début."];
        else if (au.DayNumber - du.DayNumber > 3 * 366) Erreurs["Au"] = ["Choisissez une période de trois ans au plus."];
        if (Erreurs.Count > 0) { (du, au) = (new DateOnly(jour.Year, jour.Month, 1), jour); }
        Sites = await TableauDeBord.SitesAsync(db, ct);
        var site = string.IsNullOrWhiteSpace(Site) ? null : Site.Trim();
        if (site is not null && !Sites.Contains(site)) { Erreurs["Site"] = ["Choisissez un site dans la liste."]; site = null; }
        Tableau = await TableauDeBord.CalculerAsync(db, du, au, ct, site);
        (Du, Au, Site) = (du, au, site);
        return Erreurs.Count == 0;
    }

    public async Task OnGetAsync(CancellationToken ct) => await CalculerAsync(ct);

    /// <summary>The export links' query: the period shown and its site.</summary>
    public string Requete => $"du={Tableau.Du:yyyy-MM-dd}&au={Tableau.Au:yyyy-MM-dd}" + (Tableau.Site is { } s ? "&site=" + Uri.EscapeDataString(s) : "");

    /// <summary>The file name's end for one site: its letters and digits only, so that the name stays portable.</summary>
    string Suffixe => Tableau.Site is { } s ? "-" + new string(s.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()) : "";

    /// <summary>The refusal of an export, in French, each message after the query parameter it is about
    /// (« du : La valeur « zz » n'est pas valide. »), since a link has no field to show it beside.</summary>
    string ErreursExport() => string.Join(" ", Erreurs.SelectMany(e => e.Value.Select(m => $"{e.Key.ToLowerInvariant()} : {m}")));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await CalculerAsync(ct)) return BadRequest(ErreursExport());
        return File(System.Text.Encoding.UTF8.GetBytes(Tableau.Csv()), "text/csv; charset=utf-8", $"equipement-{Tableau.Du:yyyy-MM-dd}-{Tableau.Au:yyyy-MM-dd}{Suffixe}.csv");
    }

    /// <summary>The same rows as XLSX (<c>?handler=xlsx</c>).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await CalculerAsync(ct)) return BadRequest(ErreursExport());
        return File(Tableau.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"equipement-{Tableau.Du:yyyy-MM-dd}-{Tableau.Au:yyyy-MM-dd}{Suffixe}.xlsx");
    }
}
