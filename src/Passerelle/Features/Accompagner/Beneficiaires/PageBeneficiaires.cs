using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>Base of the file pages: the structures whose files the account may open; none = access refused.</summary>
public abstract class PageBeneficiaires(AppDbContext db, TimeProvider horloge) : PageModel
{
    protected AppDbContext Db => db;
    protected TimeProvider Horloge => horloge;
    public HashSet<int> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; protected set; } = [];
    public string? Message { get; protected set; }

    protected async Task<bool> AutoriseAsync(CancellationToken ct)
    {
        Structures = await AccesBeneficiaires.StructuresAsync(db, User, horloge, ct);
        Message = TempData["Message"] as string;
        return Structures.Count > 0;
    }

    protected IActionResult Refuse() => StatusCode(403);

    /// <summary>A file of another structure answers the "access refused" page, an unknown one the "not found" page.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var fait = await next();
        if (fait.Exception is AccesRefuseException) { fait.Result = StatusCode(403); fait.ExceptionHandled = true; }
        else if (fait.Exception is KeyNotFoundException) { fait.Result = NotFound(); fait.ExceptionHandled = true; }
    }

    public async Task<List<(int Id, string Nom)>> NomsStructuresAsync(CancellationToken ct) =>
        (await db.Structures.Where(s => Structures.Contains(s.Id)).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
}
