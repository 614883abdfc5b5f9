using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Mediateurs;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>A mediator's records with the columns and values of La Coop de la médiation numérique's activity export, so that a
/// conseiller numérique can hand them on without retyping. Column names are those of the Coop's worksheet
/// (repository inclusion-numerique/coop-mediation-numerique, apps/web/src/features/activites/use-cases/list/export/buildActivitesWorksheet.ts);
/// autonomy and workshop level are written as the Coop does, "n/3".</summary>
public static class ExportCoop
{
    public static readonly string[] Colonnes =
    [
        "Date", "Type", "Nombre de participants", "Bénéficiaire", "Canaux d’accompagnement", "Lieu", "Durée (min)", "Nom de l’atelier",
        "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags", "Nom de la démarche administrative", "Niveau d’autonomie (ou de l’atelier)",
        "Bénéficiaire réorienté", "Structure de redirection", "Commune de résidence du bénéficiaire", "Genre du bénéficiaire", "Tranche d’âge du bénéficiaire",
        "Statut du bénéficiaire", "Notes supplémentaires",
    ];

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporterAsync(HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct,
        DateOnly? du, DateOnly? au)
    {
        if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is not { } mediateur) return ActivitesApi.SansFiche();
        var q = db.Activites.AsNoTracking().Where(a => a.MediateurId == mediateur);
        if (du is not null) q = q.Where(a => a.Date >= du);
        if (au is not null) q = q.Where(a => a.Date <= au);
        var activites = await q.OrderBy(a => a.Date).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Date, a.Type, a.TypeLieu, a.Commune, a.DureeMinutes, a.Materiel, a.Themes, a.Etiquettes, a.NomDemarche, a.Autonomie, a.Niveau, a.Orientation, a.Notes,
                a.ParticipantsAnonymes, a.ParticipantsNommes, Lieu = a.Lieu == null ? null : a.Lieu.Nom + ", " + a.Lieu.CodePostal + " " + a.Lieu.Commune,
                Atelier = a.SessionAtelierId == null ? null : db.SessionsAteliers.Where(s => s.Id == a.SessionAtelierId).Select(s => s.Atelier!.Titre).FirstOrDefault(),
                a.BeneficiaireId, Participants = a.Participants.Select(p => p.BeneficiaireId).ToList(),
            }).ToListAsync(ct);
        var ids = activites.SelectMany(a => a.Participants.Append(a.BeneficiaireId ?? 0)).Where(i => i > 0).Distinct().ToList();
        var fiches = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var w = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new Web.Csv.Ecrivain(w);
        csv.Ligne(Colonnes);
        static string Lignes(string? multi) => multi is null ? "" : multi.Replace("|", "\n");
        foreach (var a in activites)
        {
            var personnes = (a.BeneficiaireId is { } bid ? [bid] : a.Participants).Select(i => fiches[i]).Select(p => new
            {
                Nom = p.Suivi && p.AnonymiseLe is null ? $"{p.Prenom} {p.Nom}".Trim() : "Anonyme",
                Commune = p.Commune is null ? "-" : $"{p.CodePostal} {p.Commune}".Trim(),
                Tranche = VocabulaireCoop.TrancheAge(p.AnneeNaissance, a.Date.Year), p.Genre, p.Statut,
            }).ToList();
            var niveau = a.Autonomie is not null ? $"{Array.IndexOf(VocabulaireCoop.Autonomie, a.Autonomie) + 1}/{VocabulaireCoop.Autonomie.Length}"
                : a.Niveau is not null ? $"{Array.IndexOf(VocabulaireCoop.Niveaux, a.Niveau) + 1}/{VocabulaireCoop.Niveaux.Length}" : "";
            csv.Ligne(
            [
                a.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), a.Type,
                (a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1).ToString(CultureInfo.InvariantCulture),
                string.Join("\n", personnes.Select(p => p.Nom)), a.TypeLieu, a.Lieu ?? a.Commune ?? "", a.DureeMinutes.ToString(CultureInfo.InvariantCulture), a.Atelier ?? "",
                Lignes(a.Materiel), Lignes(a.Themes), Lignes(a.Etiquettes), a.NomDemarche ?? "", niveau, a.Orientation is null ? "Non" : "Oui", a.Orientation ?? "",
                string.Join("\n", personnes.Select(p => p.Commune)), string.Join("\n", personnes.Select(p => p.Genre)), string.Join("\n", personnes.Select(p => p.Tranche)),
                string.Join("\n", personnes.Select(p => p.Statut)), a.Notes ?? "",
            ]);
        }
        Beneficiaires.AccesBeneficiaires.Journaliser(db, http.User, horloge.GetUtcNow().UtcDateTime, "Export Coop", Beneficiaires.Journal.Mediateur, mediateur, $"{activites.Count} comptes rendus");
        await db.SaveChangesAsync(ct);
        csv.Dispose();
        return Web.Csv.Telechargement(w.ToString(), $"activites-coop-{horloge.GetUtcNow():yyyy-MM-dd}.csv");
    }
}
