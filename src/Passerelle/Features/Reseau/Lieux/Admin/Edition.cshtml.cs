using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Web;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Reseau.Lieux.Admin;

public sealed class EditionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty] public LieuSaisie Saisie { get; set; } = new();
    public int? Id { get; private set; }
    public List<(int Id, string Nom)> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];
    [BindProperty] public JourSaisi[] Jours { get; set; } = EditeurHoraires.Vide();
    [BindProperty] public bool FeriesFermes { get; set; } = true;
    /// <summary>The advanced field and the editor as rendered: the one the person changed decides.</summary>
    [BindProperty] public string? HorairesInitiales { get; set; }
    [BindProperty] public string? EditeurInitial { get; set; }
    /// <summary>False when the hours say more than the editor can show (they are then changed in the advanced field only).</summary>
    public bool EditeurActif { get; private set; } = true;
    public string? AvertissementHoraires { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var lieu = await db.Lieux.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
            if (lieu is null) return NotFound();
            if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, User, ct), lieu.StructureId)) return Forbid();
            Saisie = LieuSaisie.Depuis(lieu);
            PreparerHoraires(lieu.Horaires);
        }
        else Saisie = new LieuSaisie { Pivot = "", Itinerance = ["Fixe"], FraisACharge = ["Gratuit"], ModalitesAcces = ["Se présenter"] };
        await ChargerStructuresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        if (id is not null)
        {
            var actuelle = await db.Lieux.Where(l => l.Id == id).Select(l => new { l.StructureId }).FirstOrDefaultAsync(ct);
            if (actuelle is null) return NotFound();
            if (!Perimetre.Autorise(perimetre, actuelle.StructureId)) return Forbid();
        }
        if (!Perimetre.Autorise(perimetre, Saisie.StructureId))
            Erreurs[nameof(LieuSaisie.StructureId)] = ["Choisissez une des structures que vous gérez."];
        if (!HorairesDuFormulaire()) { await ChargerStructuresAsync(ct); return Page(); }
        if (!ModelState.IsValid)
            foreach (var (cle, etat) in ModelState.Where(m => m.Value!.Errors.Count > 0))
                Erreurs[cle.Replace("Saisie.", "")] = ["Valeur mal écrite (un nombre est attendu)."];
        if (Erreurs.Count == 0)
        {
            try
            {
                var (lieu, erreurs) = await EnregistrerLieu.ExecuterAsync(db, id, Saisie, horloge, ct);
                if (lieu is not null)
                {
                    TempData["Message"] = id is null ? $"Le lieu « {lieu.Nom} » est créé et visible dans l'annuaire." : $"Le lieu « {lieu.Nom} » est enregistré.";
                    return Redirect("/admin/lieux");
                }
                Erreurs = erreurs;
            }
            catch (RegleMetierException e) { Erreurs[e.Champ ?? ""] = [e.Message]; }
        }
        await ChargerStructuresAsync(ct);
        return Page();
    }

    /// <summary>Fills the editor from the stored value; text that is not in the OSM syntax gets a warning and, when possible, a proposed conversion.</summary>
    void PreparerHoraires(string? horaires)
    {
        HorairesInitiales = horaires;
        Jours = EditeurHoraires.Vide();
        FeriesFermes = true;
        if (string.IsNullOrWhiteSpace(horaires)) { EditeurInitial = null; return; }
        if (HorairesOsm.TryParse(horaires, out var h, out _))
        {
            var jours = EditeurHoraires.Remplir(h!);
            EditeurActif = jours is not null;
            Jours = jours ?? EditeurHoraires.Vide();
            FeriesFermes = h!.FermeJoursFeries;
        }
        else if (TexteLibreHoraires.Proposer(horaires) is { } proposition && HorairesOsm.TryParse(proposition, out var p, out _) && EditeurHoraires.Remplir(p!) is { } proposes)
        {
            Jours = proposes;
            FeriesFermes = p!.FermeJoursFeries;
            AvertissementHoraires = $"Les horaires « {horaires} » ne sont pas dans le format attendu. Conversion proposée : {proposition}. Le tableau ci-dessous la reprend : vérifiez-la puis enregistrez le lieu pour l'appliquer.";
        }
        else AvertissementHoraires = $"Les horaires « {horaires} » ne sont pas dans le format attendu et aucune conversion n'a pu être proposée : remplissez le tableau, sinon ce texte sera enregistré et affiché tel quel (la recherche « ouvert en ce moment » ne pourra pas en tenir compte).";
        EditeurInitial = EditeurHoraires.Composer(Jours, FeriesFermes).Osm;
    }

    /// <summary>Decides the stored hours: the advanced field if the person changed it, else the editor. False when the page must be shown again.</summary>
    bool HorairesDuFormulaire()
    {
        var brut = string.IsNullOrWhiteSpace(Saisie.Horaires) ? null : Saisie.Horaires.Trim();
        var (compose, erreur) = EditeurHoraires.Composer(Jours, FeriesFermes);
        var lisible = brut is null || HorairesOsm.TryParse(brut, out _, out _);
        if (brut != (string.IsNullOrWhiteSpace(HorairesInitiales) ? null : HorairesInitiales.Trim()))
        {
            if (lisible) return true;
            // Free text typed in the advanced field: shown once with a proposal, saved as typed if confirmed.
            PreparerHoraires(brut);
            return false;
        }
        if (erreur is not null) { Erreurs[nameof(LieuSaisie.Horaires)] = [erreur]; return true; }
        if (compose != EditeurInitial || (!lisible && compose is not null)) Saisie = Saisie with { Horaires = compose };
        return true;
    }

    async Task ChargerStructuresAsync(CancellationToken ct)
    {
        var perimetre = await Perimetre.StructuresGereesAsync(db, User, ct);
        var q = db.Structures.AsNoTracking().Where(s => !s.Archivee);
        if (perimetre is not null) q = q.Where(s => perimetre.Contains(s.Id));
        Structures = (await q.OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct)).Select(s => (s.Id, s.Nom)).ToList();
    }
}
