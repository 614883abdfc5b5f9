using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>One learner's line of the attendance form: enrolment id (hidden), status code, hours attended when late (typed « 2,5 » or « 2.5 »).</summary>
public sealed class LigneFeuilleFormulaire
{
    public int InscriptionId { get; set; }
    public string? Statut { get; set; } = Vocabulaire.Present;
    public string? Heures { get; set; }
}

/// <summary>The attendance form of the cohort page, posted as <c>Feuille.*</c>: day, session, length in hours, signer, one line per learner.</summary>
public sealed class FeuilleFormulaire
{
    public DateOnly? Le { get; set; }
    public string? Seance { get; set; } = "matin";
    public string? Heures { get; set; }
    public string? SigneePar { get; set; }
    public List<LigneFeuilleFormulaire> Lignes { get; set; } = [];
}

/// <summary>The signed attendance sheet form of <c>/parcours/cohortes/{id}</c> (issue 14 §3) through <see cref="SignerFeuille"/>, the use case of
/// <c>POST /api/v1/parcours/cohortes/{id}/presences</c>: the school's staff only (a funder of the programme is refused, 403). A second sheet for
/// the same day and session is answered 409 with the form and its French message; bad input re-shows the form with each field's error.</summary>
public sealed partial class CohorteModel
{
    [BindProperty] public FeuilleFormulaire Feuille { get; set; } = new();
    public Dictionary<string, string[]> ErreursFeuille { get; private set; } = [];
    public Dictionary<int, AssiduiteApprenant> AssiduiteParInscription { get; private set; } = [];
    public List<FeuilleResume> Feuilles { get; private set; } = [];
    /// <summary>The learners a new sheet lists: admitted or in training (not those who finished or left).</summary>
    public List<LigneApprenant> SurLaFeuille => Apprenants.Where(a => a.Statut is Vocabulaire.Admis or Vocabulaire.EnFormation).ToList();

    async Task ChargerPresencesAsync(int id, CancellationToken ct)
    {
        AssiduiteParInscription = await Assiduite.ParInscriptionAsync(db, id, ct);
        Feuilles = await Assiduite.DernieresFeuillesAsync(db, id, 10, ct);
        Feuille.Le ??= Territoire.AujourdHui(horloge);
    }

    public async Task<IActionResult> OnPostPresencesAsync(int id, CancellationToken ct)
    {
        if (!await AccesParcours.VoitCohorteEnCompletAsync(db, User, id, horloge, ct))
            throw new AccesRefuseException("Seule l'équipe de l'école enregistre les feuilles de présence.");
        // An unreadable number is passed as none: the use case then names the field (« durée de la séance », « heures suivies »).
        decimal? Lire(string? t) => Nombres.Lire(t, out var v) && v is { } x && Math.Abs(x) < 100_000 ? (decimal)x : null;
        var lignes = Feuille.Lignes.Select(l => new LignePresenceSaisie(l.InscriptionId, l.Statut ?? "", l.Statut == Vocabulaire.Retard ? Lire(l.Heures) : null)).ToList();
        try
        {
            await SignerFeuille.ExecuterAsync(db, id, new FeuilleSaisie(Feuille.Le, Feuille.Seance, Lire(Feuille.Heures), Feuille.SigneePar, lignes),
                User.Identity?.Name ?? "", horloge, ct);
            return Redirect($"/parcours/cohortes/{id}#feuilles");
        }
        catch (RegleMetierException x)
        {
            ErreursFeuille[x.Champ ?? ""] = [x.Message];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (ValidationException x) { ErreursFeuille = Valider.Erreurs(x); }
        return await OnGetAsync(id, ct);
    }

    /// <summary>Field ids of the attendance form, for the error summary's links.</summary>
    public IReadOnlyDictionary<string, string> IdsFeuille => ErreursFeuille.Keys.ToDictionary(k => k, k => k.StartsWith("Lignes[", StringComparison.Ordinal)
        ? "feuille-statut-" + k["Lignes[".Length..^1] : "feuille-" + k.ToLowerInvariant());
}
