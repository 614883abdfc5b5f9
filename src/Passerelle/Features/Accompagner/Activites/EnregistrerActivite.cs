using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Activites;

public static class EnregistrerActivite
{
    static string? Joindre(string[]? v) => v is null || v.Length == 0 ? null : string.Join('|', v.Distinct());

    /// <summary>Checks a record against the national lists; messages in French, keyed by the input's field names.</summary>
    public static Dictionary<string, string[]> Verifier(ActiviteSaisie s, DateOnly aujourdHui)
    {
        var e = new Dictionary<string, string[]>();
        void Hors(string champ, IEnumerable<string>? valeurs, string[] liste)
        {
            var fautives = (valeurs ?? []).Where(v => !liste.Contains(v)).ToList();
            if (fautives.Count > 0) e[champ] = [$"Valeur hors de la liste nationale : {string.Join(", ", fautives)}."];
        }
        if (s.Type is null || !VocabulaireCoop.Types.Contains(s.Type)) e["Type"] = [$"Type attendu : {string.Join(" ou ", VocabulaireCoop.Types)}."];
        if (s.Date is null) e["Date"] = ["La date est obligatoire."];
        else if (s.Date > aujourdHui) e["Date"] = ["La date ne peut pas être dans le futur."];
        else if (s.Date < aujourdHui.AddYears(-2)) e["Date"] = ["Date trop ancienne (deux ans au plus)."];
        if (s.Duree is null or < 1 or > 1440) e["Duree"] = ["Durée en minutes, de 1 à 1 440."];
        if (s.TypeLieu is null || !VocabulaireCoop.TypesLieu.Contains(s.TypeLieu)) e["TypeLieu"] = [$"Lieu attendu : {string.Join(", ", VocabulaireCoop.TypesLieu)}."];
        else if (s.TypeLieu == VocabulaireCoop.LieuActivite && s.LieuId is null) e["LieuId"] = ["Choisissez le lieu d'activité."];
        else if (s.TypeLieu is VocabulaireCoop.Domicile or VocabulaireCoop.AutreLieu && string.IsNullOrWhiteSpace(s.Commune)) e["Commune"] = ["Indiquez la commune."];
        Hors("Materiel", s.Materiel, VocabulaireCoop.Materiel);
        if (s.Themes is null || s.Themes.Length == 0) e["Themes"] = ["Choisissez au moins un thème."];
        else Hors("Themes", s.Themes, VocabulaireCoop.Themes);
        Hors("ThemesDemarches", s.ThemesDemarches, VocabulaireCoop.ThemesDemarches);
        if (s.ThemesDemarches is { Length: > 0 } && s.Themes?.Contains(VocabulaireCoop.ThemeDemarches) != true)
            e["ThemesDemarches"] = ["Les thèmes de démarches vont avec le thème « Aide aux démarches administratives »."];
        if (s.Autonomie is not null) Hors("Autonomie", [s.Autonomie], VocabulaireCoop.Autonomie);
        if (s.Niveau is not null) Hors("Niveau", [s.Niveau], VocabulaireCoop.Niveaux);
        if (s.Orientation is not null) Hors("Orientation", [s.Orientation], VocabulaireCoop.Orientations);
        var nommes = s.Participants?.Distinct().Count() ?? 0;
        if (s.Type == VocabulaireCoop.Individuel && (s.ParticipantsAnonymes ?? 0) != 0) e["ParticipantsAnonymes"] = ["Un accompagnement individuel n'a pas de participants anonymes."];
        if (s.Type == VocabulaireCoop.Individuel && nommes > 0) e["Participants"] = ["Un accompagnement individuel concerne une personne : utilisez « beneficiaireId »."];
        if (s.Type == VocabulaireCoop.Collectif && s.BeneficiaireId is not null) e["BeneficiaireId"] = ["Un atelier liste ses participants dans « participants »."];
        if (s.Type == VocabulaireCoop.Collectif && (s.ParticipantsAnonymes is < 0 or > 500 || nommes > 500 || (s.ParticipantsAnonymes ?? 0) + nommes < 1))
            e["ParticipantsAnonymes"] = ["Indiquez les participants : de 1 à 500, nommés ou anonymes."];
        if (s.Type == VocabulaireCoop.Collectif && s.Autonomie is not null) e["Autonomie"] = ["L'autonomie se note pour un accompagnement individuel."];
        // Empty boxes of the form (no number, or 0) count for nothing.
        if (s.DecomptesAnonymes?.Where(x => x.Nombre is not (null or 0)).ToArray() is { Length: > 0 } d)
        {
            var criteres = new Dictionary<string, string[]> { [Beneficiaires.DecompteAnonyme.Genre] = VocabulaireCoop.Genres,
                [Beneficiaires.DecompteAnonyme.TrancheAge] = VocabulaireCoop.TranchesAge, [Beneficiaires.DecompteAnonyme.Statut] = VocabulaireCoop.Statuts };
            if (d.Any(x => x.Critere is null || !criteres.TryGetValue(x.Critere, out var vals) || x.Valeur is null || !vals.Contains(x.Valeur)))
                e["DecomptesAnonymes"] = [$"Critères : {string.Join(", ", criteres.Keys)}, avec les valeurs des listes nationales."];
            else if (d.Any(x => x.Nombre is < 0 or > 500) || s.Type != VocabulaireCoop.Collectif) e["DecomptesAnonymes"] = ["Décomptes anonymes : pour un atelier, nombres de 0 à 500."];
            else if (d.GroupBy(x => (x.Critere, x.Valeur)).Any(g => g.Count() > 1)) e["DecomptesAnonymes"] = ["Une valeur est comptée deux fois."];
            else if (d.GroupBy(x => x.Critere).Any(g => g.Sum(x => x.Nombre) > (s.ParticipantsAnonymes ?? 0)))
                e["DecomptesAnonymes"] = ["Pour chaque critère, le décompte dépasse le nombre de participants anonymes."];
        }
        foreach (var (champ, max) in new[] { ("Commune", 200), ("NomDemarche", 200), ("Notes", 2000) })
        {
            var v = champ switch { "Commune" => s.Commune, "NomDemarche" => s.NomDemarche, _ => s.Notes };
            if ((v?.Length ?? 0) > max) e[champ] = [$"{max} caractères au plus."];
        }
        return e;
    }

    /// <summary>Records a new activity, or changes an existing one of the same mediator (<paramref name="activiteId"/>); both are written to the journal.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors (400 on the API, next to the fields on the page).</exception>
    /// <exception cref="RegleMetierException">The appointment or session was recorded meanwhile (409).</exception>
    public static async Task<Activite> ExecuterAsync(AppDbContext db, int mediateurId, ActiviteSaisie s,
        System.Security.Claims.ClaimsPrincipal user, TimeProvider horloge, CancellationToken ct, int? activiteId = null)
    {
        var utilisateur = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var erreurs = Verifier(s, Territoire.AujourdHui(horloge));
        Activite? existante = null;
        if (activiteId is not null)
        {
            existante = await db.Activites.Include(a => a.Participants).Include(a => a.Decomptes).FirstOrDefaultAsync(a => a.Id == activiteId && a.MediateurId == mediateurId, ct);
            if (existante is null) throw new KeyNotFoundException("Compte rendu inconnu parmi les vôtres.");
        }
        var personnes = new[] { s.BeneficiaireId }.OfType<int>().Concat(s.Participants ?? []).Distinct().ToList();
        if (personnes.Count > 0)
        {
            var structures = await Beneficiaires.AccesBeneficiaires.StructuresAsync(db, user, horloge, ct);
            var connues = await db.Beneficiaires.Where(b => personnes.Contains(b.Id) && structures.Contains(b.StructureId)).Select(b => b.Id).ToListAsync(ct);
            if (connues.Count != personnes.Count) erreurs[s.BeneficiaireId is not null && !connues.Contains(s.BeneficiaireId.Value) ? "BeneficiaireId" : "Participants"] =
                ["Fiche bénéficiaire inconnue dans votre structure."];
        }
        var etiquettes = (s.Etiquettes ?? []).Distinct().ToArray();
        if (etiquettes.Length > 0)
        {
            var existantes = await db.Etiquettes.Where(x => etiquettes.Contains(x.Nom)).Select(x => x.Nom).ToListAsync(ct);
            if (existantes.Count != etiquettes.Length) erreurs["Etiquettes"] = [$"Étiquette inconnue : {string.Join(", ", etiquettes.Except(existantes))}."];
        }
        int? lieuAutorise = existante?.LieuId;
        if (s.ReservationId is { } rid)
        {
            var r = await db.Reservations.Where(x => x.Id == rid).Select(x => new { x.Statut, x.Creneau!.LieuId, Mediateurs = x.Creneau!.Permanence!.Mediateurs.Select(m => m.Id) }).FirstOrDefaultAsync(ct);
            if (r is not null && r.Mediateurs.Contains(mediateurId)) lieuAutorise ??= r.LieuId;
            if (r is null || !r.Mediateurs.Contains(mediateurId)) erreurs["ReservationId"] = ["Rendez-vous inconnu dans votre agenda."];
            else if (r.Statut != StatutReservation.Honoree) erreurs["ReservationId"] = ["Notez d'abord que la personne est venue."];
            else if (await db.Activites.AnyAsync(a => a.ReservationId == rid && a.Id != activiteId, ct)) erreurs["ReservationId"] = ["Ce rendez-vous a déjà son compte rendu."];
        }
        if (s.SessionAtelierId is { } sid)
        {
            // The same perimeter as the session's attendance sheet: a mediator working at its place, the managers of its structure.
            if (!await Ateliers.AutorisationsAteliers.SessionAsync(db, user, sid, ct)) erreurs["SessionAtelierId"] = ["Session inconnue parmi celles de vos lieux."];
            else if (await db.Activites.AnyAsync(a => a.SessionAtelierId == sid && a.Id != activiteId, ct)) erreurs["SessionAtelierId"] = ["Cette session a déjà son compte rendu."];
        }
        if (s.SessionAtelierId is { } sid2 && !erreurs.ContainsKey("SessionAtelierId"))
            lieuAutorise ??= await db.SessionsAteliers.Where(x => x.Id == sid2).Select(x => (int?)x.LieuId).FirstOrDefaultAsync(ct);
        if (s.LieuId is { } lieuId && s.TypeLieu == VocabulaireCoop.LieuActivite && lieuId != lieuAutorise)
        {
            // A place the mediator works at: attached to them, or run by a structure that employs them.
            var structuresMediateur = await Beneficiaires.AccesBeneficiaires.StructuresAsync(db, user, horloge, ct);
            if (!await db.Lieux.AnyAsync(l => l.Id == lieuId && !l.Archive
                    && (l.StructureId != null && structuresMediateur.Contains(l.StructureId.Value) || db.Mediateurs.Any(m => m.Id == mediateurId && m.Lieux.Any(x => x.Id == lieuId))), ct))
                erreurs["LieuId"] = ["Lieu inconnu parmi ceux où vous intervenez."];
        }
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Compte rendu invalide");
        var avant = existante is null ? null : Resume(existante);
        var a = existante ?? new Activite { MediateurId = mediateurId, CreeLe = maintenant, CreePar = utilisateur };
        a.Type = s.Type!; a.Date = s.Date!.Value; a.DureeMinutes = s.Duree!.Value; a.TypeLieu = s.TypeLieu!;
        a.LieuId = s.TypeLieu == VocabulaireCoop.LieuActivite ? s.LieuId : null; a.Commune = string.IsNullOrWhiteSpace(s.Commune) ? null : s.Commune.Trim();
        a.Materiel = Joindre(s.Materiel); a.Themes = Joindre(s.Themes); a.ThemesDemarches = Joindre(s.ThemesDemarches);
        a.NomDemarche = string.IsNullOrWhiteSpace(s.NomDemarche) ? null : s.NomDemarche.Trim(); a.Autonomie = s.Autonomie; a.Niveau = s.Niveau;
        a.Orientation = s.Orientation; a.ParticipantsAnonymes = s.ParticipantsAnonymes ?? 0; a.Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim();
        a.Etiquettes = Joindre(etiquettes); a.BeneficiaireId = s.Type == VocabulaireCoop.Individuel ? s.BeneficiaireId : null;
        a.ReservationId = s.ReservationId; a.SessionAtelierId = s.SessionAtelierId; a.ModifieLe = maintenant;
        a.Participants.Clear();
        if (s.Type == VocabulaireCoop.Collectif) a.Participants.AddRange((s.Participants ?? []).Distinct().Select(id => new Beneficiaires.ParticipantActivite { BeneficiaireId = id }));
        a.ParticipantsNommes = a.Participants.Count;
        a.Decomptes.Clear();
        if (s.Type == VocabulaireCoop.Collectif)
            a.Decomptes.AddRange((s.DecomptesAnonymes ?? []).Where(x => x.Nombre > 0 && x.Critere is not null && x.Valeur is not null).Select(x => new Beneficiaires.DecompteAnonyme { Critere = x.Critere!, Valeur = x.Valeur!, Nombre = x.Nombre!.Value }));
        if (existante is null) db.Activites.Add(a);
        // The record, its journal entry and the people's last-activity date are written together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            var apres = Resume(a);
            var details = avant is null ? null : string.Join("; ", apres.Where(kv => avant.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => $"{kv.Key} : « {avant.GetValueOrDefault(kv.Key)} » → « {kv.Value} »"));
            if (avant is null || details!.Length > 0)
            {
                Beneficiaires.AccesBeneficiaires.Journaliser(db, user, maintenant, avant is null ? "Création" : "Modification", Beneficiaires.Journal.CompteRendu, a.Id, details);
                await db.SaveChangesAsync(ct);
            }
            // The people helped stay active: the inactivity job counts from their last accompaniment.
            if (personnes.Count > 0)
                await db.Beneficiaires.Where(b => personnes.Contains(b.Id) && b.DerniereActiviteLe < maintenant).ExecuteUpdateAsync(u => u.SetProperty(b => b.DerniereActiviteLe, maintenant), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (s.ReservationId is not null || s.SessionAtelierId is not null)
        {
            throw new RegleMetierException("Ce rendez-vous ou cette session vient d'être saisi(e) par ailleurs.");
        }
        return a;
    }

    /// <summary>The fields of a record as text, to write what changed in the journal.</summary>
    static Dictionary<string, string?> Resume(Activite a) => new()
    {
        ["Type"] = a.Type, ["Date"] = a.Date.ToString("yyyy-MM-dd"), ["Durée"] = a.DureeMinutes.ToString(), ["Lieu"] = a.TypeLieu, ["LieuId"] = a.LieuId?.ToString(),
        ["Commune"] = a.Commune, ["Matériel"] = a.Materiel, ["Thèmes"] = a.Themes, ["Démarches"] = a.ThemesDemarches, ["Nom de la démarche"] = a.NomDemarche,
        ["Autonomie"] = a.Autonomie, ["Niveau"] = a.Niveau, ["Orientation"] = a.Orientation, ["Participants anonymes"] = a.ParticipantsAnonymes.ToString(),
        ["Participants"] = string.Join(",", a.Participants.Select(p => p.BeneficiaireId).Order()), ["Bénéficiaire"] = a.BeneficiaireId?.ToString(),
        ["Étiquettes"] = a.Etiquettes, ["Notes"] = a.Notes is null ? null : $"{a.Notes.Length} caractères",
    };
}
