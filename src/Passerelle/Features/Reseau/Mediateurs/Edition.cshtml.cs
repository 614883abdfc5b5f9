using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Mediateurs;

public sealed class EditionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public MediateurSaisie Saisie { get; set; } = new();
    [BindProperty] public int? StructureId { get; set; }
    [BindProperty] public DateOnly? Debut { get; set; }
    [BindProperty] public DateOnly? Fin { get; set; }
    [BindProperty] public int[] Lieux { get; set; } = [];
    public int? Id { get; private set; }
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public List<(int Id, string Nom, string Commune)> LieuxPossibles { get; private set; } = [];
    public List<Emploi> Emplois { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var m = await (await ListeModel.VisiblesAsync(db, User, ct)).AsNoTracking().Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            Saisie = new MediateurSaisie { Prenom = m.Prenom, Nom = m.Nom, Courriel = m.Courriel, Telephone = m.Telephone, ConseillerNumerique = m.ConseillerNumerique, AidantsConnect = m.AidantsConnect };
            Lieux = m.Lieux.Select(l => l.Id).ToArray();
        }
        await ChargerAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        Mediateur? m;
        if (id is null) m = new Mediateur();
        else m = await (await ListeModel.VisiblesAsync(db, User, ct)).Include(x => x.Emplois).Include(x => x.Lieux).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (id is null && StructureId is null) ModelState.AddModelError(nameof(StructureId), "Choisissez la structure qui l'emploie.");
        if (StructureId is not null && !Perimetre.Autorise(perimetre, StructureId)) ModelState.AddModelError(nameof(StructureId), "Choisissez une des structures que vous gérez.");
        if (ModelState.IsValid)
        {
            try
            {
                m.Modifier(Saisie);
                if (StructureId is not null) m.Employer(StructureId.Value, Debut ?? Territoire.AujourdHui(horloge), Fin);
                var structures = m.Emplois.Select(e => e.StructureId).ToList();
                var lieux = await db.Lieux.Where(l => Lieux.Contains(l.Id) && l.StructureId != null && structures.Contains(l.StructureId.Value)).ToListAsync(ct);
                m.Lieux.Clear();
                m.Lieux.AddRange(lieux);
                if (id is null) db.Mediateurs.Add(m);
                await db.SaveChangesAsync(ct);
                TempData["Message"] = $"{m.Prenom} {m.Nom} est enregistré(e).";
                return Redirect("/admin/mediateurs");
            }
            catch (RegleMetierException e) { ModelState.AddModelError(e.Champ ?? "", e.Message); }
        }
        await ChargerAsync(id, ct);
        return Page();
    }

    async Task ChargerAsync(int? id, CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var q = db.Structures.AsNoTracking().Where(s => !s.Archivee);
        if (perimetre is not null) q = q.Where(s => perimetre.Contains(s.Id));
        Structures = (await q.OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
        if (id is null) return;
        Emplois = await db.Emplois.AsNoTracking().Include(e => e.Structure).Where(e => e.MediateurId == id).OrderBy(e => e.Debut).ToListAsync(ct);
        var ids = Emplois.Select(e => e.StructureId).ToList();
        LieuxPossibles = (await db.Lieux.AsNoTracking().Where(l => !l.Archive && l.StructureId != null && ids.Contains(l.StructureId.Value))
            .OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom, l.Commune }).Take(500).ToListAsync(ct)).Select(l => (l.Id, l.Nom, l.Commune)).ToList();
    }
}
