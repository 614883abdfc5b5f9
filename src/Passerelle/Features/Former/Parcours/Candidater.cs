using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary>An application: from the public form (<c>POST /api/v1/parcours/cohortes/{id}/candidatures</c>, no account, rate-limited)
/// or entered by the school's staff, possibly for a partner's referral (<c>POST /api/v1/parcours/cohortes/{id}/inscriptions</c>).</summary>
public sealed record CandidatureSaisie
{
    [Required(ErrorMessage = "Indiquez votre prénom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Prenom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez votre nom."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Nom { get; init; } = "";
    [EmailAddress(ErrorMessage = "Adresse électronique invalide, par exemple : nom@exemple.fr."), StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? Courriel { get; init; }
    [StringLength(30, ErrorMessage = "Numéro trop long.")] public string? Telephone { get; init; }
    [Required(ErrorMessage = "Indiquez votre date de naissance.")] public DateOnly? DateNaissance { get; init; }
    public string Genre { get; init; } = "autre";
    [StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? Commune { get; init; }
    /// <summary>QPV code of the address (national list), when it lies in one.</summary>
    [StringLength(12)] public string? CodeQpv { get; init; }
    [StringLength(2000, ErrorMessage = "2 000 caractères au plus.")] public string? Motivation { get; init; }
    /// <summary>Staff entry only: <c>prescripteur</c> (with <see cref="Prescripteur"/>) or <c>equipe</c>; the public form is always <c>formulaire</c>.</summary>
    public string? Origine { get; init; }
    [StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? Prescripteur { get; init; }
    /// <summary>Consent to the processing of the application's data (required).</summary>
    public bool Consentement { get; init; }
}

public static class Candidater
{
    /// <summary>The public form accepts applications while the cohort recruits and today lies in its recruitment window (open ends allowed).</summary>
    public static bool Ouverte(string statut, DateOnly? debut, DateOnly? fin, DateOnly aujourdHui) =>
        statut == "recrutement" && !(debut > aujourdHui) && !(fin < aujourdHui);

    /// <param name="parEquipe">False for the public form: the cohort must be recruiting and the origin is <c>formulaire</c>.</param>
    /// <exception cref="ValidationException">Field errors (400).</exception>
    /// <exception cref="RegleMetierException">Recruitment closed (409).</exception>
    public static async Task<Inscription> ExecuterAsync(AppDbContext db, int cohorteId, CandidatureSaisie s, bool parEquipe, TimeProvider horloge, CancellationToken ct)
    {
        var c = await db.Set<Cohorte>().Where(x => x.Id == cohorteId).Select(x => new { x.Statut, x.RecrutementDebut, x.RecrutementFin, x.Programme!.StructureId })
            .FirstOrDefaultAsync(ct) ?? throw new KeyNotFoundException("Cohorte inconnue.");
        var e = Valider.Objet(s) ?? [];
        var aujourdHui = Territoire.AujourdHui(horloge);
        if (!Vocabulaire.Existe(Vocabulaire.Genres, s.Genre)) e["Genre"] = [$"Choisissez un genre dans la liste : {Vocabulaire.Choix(Vocabulaire.Genres)}."];
        if (s.DateNaissance is { } n && (n > aujourdHui.AddYears(-15) || n < aujourdHui.AddYears(-100))) e["DateNaissance"] = ["Date de naissance invalide."];
        if (string.IsNullOrWhiteSpace(s.Courriel) && string.IsNullOrWhiteSpace(s.Telephone)) e["Courriel"] = ["Indiquez une adresse électronique ou un téléphone pour vous répondre."];
        if (!string.IsNullOrWhiteSpace(s.CodeQpv) && !await db.Qpv.AnyAsync(q => q.Code == s.CodeQpv, ct)) e["CodeQpv"] = ["Quartier prioritaire inconnu."];
        var origine = parEquipe ? s.Origine ?? "equipe" : "formulaire";
        if (parEquipe && origine is not ("equipe" or "prescripteur")) e["Origine"] = ["Origine : equipe ou prescripteur."];
        if (origine == "prescripteur" && string.IsNullOrWhiteSpace(s.Prescripteur)) e["Prescripteur"] = ["Indiquez la structure qui oriente la personne."];
        if (!s.Consentement) e["Consentement"] = ["Votre accord est nécessaire pour que l'école étudie votre candidature."];
        if (e.Count > 0) throw Valider.Invalide(e, "Candidature incomplète");
        if (!parEquipe && !Ouverte(c.Statut, c.RecrutementDebut, c.RecrutementFin, aujourdHui))
            throw new RegleMetierException("Les candidatures pour cette session sont fermées.", "CohorteId");

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var a = new Apprenant
        {
            StructureId = c.StructureId, Prenom = s.Prenom.Trim(), Nom = s.Nom.Trim(), Courriel = s.Courriel?.Trim(), Telephone = s.Telephone?.Trim(),
            DateNaissance = s.DateNaissance, Genre = s.Genre, Commune = s.Commune?.Trim(), CodeQpv = string.IsNullOrWhiteSpace(s.CodeQpv) ? null : s.CodeQpv, ConsentementLe = maintenant,
        };
        var i = new Inscription
        {
            Apprenant = a, CohorteId = cohorteId, Origine = origine, Prescripteur = s.Prescripteur?.Trim(), Motivation = s.Motivation?.Trim(),
            CandidatureLe = maintenant, Jeton = Jetons.Nouveau(),
        };
        db.Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }
}
