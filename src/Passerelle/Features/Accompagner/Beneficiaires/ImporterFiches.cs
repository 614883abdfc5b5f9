using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record RapportImportBeneficiaires(int Crees, IReadOnlyList<string> Erreurs, string? NoteEncodage = null);

/// <summary>Imports files from the template (<see cref="ModeleFichesCsv"/>); all-or-nothing: one wrong line and nothing is written,
/// every error is listed with its line. The parser's own exceptions become lines of the report.</summary>
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
        var nouvelles = new List<Beneficiaire>();
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
                nouvelles.Add(b);
            }
            catch (RegleMetierException e) { erreurs.Add($"Ligne {ligne}{(e.Champ is null ? "" : ", " + e.Champ)} : {e.Message}"); }
        }
        if (erreurs.Count > 0) return new(0, erreurs, lu.Note);
        db.Beneficiaires.AddRange(nouvelles);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Import CSV", Journal.Structure, structure, $"{nouvelles.Count} fiches");
        await db.SaveChangesAsync(ct);
        return new(nouvelles.Count, [], lu.Note);
    }
}
