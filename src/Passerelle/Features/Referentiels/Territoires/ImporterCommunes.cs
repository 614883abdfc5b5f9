using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>Outcome of a communes import: lines read, rows added/updated, rows skipped (delegated or associated communes,
/// which share their code with a current commune), and the errors (then nothing was written).</summary>
public sealed record RapportCommunes(int Lues, int Ajoutees, int MisesAJour, int Ignorees, IReadOnlyList<string> Erreurs)
{
    public string Resume() => Erreurs.Count > 0 ? $"{Lues} lignes lues : rien n'a été importé ({Erreurs.Count} erreur(s))."
        : $"{Lues} lignes lues : {Ajoutees} communes ajoutées, {MisesAJour} mises à jour, {Ignorees} ignorées (communes déléguées ou associées).";
}

/// <summary>Imports the communes reference, all or nothing, idempotent (upsert by INSEE code). Two layouts:
/// <list type="bullet">
/// <item>Etalab's <c>communes.json</c> (package <c>@etalab/decoupage-administratif</c>: array of objects with <c>code</c>, <c>nom</c>,
/// <c>type</c> « commune-actuelle » | « arrondissement-municipal » | …, <c>commune</c> (parent of an arrondissement),
/// <c>codesPostaux</c>, <c>siren</c>, <c>population</c>, <c>region</c> (INSEE code of the région)); EPCI membership from an <c>epci.json</c> of the same package (array of
/// EPCI with <c>code</c> = SIREN, <c>nom</c>, <c>membres[].code</c>) when given. The package does not state its years: they are
/// passed (<see cref="AnneeCogParDefaut"/>, <see cref="AnneePopulationParDefaut"/> for version 6.0.0).</item>
/// <item>Passerelle's CSV (Seed/communes-amp_cog2026.csv): <c>code_insee,nom,type,commune_parente,codes_postaux,siren,population,
/// annee_population,epci_siren,epci_nom,annee_cog,latitude,longitude</c>, postcodes |-joined; an optional column <c>code_region</c>
/// (INSEE code of the région, 2 digits).</item>
/// </list></summary>
public static class ImporterCommunes
{
    /// <summary>Package 6.0.0: COG 2026, legal populations of census year 2023 (package README, « Millésimes »).</summary>
    public const int AnneeCogParDefaut = 2026, AnneePopulationParDefaut = 2023;

    static readonly string[] Colonnes = ["code_insee", "nom", "type", "commune_parente", "codes_postaux", "siren", "population",
        "annee_population", "epci_siren", "epci_nom", "annee_cog", "latitude", "longitude"];

    public static async Task<RapportCommunes> JsonAsync(AppDbContext db, Stream communes, Stream? epci, int anneeCog, int anneePopulation,
        TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new List<string>();
        var lues = new List<Commune>();
        var ignorees = 0;
        var membres = new Dictionary<string, (string Siren, string Nom)>();
        try
        {
            if (epci is not null)
                foreach (var e in (await JsonDocument.ParseAsync(epci, cancellationToken: ct)).RootElement.EnumerateArray())
                    foreach (var m in e.GetProperty("membres").EnumerateArray())
                        membres[m.GetProperty("code").GetString() ?? ""] = (e.GetProperty("code").GetString() ?? "", e.GetProperty("nom").GetString() ?? "");
            using var doc = await JsonDocument.ParseAsync(communes, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return new(0, 0, 0, 0, ["Le fichier doit contenir une liste de communes (tableau JSON)."]);
            var i = 0;
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                i++;
                string? Texte(string nom) => c.TryGetProperty(nom, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var type = Texte("type");
                if (type is not ("commune-actuelle" or "arrondissement-municipal")) { ignorees++; continue; }
                int? population = c.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
                var cps = c.TryGetProperty("codesPostaux", out var cp) && cp.ValueKind == JsonValueKind.Array
                    ? cp.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                var code = Texte("code") ?? "";
                var m = membres.GetValueOrDefault(code);
                Ajouter(lues, erreurs, $"Élément {i}", code, Texte("nom"), type == "arrondissement-municipal" ? Commune.TypeArrondissement : Commune.TypeCommune,
                    Texte("commune"), cps, Texte("siren"), population, population is null ? null : anneePopulation, m.Siren, m.Nom, anneeCog, null, null, Texte("region"));
            }
        }
        catch (JsonException e) { return new(0, 0, 0, 0, [$"JSON invalide : {e.Message}"]); }
        catch (InvalidOperationException e) { return new(0, 0, 0, 0, [$"JSON inattendu : {e.Message}"]); }
        catch (KeyNotFoundException e) { return new(0, 0, 0, 0, [$"JSON inattendu : {e.Message}"]); }
        return await EnregistrerAsync(db, lues, ignorees, erreurs, horloge, ct);
    }

    public static async Task<RapportCommunes> CsvAsync(AppDbContext db, Stream fichier, TimeProvider horloge, CancellationToken ct)
    {
        Web.Csv.TexteLu lu;
        try { lu = await Web.Csv.LireTexteAsync(fichier, ct); }
        catch (Web.Csv.EncodageInvalideException e) { return new(0, 0, 0, 0, [e.Message]); }
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Web.Csv.Lire(new StringReader(lu.Contenu), Web.Csv.Separateur(lu.Contenu, ',', ';')); }
        catch (Web.Csv.CsvInvalideException e) { return new(0, 0, 0, 0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, 0, 0, 0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var manquantes = Colonnes.Where(c => !entete.Contains(c)).ToList();
        if (manquantes.Count > 0) return new(0, 0, 0, 0, [$"Colonnes manquantes : {string.Join(", ", manquantes)}."]);
        var erreurs = new List<string>();
        var lues = new List<Commune>();
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.Count == 1 && string.IsNullOrWhiteSpace(champs[0])) continue;
            if (champs.Count != entete.Count) { erreurs.Add($"Ligne {ligne} : {champs.Count} colonnes au lieu de {entete.Count}."); continue; }
            string? V(string col) => champs[entete.IndexOf(col)].Trim() is { Length: > 0 } v ? v : null;
            int? Entier(string col) => V(col) is { } v ? int.TryParse(v, out var n) ? n : throw new FormatException($"{col} « {v} » n'est pas un nombre entier") : null;
            double? Reel(string col) => V(col) is { } v ? double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException($"{col} « {v} » n'est pas un nombre (point décimal)") : null;
            try
            {
                Ajouter(lues, erreurs, $"Ligne {ligne}", V("code_insee") ?? "", V("nom"), V("type") ?? Commune.TypeCommune, V("commune_parente"),
                    (V("codes_postaux") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
                    V("siren"), Entier("population"), Entier("annee_population"), V("epci_siren"), V("epci_nom"), Entier("annee_cog") ?? 0,
                    Reel("latitude"), Reel("longitude"), entete.Contains("code_region") ? V("code_region") : null);
            }
            catch (FormatException e) { erreurs.Add($"Ligne {ligne} : {e.Message}."); }
        }
        return await EnregistrerAsync(db, lues, 0, erreurs, horloge, ct);
    }

    static void Ajouter(List<Commune> lues, List<string> erreurs, string ou, string code, string? nom, string type, string? parente,
        List<string> codesPostaux, string? siren, int? population, int? anneePopulation, string? epciSiren, string? epciNom, int anneeCog,
        double? lat, double? lon, string? region)
    {
        var avant = erreurs.Count;
        if (code.Length != 5 || !code.All(char.IsAsciiLetterOrDigit)) erreurs.Add($"{ou} : code INSEE « {code} » invalide (5 caractères).");
        if (string.IsNullOrWhiteSpace(nom) || nom.Length > 200) erreurs.Add($"{ou} : nom manquant ou trop long.");
        if (type is not (Commune.TypeCommune or Commune.TypeArrondissement)) erreurs.Add($"{ou} : type « {type} » inconnu (commune ou arrondissement).");
        if (type == Commune.TypeArrondissement && parente is not { Length: 5 }) erreurs.Add($"{ou} : un arrondissement indique sa commune (code INSEE).");
        if (codesPostaux.Any(cp => cp.Length != 5 || !cp.All(char.IsAsciiDigit))) erreurs.Add($"{ou} : code postal invalide.");
        if (siren is not null && (siren.Length != 9 || !siren.All(char.IsAsciiDigit))) erreurs.Add($"{ou} : SIREN « {siren} » invalide (9 chiffres).");
        if (epciSiren is { Length: > 0 } && (epciSiren.Length != 9 || !epciSiren.All(char.IsAsciiDigit))) erreurs.Add($"{ou} : SIREN d'EPCI « {epciSiren} » invalide.");
        if (population < 0) erreurs.Add($"{ou} : population négative.");
        if (population is not null && anneePopulation is not (>= 1800 and <= 2100)) erreurs.Add($"{ou} : année de la population manquante ou invalide.");
        if (anneeCog is < 1943 or > 2100) erreurs.Add($"{ou} : année du code géographique manquante ou invalide.");
        if (region is not null && (region.Length is < 2 or > 3 || !region.All(char.IsAsciiDigit))) erreurs.Add($"{ou} : code de région « {region} » invalide (2 chiffres).");
        if ((lat is null) != (lon is null) || lat is < -90 or > 90 || lon is < -180 or > 180) erreurs.Add($"{ou} : point de référence invalide.");
        if (erreurs.Count > avant) return;
        lues.Add(new Commune
        {
            CodeInsee = code.ToUpperInvariant(), Nom = nom!.Trim(), Type = type, CommuneParente = type == Commune.TypeArrondissement ? parente : null,
            CodesPostaux = string.Join('|', codesPostaux.Distinct()), Siren = siren, Population = population,
            AnneePopulation = population is null ? null : anneePopulation, EpciSiren = epciSiren is { Length: > 0 } ? epciSiren : null,
            EpciNom = epciSiren is { Length: > 0 } ? epciNom : null, CodeRegion = region, AnneeCog = anneeCog, Latitude = lat, Longitude = lon, NomRecherche = RechercheCommunes.Cle(nom),
        });
    }

    static async Task<RapportCommunes> EnregistrerAsync(AppDbContext db, List<Commune> lues, int ignorees, List<string> erreurs, TimeProvider horloge, CancellationToken ct)
    {
        var total = lues.Count + ignorees + erreurs.Count;
        foreach (var doublon in lues.GroupBy(c => c.CodeInsee).Where(g => g.Count() > 1)) erreurs.Add($"Code INSEE {doublon.Key} en double.");
        if (erreurs.Count > 0) return new(total, 0, 0, 0, erreurs.Take(50).ToList());
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existantes = await db.Set<Commune>().ToDictionaryAsync(c => c.CodeInsee, ct);
        int ajoutees = 0, maj = 0;
        foreach (var c in lues)
        {
            c.ImporteLe = maintenant;
            if (existantes.TryGetValue(c.CodeInsee, out var e))
            {
                // A reference point typed by hand is kept when the new file has none (Etalab's package has none).
                var (lat, lon) = (c.Latitude ?? e.Latitude, c.Latitude is null ? e.Longitude : c.Longitude);
                db.Entry(e).CurrentValues.SetValues(c);
                (e.Latitude, e.Longitude) = (lat, lon);
                maj++;
            }
            else { db.Add(c); ajoutees++; }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(total, ajoutees, maj, ignorees, []);
    }

    /// <summary>The communes shipped with Passerelle (Métropole d'Aix-Marseille-Provence, Seed/communes-amp_cog2026.csv, see
    /// SOURCES.md), loaded once when the table is empty.</summary>
    public static async Task ChargerSiVideAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await db.Set<Commune>().AnyAsync(ct)) return;
        var chemin = Path.Combine(AppContext.BaseDirectory, "Seed", "communes-amp_cog2026.csv");
        if (!File.Exists(chemin)) return;
        await using var f = File.OpenRead(chemin);
        var r = await CsvAsync(db, f, horloge, ct);
        if (r.Erreurs.Count > 0) throw new InvalidDataException("Communes livrées invalides : " + string.Join(" ", r.Erreurs));
    }
}
