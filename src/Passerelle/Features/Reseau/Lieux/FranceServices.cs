using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Passerelle.Web;
using Passerelle.Data;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>Imports the ANCT list of France Services as places of the standard, turning its
/// free-text weekday hours ("09:00 - 12:00 / 13:30 - 17:00") into OpenStreetMap syntax.</summary>
public static partial class FranceServices
{
    public const string Source = "ANCT France Services";
    static readonly string[] JoursFs = ["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "h_dimanche"];

    /// <summary>Null when a day's text is not a list of time ranges (the raw text is then reported).</summary>
    public static string? HorairesOsm(IReadOnlyList<string?> jours)
    {
        var plagesParJour = new string?[7];
        for (var i = 0; i < 7; i++)
        {
            var texte = i < jours.Count ? jours[i]?.Trim() : null;
            if (string.IsNullOrEmpty(texte) || texte.Equals("fermé", StringComparison.OrdinalIgnoreCase)) continue;
            var plages = new List<string>();
            foreach (var morceau in texte.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var m = PlageRegex().Match(morceau);
                if (!m.Success) return null;
                plages.Add($"{int.Parse(m.Groups[1].Value):00}:{m.Groups[2].Value}-{int.Parse(m.Groups[3].Value):00}:{m.Groups[4].Value}");
            }
            plagesParJour[i] = string.Join(',', plages);
        }
        if (plagesParJour.All(p => p is null)) return null;
        var regles = new List<string>();
        foreach (var groupe in Enumerable.Range(0, 7).Where(i => plagesParJour[i] is not null).GroupBy(i => plagesParJour[i]!))
            regles.Add($"{Horaires.HorairesOsm.Selecteur([.. groupe])} {groupe.Key}");
        return string.Join("; ", regles) + "; PH off";
    }

    public static FichierLu Convertir(Stream flux, string? departement, DateOnly dateMaj, List<Probleme> avertissements)
    {
        Csv.TexteLu lu;
        try { lu = Csv.LireTexte(flux); }
        catch (Csv.EncodageInvalideException e) { throw Valider.Fichier(e.Message); }
        if (lu.Note is { } note) avertissements.Add(new Probleme(1, "", "", note, false));
        List<(int Ligne, List<string> Champs)> enregistrements;
        try { enregistrements = Csv.Lire(new StringReader(lu.Contenu), ',').ToList(); }
        catch (Csv.CsvInvalideException e) { throw Valider.Fichier(e.Message); }
        if (enregistrements.Count == 0) throw Valider.Fichier("Le fichier France Services est vide.");
        var entete = enregistrements[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        foreach (var requise in new[] { "id_fs", "lib_fs", "adresse", "code_postal", "lib_com" })
            if (!entete.Contains(requise)) throw Valider.Fichier($"Colonne « {requise} » absente : ce n'est pas la liste France Services de l'ANCT.");
        var lignes = new List<(int, Dictionary<string, string?>)>();
        foreach (var (ligne, champs) in enregistrements.Skip(1))
        {
            string? F(string nom)
            {
                var i = entete.IndexOf(nom);
                return i >= 0 && i < champs.Count && !string.IsNullOrWhiteSpace(champs[i]) ? champs[i].Trim() : null;
            }
            if (departement is not null && F("insee_dep") != departement) continue;
            var jours = JoursFs.Select(F).ToList();
            var horaires = HorairesOsm(jours);
            if (horaires is null && jours.Any(j => j is not null))
                avertissements.Add(new Probleme(ligne, "horaires", string.Join(" | ", jours), "Horaires France Services non convertis.", false));
            var format = F("format_fs") ?? "";
            var rdv = F("prise_rdv");
            var commentaire = F("commentaire");
            lignes.Add((ligne, new Dictionary<string, string?>
            {
                ["id"] = "fs-" + F("id_fs"),
                ["pivot"] = StandardLieux.PivotFactice,
                ["nom"] = F("lib_fs"),
                ["commune"] = F("lib_com"),
                ["code_postal"] = F("code_postal"),
                ["code_insee"] = F("insee_com"),
                ["adresse"] = F("adresse"),
                ["complement_adresse"] = F("complement_adresse"),
                ["latitude"] = F("latitude"),
                ["longitude"] = F("longitude"),
                ["typologie"] = "RFS",
                ["telephone"] = F("telephone"),
                ["courriels"] = F("mail"),
                ["horaires"] = horaires,
                ["presentation_resume"] = commentaire is { Length: > 280 } ? commentaire[..279] + "…" : commentaire,
                ["source"] = Source,
                ["itinerance"] = format.StartsWith("Bus") || format.StartsWith("Itin") ? "Itinérant" : "Fixe",
                ["structure_parente"] = F("groupe_fs"),
                ["date_maj"] = dateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["services"] = "Aide aux démarches administratives",
                ["frais_a_charge"] = "Gratuit",
                ["dispositif_programmes_nationaux"] = "France Services",
                ["modalites_acces"] = rdv is not null && ValidateurLieu.Url(rdv) ? "Se présenter|Téléphoner|Prendre un RDV en ligne" : "Se présenter|Téléphoner",
                ["modalites_accompagnement"] = "Accompagnement individuel",
                ["prise_rdv"] = rdv is not null && ValidateurLieu.Url(rdv) ? rdv : null,
            }));
        }
        return new FichierLu(StandardLieux.Colonnes, lignes, ',');
    }

    public static async Task<RapportImport> ImporterAsync(AppDbContext db, Stream flux, string? departement, TimeProvider horloge, CancellationToken ct)
    {
        var avertissements = new List<Probleme>();
        FichierLu fichier;
        try { fichier = Convertir(flux, departement, new DateOnly(2024, 8, 1), avertissements); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { return new RapportImport { ErreurFichier = e.Message }; }
        catch (DecoderFallbackException) { return new RapportImport { ErreurFichier = "Le fichier n'est pas encodé en UTF-8." }; }
        // The ANCT list is authoritative: keep the valid rows even if a few are malformed.
        var rapport = await ImporterLieux.ExecuterAsync(db, fichier, Source, lignesValidesSeulement: true, horloge, null, ct);
        return rapport with { Avertissements = [.. avertissements, .. rapport.Avertissements] };
    }

    [GeneratedRegex(@"^(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})$")]
    private static partial Regex PlageRegex();
}
