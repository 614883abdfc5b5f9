using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Former.Parcours;

public sealed record EtapeDto(string Etape, DateOnly? Le);
public sealed record SyntheseDto(DateOnly Le, string Texte);
public sealed record PageApprenantDto(string Cohorte, string Statut, string? MotifDecision, string? Referent, string? ReferentCourriel, string? ReferentTelephone,
    IReadOnlyList<EtapeDto> Etapes, IReadOnlyList<SyntheseDto> Syntheses);

/// <summary><c>/parcours/moi/{jeton}</c>: the learner's own page through their secret link — status, referent's contact, next steps and shared
/// syntheses. Private notes are never read here (the query selects the shared columns only).</summary>
[AllowAnonymous]
public sealed class MoiModel(AppDbContext db) : PageModel
{
    public PageApprenantDto Vue { get; private set; } = null!;
    /// <summary>Their plan and immersions (<see cref="GererPlan.LireAsync"/>: no private field).</summary>
    public PlanDto Plan { get; private set; } = new([], []);
    /// <summary>A helper in training (programme of nature <c>aidants</c>): their self-assessment page is linked.</summary>
    public bool Aidant { get; private set; }

    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var i = await db.Set<Inscription>().AsNoTracking().Where(x => x.Jeton == jeton && x.Apprenant!.AnonymiseLe == null).Select(x => new
        {
            x.Id, Cohorte = x.Cohorte!.Nom, x.Statut, x.MotifDecision, x.Cohorte.Programme!.Nature,
            Referent = x.Referent == null ? null : x.Referent.Prenom + " " + x.Referent.Nom, RC = x.Referent == null ? null : x.Referent.Courriel, RT = x.Referent == null ? null : x.Referent.Telephone,
        }).FirstOrDefaultAsync(ct);
        if (i is null) return NotFound();
        var journal = db.Set<EntreeJournal>().AsNoTracking().Where(e => e.InscriptionId == i.Id);
        var etapes = await journal.Where(e => e.ProchaineEtape != null).OrderBy(e => e.ProchaineEtapeLe).Select(e => new EtapeDto(e.ProchaineEtape!, e.ProchaineEtapeLe)).ToListAsync(ct);
        var syntheses = await journal.Where(e => e.Synthese != null).OrderByDescending(e => e.Le).Select(e => new SyntheseDto(e.Le, e.Synthese!)).ToListAsync(ct);
        Plan = await GererPlan.LireAsync(db, i.Id, ct);
        Aidant = i.Nature == Programme.NatureAidants && i.Statut is not (Vocabulaire.Candidat or Vocabulaire.Refuse);
        Vue = new PageApprenantDto(i.Cohorte, i.Statut, i.Statut == Vocabulaire.Refuse ? i.MotifDecision : null, i.Referent, i.RC, i.RT, etapes, syntheses);
        return Page();
    }
}
