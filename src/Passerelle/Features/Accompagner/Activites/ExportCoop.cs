using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>The Coop report: a spreadsheet laid out like La Coop de la médiation numérique's current accompaniment export
/// (<see cref="VocabulaireCoop.VersionCoop"/>), for checking one's figures or entering them by hand in La Coop. La Coop cannot
/// import activities (no file import, a read-only API): this file is a report, not a transfer. XLSX: sheet "Activités", the
/// "Informations export" and "Filtres" blocks on top, an empty row, then a table with real date and number cells; CSV: the table only.
/// <c>equipe=true</c> (managers and administrators): the coordinator variant over the records of the mediators employed in the
/// structures the account manages, counted only while employed there.</summary>
public static class ExportCoop
{
    /// <summary>Header of a mediator's own report (29 columns).</summary>
    public static readonly string[] Colonnes = LignesCoop.Colonnes(false);

    sealed record Rapport(string Prenom, string Nom, string Role, bool Equipe, List<ActiviteCoop> Activites, DateOnly? Du, DateOnly? Au);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporterCsvAsync(HttpContext http, AppDbContext db, TimeProvider horloge,
        CancellationToken ct, DateOnly? du, DateOnly? au, bool? equipe)
    {
        var (rapport, refus) = await ChargerAsync(http, db, horloge, ct, du, au, equipe == true);
        if (rapport is null) return refus!;
        var w = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new Web.Csv.Ecrivain(w))
        {
            csv.Ligne(LignesCoop.Colonnes(rapport.Equipe));
            foreach (var l in Lignes(rapport)) csv.Ligne(l.Select(LignesCoop.Texte).ToArray());
        }
        return Web.Csv.Telechargement(w.ToString(), $"activites-coop-{horloge.GetUtcNow():yyyy-MM-dd}.csv");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExporterXlsxAsync(HttpContext http, AppDbContext db, TimeProvider horloge,
        CancellationToken ct, DateOnly? du, DateOnly? au, bool? equipe)
    {
        var (rapport, refus) = await ChargerAsync(http, db, horloge, ct, du, au, equipe == true);
        if (rapport is null) return refus!;
        var maintenant = TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), Referentiels.Territoire.Zone(null));
        var c = new Web.Classeur("Activités");
        var lignes = Lignes(rapport).ToList();
        c.Ligne(["Informations export"], gras: true);
        c.Ligne(["Nom", string.IsNullOrEmpty(rapport.Nom) ? "-" : rapport.Nom]);
        c.Ligne(["Prénom", string.IsNullOrEmpty(rapport.Prenom) ? "-" : rapport.Prenom]);
        c.Ligne(["Rôle", rapport.Role]);
        c.Ligne(["Total", lignes.Count]);
        c.Ligne(["Date d'export", maintenant.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)]);
        c.Ligne(["Heure d'export", maintenant.ToString("HH:mm", CultureInfo.InvariantCulture)]);
        c.Ligne([]);
        c.Ligne(["Filtres"], gras: true);
        var periode = rapport.Du is { } d && rapport.Au is { } a ? $"{d:dd/MM/yyyy} - {a:dd/MM/yyyy}"
            : rapport.Du is { } d2 ? $"depuis le {d2:dd/MM/yyyy}" : rapport.Au is { } a2 ? $"jusqu'au {a2:dd/MM/yyyy}" : "-";
        c.Ligne(["Période", periode]);
        foreach (var f in (string[])["Source", "Lieux d’accompagnement", "Communes", "Départements", "Type d’accompagnement", "Rôle",
                     "Thématiques non administratives", "Thématiques administratives", "Tags"]) c.Ligne([f, "-"]);
        if (rapport.Equipe)
            c.Ligne(["Médiateurs", string.Join(", ", rapport.Activites.Select(x => $"{x.Prenom} {x.Nom}").Distinct().Order()) is { Length: > 0 } m ? m : "-"]);
        c.Ligne([]);
        c.Ligne([""]);
        var colonnes = LignesCoop.Colonnes(rapport.Equipe);
        var entete = c.Ligne(colonnes);
        foreach (var l in lignes) c.Ligne(l);
        c.Tableau("Activites", entete, colonnes.Length);
        c.Largeur(0, 24);
        for (var i = 1; i < colonnes.Length; i++) c.Largeur(i, Math.Clamp(colonnes[i].Length + 4, 12, 40));
        return TypedResults.File(c.Ecrire(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"coop-numerique_accompagnements_{horloge.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    static IEnumerable<object?[]> Lignes(Rapport r)
    {
        var zone = Referentiels.Territoire.Zone(null);
        return r.Activites.SelectMany(a => LignesCoop.Lignes(a, r.Equipe, zone));
    }

    static async Task<(Rapport?, ProblemHttpResult?)> ChargerAsync(HttpContext http, AppDbContext db, TimeProvider horloge, CancellationToken ct,
        DateOnly? du, DateOnly? au, bool equipe)
    {
        if (du is not null && au is not null && du > au)
            return (null, TypedResults.Problem(statusCode: 400, title: "Période invalide", detail: "La date de début (du) est après la date de fin (au)."));
        var q = db.Activites.AsNoTracking();
        string prenom = "", nom = "", role;
        int journalId;
        string journalObjet;
        if (equipe)
        {
            if (!http.User.IsInRole(Roles.Gestionnaire) && !http.User.IsInRole(Roles.Administrateur))
                return (null, TypedResults.Problem(statusCode: 403, title: "Accès refusé", detail: "Le rapport d'équipe est réservé aux gestionnaires de structure et aux administrateurs."));
            var perimetre = await Perimetre.StructuresGereesAsync(db, http.User, ct);
            if (perimetre is not null)
                q = q.Where(a => a.Mediateur!.Emplois.Any(e => perimetre.Contains(e.StructureId) && e.Debut <= a.Date && (e.Fin == null || e.Fin >= a.Date)));
            role = perimetre is null ? "Administrateur" : "Coordinateur";
            (journalObjet, journalId) = (Beneficiaires.Journal.Structure, perimetre?.Count == 1 ? perimetre.First() : 0);
            if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is { } moi)
                (prenom, nom) = await db.Mediateurs.Where(m => m.Id == moi).Select(m => ValueTuple.Create(m.Prenom, m.Nom)).FirstAsync(ct);
        }
        else
        {
            if (await AutorisationsMediateurs.FicheAsync(db, http.User, ct) is not { } mediateur) return (null, ActivitesApi.SansFiche());
            q = q.Where(a => a.MediateurId == mediateur);
            var m = await db.Mediateurs.AsNoTracking().FirstAsync(x => x.Id == mediateur, ct);
            (prenom, nom, role) = (m.Prenom, m.Nom, m.ConseillerNumerique ? "Conseiller Numérique" : "Médiateur");
            (journalObjet, journalId) = (Beneficiaires.Journal.Mediateur, mediateur);
        }
        if (du is not null) q = q.Where(a => a.Date >= du);
        if (au is not null) q = q.Where(a => a.Date <= au);
        var brutes = await q.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => new
        {
            a.Id, a.Date, a.CreeLe, a.ModifieLe, a.Type, a.TypeLieu, a.Commune, a.DureeMinutes, a.Materiel, a.Themes, a.ThemesDemarches, a.Etiquettes, a.NomDemarche,
            a.Autonomie, a.Niveau, a.Orientation, a.Notes, a.ParticipantsAnonymes, a.BeneficiaireId,
            MPrenom = a.Mediateur!.Prenom, MNom = a.Mediateur.Nom, a.Mediateur.ConseillerNumerique,
            Lieu = a.Lieu == null ? null : new { a.Lieu.Nom, a.Lieu.Adresse, a.Lieu.Commune, a.Lieu.CodePostal, a.Lieu.CodeInsee },
            a.MediateurId,
            Atelier = a.SessionAtelierId == null ? null : db.SessionsAteliers.Where(s => s.Id == a.SessionAtelierId).Select(s => s.Atelier!.Titre).FirstOrDefault(),
            Participants = a.Participants.OrderBy(p => p.BeneficiaireId).Select(p => p.BeneficiaireId).ToList(),
            Decomptes = a.Decomptes.Select(d => new { d.Critere, d.Valeur, d.Nombre }).ToList(),
        }).ToListAsync(ct);
        var ids = brutes.SelectMany(a => a.Participants.Append(a.BeneficiaireId ?? 0)).Where(i => i > 0).Distinct().ToList();
        var fiches = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var mediateurs = brutes.Select(a => a.MediateurId).Distinct().ToList();
        var emplois = await db.Emplois.AsNoTracking().Where(e => mediateurs.Contains(e.MediateurId)).OrderBy(e => e.Id)
            .Select(e => new { e.MediateurId, e.Debut, e.Fin, e.Structure!.Nom, e.Structure.Adresse, e.Structure.Commune, e.Structure.CodePostal }).ToListAsync(ct);
        var activites = brutes.Select(a =>
        {
            // A remote record names the structure that employed the mediator that day, as La Coop does.
            var employeur = emplois.FirstOrDefault(e => e.MediateurId == a.MediateurId && e.Debut <= a.Date && (e.Fin == null || e.Fin >= a.Date));
            var nommes = (a.BeneficiaireId is { } bid ? [bid] : a.Participants).Select(i => Personne(fiches[i], a.Date.Year)).ToList();
            var total = a.Type == VocabulaireCoop.Collectif ? nommes.Count + a.ParticipantsAnonymes : 1;
            var personnes = nommes.Concat(LignesCoop.Anonymes(Math.Max(0, total - nommes.Count),
                a.Decomptes.Select(d => (d.Critere, d.Valeur, d.Nombre)).ToList())).ToList();
            var lieu = a.Lieu is { } l ? new LieuCoop(l.Nom, l.Adresse, l.Commune, l.CodePostal, l.CodeInsee ?? "")
                : a.TypeLieu == VocabulaireCoop.Distance && employeur is { } e
                    ? new LieuCoop(e.Nom, e.Adresse ?? "", e.Commune ?? "", e.CodePostal ?? "", Insee(e.Commune, e.CodePostal))
                    : LieuSansAdresse(a.Commune);
            return new ActiviteCoop(a.Id, a.Date, a.CreeLe, a.ModifieLe, a.MPrenom, a.MNom, a.ConseillerNumerique, a.Type, a.TypeLieu, lieu, a.DureeMinutes,
                a.Atelier, a.Materiel, a.Themes, a.ThemesDemarches, a.Etiquettes, a.NomDemarche, a.Autonomie, a.Niveau, a.Orientation, a.Notes, personnes);
        }).ToList();
        Beneficiaires.AccesBeneficiaires.Journaliser(db, http.User, horloge.GetUtcNow().UtcDateTime, equipe ? "Export Coop (équipe)" : "Export Coop",
            journalObjet, journalId, $"{activites.Count} comptes rendus");
        await db.SaveChangesAsync(ct);
        return (new Rapport(prenom, nom, role, equipe, activites, du, au), null);
    }

    /// <summary>A file as La Coop shows a participant: the name of a followed, not anonymised person, else "Bénéficiaire anonyme".</summary>
    static PersonneCoop Personne(Beneficiaires.Beneficiaire p, int annee)
    {
        var identifie = p.Suivi && p.AnonymiseLe is null;
        var nom = identifie ? string.Join(' ', new[] { p.Prenom, p.Nom }.Where(x => !string.IsNullOrWhiteSpace(x))) : "";
        return new PersonneCoop(nom.Length > 0 ? nom : LignesCoop.BeneficiaireAnonyme, p.Commune, p.CodePostal, Insee(p.Commune, p.CodePostal),
            p.Genre, VocabulaireCoop.TrancheAge(p.AnneeNaissance, annee), p.Statut);
    }

    /// <summary>A record made at home or in another place names only a commune: its INSEE code when the reference names exactly one,
    /// and its postcode when that commune has only one (a commune with several postcodes keeps an empty postcode).</summary>
    static LieuCoop LieuSansAdresse(string? commune)
    {
        var insee = Insee(commune, null);
        return new LieuCoop("", "", commune ?? "", Referentiels.CommunesQpv.CodePostalSeul(insee), insee);
    }

    /// <summary>The INSEE code of a typed commune when the commune reference names exactly one.</summary>
    static string Insee(string? commune, string? codePostal) =>
        Referentiels.CommunesQpv.CodesInsee(commune, codePostal) is [var seul] ? seul : "";
}
