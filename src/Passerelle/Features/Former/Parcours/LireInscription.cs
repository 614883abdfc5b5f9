using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Former.Parcours;

public sealed record ApprenantDto(int Id, string Nom, string? Courriel, string? Telephone, DateOnly? DateNaissance, string Genre, string? Commune, string? CodeQpv, bool Anonymise);
public sealed record MembreDto(int Id, int MediateurId, string Nom, string Role, DateTime Debut, DateTime? Fin, string? MotifFin);
public sealed record SituationDto(DateOnly Le, bool DemandeurEmploi, DateOnly? DemandeurEmploiDepuis, bool ResidentQpv, string NiveauQualification, bool MoinsDe26,
    bool Femme, bool Neet, bool Rqth, IReadOnlyList<string> Allocations, IReadOnlyList<string> Freins);
public sealed record ResultatDto(int Id, string Moment, string Type, DateOnly Date, string Source, string? Organisme, string? Commentaire);
/// <summary>A journal entry as the reader may see it: <see cref="NotePrivee"/> is null unless the reader wrote it.</summary>
public sealed record EntreeDto(long Id, DateOnly Le, string Auteur, string Support, string? Synthese, string? NotePrivee, string? ProchaineEtape, DateOnly? ProchaineEtapeLe);
public sealed record FicheParcoursDto(int Id, int CohorteId, string Cohorte, int StructureId, string Statut, string Origine, string? Prescripteur, string? Motivation,
    DateTime CandidatureLe, string? MotifDecision, DateOnly? AdmissionLe, DateOnly? SortieLe, string? MotifSortie, ApprenantDto Apprenant, MembreDto? Referent,
    IReadOnlyList<MembreDto> Equipe, IReadOnlyList<SituationDto> Situations, IReadOnlyList<ResultatDto> Resultats, IReadOnlyList<EntreeDto> Journal, string Lien);

/// <summary>The one reading of a learner's pathway (page, API and export go through it): checks access, logs the opening in the
/// people files' journal (<see cref="AccesBeneficiaires.Journaliser"/>), and hides every private note not written by the reader.</summary>
public static class LireInscription
{
    public const string ObjetJournal = "InscriptionParcours";

    internal static SituationDto Dto(SituationEntree s) => new(s.Le, s.DemandeurEmploi, s.DemandeurEmploiDepuis, s.ResidentQpv, s.NiveauQualification, s.MoinsDe26,
        s.Femme, s.Neet, s.Rqth, s.Allocations.Split('|', StringSplitOptions.RemoveEmptyEntries), s.Freins.Split('|', StringSplitOptions.RemoveEmptyEntries));

    /// <param name="action">Logged action: <c>consultation</c> or <c>export</c>.</param>
    /// <exception cref="Web.AccesRefuseException">Outside the school and the support team (403).</exception>
    public static async Task<FicheParcoursDto> ExecuterAsync(AppDbContext db, int id, ClaimsPrincipal lecteur, TimeProvider horloge, CancellationToken ct, string action = "consultation")
    {
        await AccesParcours.VerifierInscriptionAsync(db, lecteur, id, horloge, ct);
        var moi = AccesParcours.UtilisateurId(lecteur) ?? "";
        var i = await db.Set<Inscription>().AsNoTracking().AsSplitQuery()
            .Include(x => x.Apprenant).Include(x => x.Cohorte!.Programme).Include(x => x.Equipe).ThenInclude(m => m.Mediateur)
            .Include(x => x.Situations).Include(x => x.Resultats).FirstAsync(x => x.Id == id, ct);
        // The private note is projected away in the query itself: another reader's note never leaves the database.
        var journal = await db.Set<EntreeJournal>().AsNoTracking().Where(e => e.InscriptionId == id).OrderByDescending(e => e.Le).ThenByDescending(e => e.Id)
            .Select(e => new EntreeDto(e.Id, e.Le, e.Auteur, e.Support, e.Synthese, e.AuteurId == moi ? e.NotePrivee : null, e.ProchaineEtape, e.ProchaineEtapeLe))
            .ToListAsync(ct);
        var a = i.Apprenant!;
        MembreDto M(MembreEquipe m) => new(m.Id, m.MediateurId, $"{m.Mediateur!.Prenom} {m.Mediateur.Nom}", m.Role, m.Debut, m.Fin, m.MotifFin);
        var equipe = i.Equipe.OrderBy(m => m.Fin is not null).ThenBy(m => m.Debut).Select(M).ToList();
        AccesBeneficiaires.Journaliser(db, lecteur, horloge.GetUtcNow().UtcDateTime, action, ObjetJournal, id);
        await db.SaveChangesAsync(ct);
        return new FicheParcoursDto(i.Id, i.CohorteId, i.Cohorte!.Nom, i.Cohorte.Programme!.StructureId, i.Statut, i.Origine, i.Prescripteur, i.Motivation, i.CandidatureLe,
            i.MotifDecision, i.AdmissionLe, i.SortieLe, i.MotifSortie,
            new ApprenantDto(a.Id, a.NomAffiche, a.Courriel, a.Telephone, a.DateNaissance, a.Genre, a.Commune, a.CodeQpv, a.AnonymiseLe is not null),
            equipe.FirstOrDefault(m => m.Role == Vocabulaire.Referent && m.Fin is null), equipe,
            i.Situations.OrderBy(s => s.Le).ThenBy(s => s.Id).Select(Dto).ToList(),
            i.Resultats.OrderBy(r => Vocabulaire.MoisDe(r.Moment)).Select(r => new ResultatDto(r.Id, r.Moment, r.Type, r.Le, r.Source, r.Organisme, r.Commentaire)).ToList(),
            journal, $"/parcours/moi/{i.Jeton}");
    }
}
