using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <param name="Doublons">Imported rows that look like a file the structure already had (the import goes on: they are for the team to
/// check and merge on the duplicates page).</param>
public sealed record RapportImportBeneficiaires(int Crees, IReadOnlyList<string> Erreurs, string? NoteEncodage = null, IReadOnlyList<DoublonImporte>? Doublons = null);

/// <summary>An imported row (line <paramref name="Ligne"/> of the file) that looks like the existing file <paramref name="FicheId"/>,
/// by the rules of <see cref="DetecterDoublons"/>; <paramref name="Message"/> says it in French.</summary>
public sealed record DoublonImporte(int Ligne, int FicheId, string Message);

/// <summary>Imports files from the template (<see cref="ModeleFichesCsv"/>); all-or-nothing: one wrong line and nothing is written,
/// every error is listed with its line. The parser's own exceptions become lines of the report. Rows that look like a file the
/// structure already has are imported all the same and listed in the report (<see cref="RapportImportBeneficiaires.Doublons"/>).</summary>
public static class ImporterFiches
{
    public static async Task<RapportImportBeneficiaires> ExecuterAsync(AppDbContext db, HashSet<int> structures, int? structureId, Stream flux, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        int structure;
        if (structureId is { } s0) { if (!structures.Contains(s0)) return new(0, ["Vous ne travaillez pas pour cette structure."]); structure = s0; }
        else if (structures.Count == 1) structure = structures.First();
        else return new(0, ["Choisissez la structure qui suit ces personnes."]);
        Csv.TexteLu lu;
        try { lu = await Csv.LireTexteAsync(flux, ct); }
        catch (Csv.EncodageInvalideException e) { return new(0, [e.Message]); }
        var texte = lu.Contenu;
        var separateur = Csv.Separateur(texte, ',', ';');
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(texte), separateur).ToList(); }
        catch (Csv.CsvInvalideException e) { return new(0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var manquantes = ModeleFichesCsv.Colonnes.Where(c => !entete.Contains(c)).ToList();
        if (manquantes.Count > 0) return new(0, [$"Colonnes manquantes : {string.Join(", ", manquantes)} (téléchargez le modèle)."]);
        if (lignes.Count > 20_001) return new(0, ["20 000 lignes au plus par fichier."]);
        var qpv = await db.Qpv.AsNoTracking().ToDictionaryAsync(q => q.Code, ct);
        var erreurs = new List<string>();
        var maintenant = Fiches.Maintenant(h);
        var nouvelles = new List<(int Ligne, Beneficiaire Fiche)>();
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.All(string.IsNullOrWhiteSpace)) continue;
            if (champs.Count != entete.Count) { erreurs.Add($"Ligne {ligne} : {champs.Count} colonnes au lieu de {entete.Count}."); continue; }
            string V(string c) => champs[entete.IndexOf(c)].Trim();
            bool Oui(string c) => V(c).ToLowerInvariant() is "oui" or "o" or "1" or "true" or "vrai";
            if (V("annee_naissance") is { Length: > 0 } an && !int.TryParse(an, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            { erreurs.Add($"Ligne {ligne}, annee_naissance : « {an} » n'est pas une année."); continue; }
            if (V("code_qpv") is { Length: > 0 } cq && !qpv.ContainsKey(cq.ToUpperInvariant())) { erreurs.Add($"Ligne {ligne}, code_qpv : « {cq} » inconnu de la liste QPV."); continue; }
            var saisie = new BeneficiaireSaisie
            {
                Suivi = Oui("suivi"), Prenom = V("prenom"), Nom = V("nom"), Telephone = V("telephone"), Courriel = V("courriel"),
                AnneeNaissance = V("annee_naissance") is { Length: > 0 } a ? int.Parse(a, CultureInfo.InvariantCulture) : null, Genre = V("genre"), Statut = V("statut"),
                Commune = V("commune"), CodePostal = V("code_postal"), CodeQpv = V("code_qpv"), Consentement = Oui("consentement"), Notes = V("notes"),
            };
            var champTrop = new[] { ("prenom", 100), ("nom", 100), ("courriel", 200), ("commune", 200), ("notes", 2000) }.FirstOrDefault(x => V(x.Item1).Length > x.Item2);
            if (champTrop.Item1 is not null) { erreurs.Add($"Ligne {ligne}, {champTrop.Item1} : {champTrop.Item2} caractères au plus."); continue; }
            if (saisie.Courriel is { Length: > 0 } c && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(c)) { erreurs.Add($"Ligne {ligne}, courriel : adresse invalide."); continue; }
            try
            {
                if (saisie.CodeQpv is { Length: > 0 } code) Fiches.VerifierCommuneDuQpv(qpv[code.ToUpperInvariant()], saisie);
                var b = new Beneficiaire { StructureId = structure, CreeLe = maintenant };
                b.Modifier(saisie, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
                nouvelles.Add((ligne, b));
            }
            catch (RegleMetierException e) { erreurs.Add($"Ligne {ligne}{(e.Champ is null ? "" : ", " + e.Champ)} : {e.Message}"); }
        }
        if (erreurs.Count > 0) return new(0, erreurs, lu.Note);
        var doublons = await DoublonsAsync(db, structure, nouvelles, ct);
        db.Beneficiaires.AddRange(nouvelles.Select(n => n.Fiche));
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Import CSV", Journal.Structure, structure, $"{nouvelles.Count} fiches");
        await db.SaveChangesAsync(ct);
        return new(nouvelles.Count, [], lu.Note, doublons);
    }

    /// <summary>Each new file against the structure's followed files, as <see cref="DetecterDoublons"/> compares them (a shared phone,
    /// e-mail or birth year, then close names); at most 3 existing files per row.</summary>
    static async Task<List<DoublonImporte>> DoublonsAsync(AppDbContext db, int structure, List<(int Ligne, Beneficiaire Fiche)> nouvelles, CancellationToken ct)
    {
        if (!nouvelles.Any(n => n.Fiche.Suivi)) return [];
        var existantes = await db.Beneficiaires.AsNoTracking().Where(b => b.StructureId == structure && b.Suivi && b.AnonymiseLe == null).ToListAsync(ct);
        var parCle = existantes.SelectMany(e => DetecterDoublons.Cles(e).Select(k => (k, e))).ToLookup(x => x.k, x => x.e);
        return nouvelles.Where(n => n.Fiche.Suivi).SelectMany(n => DetecterDoublons.Cles(n.Fiche).SelectMany(k => parCle[k]).DistinctBy(e => e.Id)
                .Where(e => RessemblanceNoms.Proches(e, n.Fiche)).OrderBy(e => e.Id).Take(3)
                .Select(e => new DoublonImporte(n.Ligne, e.Id, $"Ligne {n.Ligne} : {n.Fiche.NomAffiche} ressemble à la fiche n° {e.Id} déjà enregistrée "
                    + $"({e.NomAffiche} : {DetecterDoublons.Raisons(e, n.Fiche)}). Si c'est la même personne, fusionnez les deux fiches depuis la page des doublons.")))
            .ToList();
    }
}
