using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>The team dashboard (/statistiques) and the territory's public page (/statistiques/public, small cells masked).</summary>
public class TableauModel(BaseLecture lecture, TimeProvider horloge, IEnumerable<IChoixConventions> conventions) : PageModel
{
    readonly AppDbContext db = lecture.Db;
    [BindProperty(SupportsGet = true)] public StatistiquesApi.Parametres Filtres { get; set; } = new();
    public Tableau? Resultat { get; private set; }
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    public List<(int Id, string Nom)> Conventions { get; private set; } = [];
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    public List<string> Etiquettes { get; private set; } = [];
    public virtual bool Public => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Public) { Filtres.Convention = null; Filtres.Mediateur = null; Filtres.Structure = null; Filtres.Lieu = null; }
        var partage = Public || StatistiquesApi.Masquer(User);
        var (f, e) = Filtres.Lire(partage, horloge);
        Erreurs = e;
        if (!ModelState.IsValid) Erreurs["filtres"] = ["Filtres mal écrits (dates au format jour/mois/année)."];
        if (!Public)
        {
            foreach (var c in conventions) Conventions.AddRange(await c.ListerAsync(db, ct));
            Structures = (await db.Structures.Where(s => !s.Archivee).OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
            // Funders cannot narrow to one mediator: no such filter offered.
            if (!partage) Mediateurs = (await db.Mediateurs.Where(m => !m.Archive).OrderBy(m => m.Nom).ThenBy(m => m.Prenom).Select(m => new { m.Id, m.Prenom, m.Nom }).ToListAsync(ct))
                .Select(m => (m.Id, $"{m.Nom} {m.Prenom}")).ToList();
        }
        Etiquettes = await db.Etiquettes.OrderBy(x => x.Nom).Select(x => x.Nom).ToListAsync(ct);
        if (Erreurs.Count == 0) Resultat = await CalculStatistiques.CalculerAsync(db, f, partage, horloge, ct);
    }
}

public sealed class PublicModel(BaseLecture lecture, TimeProvider horloge, IEnumerable<IChoixConventions> conventions) : TableauModel(lecture, horloge, conventions)
{
    public override bool Public => true;
}
