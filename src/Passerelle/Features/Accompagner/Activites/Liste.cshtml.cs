using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>The mediator's records, filtered by period, person and type, 50 a page, with the true totals of the filter.</summary>
public sealed class ListeModel(AppDbContext db) : PageModel
{
    public const int TaillePage = 50;
    public sealed record Ligne(int Id, DateOnly Date, string Type, int Duree, string Lieu, string? Personne, string? Themes, int Accompagnements);
    [BindProperty(SupportsGet = true)] public DateOnly? Du { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Au { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Personne { get; set; }
    /// <summary>Read from the query: "page" is a route value of Razor Pages and cannot be bound.</summary>
    public int NumeroPage { get; private set; } = 1;
    public List<Ligne> Activites { get; private set; } = [];
    public bool SansFiche { get; private set; }
    public string? Message { get; private set; }
    public string? Erreur { get; private set; }
    public int Total { get; private set; }
    public int TotalAccompagnements { get; private set; }
    public int Pages => Math.Max(1, (Total + TaillePage - 1) / TaillePage);

    /// <summary>This list at another page, with the same filters.</summary>
    public string Lien(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["du"] = Du?.ToString("yyyy-MM-dd"), ["au"] = Au?.ToString("yyyy-MM-dd"), ["type"] = Type, ["personne"] = Personne, ["page"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var mediateur = await AutorisationsMediateurs.FicheAsync(db, User, ct);
        if (mediateur is null) { SansFiche = true; return; }
        NumeroPage = int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, 100_000) : 1;
        if (Type is not null && !VocabulaireCoop.Types.Contains(Type)) Type = null;
        if (Personne is { Length: > 100 }) Personne = Personne[..100];
        if (Du is not null && Au is not null && Au < Du) { Erreur = "La fin de la période est avant son début."; return; }
        var q = db.Activites.AsNoTracking().Where(a => a.MediateurId == mediateur);
        if (Du is { } du) q = q.Where(a => a.Date >= du);
        if (Au is { } au) q = q.Where(a => a.Date <= au);
        if (Type is not null) q = q.Where(a => a.Type == Type);
        if (!string.IsNullOrWhiteSpace(Personne))
        {
            var n = Texte.Normaliser(Personne);
            q = q.Where(a => a.Beneficiaire!.NomRecherche!.Contains(n) || a.Participants.Any(p => p.Beneficiaire!.NomRecherche!.Contains(n)));
        }
        Total = await q.CountAsync(ct);
        TotalAccompagnements = await q.SumAsync(a => a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1, ct);
        NumeroPage = Math.Min(NumeroPage, Pages);
        var liste = await q.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Skip((NumeroPage - 1) * TaillePage).Take(TaillePage)
            .Select(a => new
            {
                a.Id, a.Date, a.Type, a.DureeMinutes, Lieu = a.Lieu != null ? a.Lieu.Nom : a.TypeLieu + (a.Commune != null ? " (" + a.Commune + ")" : ""), a.Themes,
                a.ParticipantsAnonymes, a.ParticipantsNommes, a.Beneficiaire,
            })
            .ToListAsync(ct);
        Activites = liste.Select(a => new Ligne(a.Id, a.Date, a.Type, a.DureeMinutes, a.Lieu, a.Beneficiaire?.NomAffiche, a.Themes?.Replace("|", ", "),
            a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1)).ToList();
    }
}
