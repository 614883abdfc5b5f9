using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Reseau.DataInclusion;

/// <summary>What an import of data·inclusion files did: counts, or the errors (one line per element) when nothing was written.</summary>
public sealed record RapportDataInclusion(int Structures, int Crees, int MisAJour, int Inchanges, IReadOnlyList<string> Erreurs)
{
    public bool Ecrit => Erreurs.Count == 0;

    public string Resume() => Ecrit
        ? $"{Structures} structure(s) lue(s) : {Crees} lieu(x) créé(s), {MisAJour} mis à jour, {Inchanges} inchangé(s)."
        : $"Rien n'a été importé : {Erreurs.Count} erreur(s).";
}

/// <summary>Imports a data·inclusion v1 structures file (JSON array, schema structure.json) and optionally its services file into
/// the directory of places. All or nothing: one faulty element and nothing is written, each error named by file, element number
/// and id. Idempotent: a place is keyed by the structure's source and id (<see cref="Lieu.Source"/>, <see cref="Lieu.IdLocal"/>),
/// so a second import of the same files changes nothing. A place needs an address, a commune and a 5-digit postcode (the national
/// places standard requires them) even though data·inclusion does not. Services give back the standard's services, publics, fees,
/// reception and access modes through the reverse of <see cref="SchemaDataInclusion"/>'s correspondences; what has no counterpart
/// is dropped. Structures whose source is Passerelle itself are refused (they are already in the directory).</summary>
public static partial class ImporterDataInclusion
{
    static readonly Dictionary<string, string> ServiceParThematique = new()
    {
        ["numerique--acceder-a-des-services-en-ligne"] = "Aide aux démarches administratives",
        ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"] = "Aide aux démarches administratives",
        ["numerique--maitriser-les-fondamentaux-du-numerique"] = "Maîtrise des outils numériques du quotidien",
        ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"] = "Insertion professionnelle via le numérique",
        ["preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"] = "Insertion professionnelle via le numérique",
        ["famille--soutien-a-la-parentalite-et-a-leducation"] = "Parentalité et éducation avec le numérique",
        ["numerique--acceder-a-une-connexion-internet"] = "Accès internet et matériel informatique",
        ["numerique--acquerir-un-equipement"] = "Acquisition de matériel informatique à prix solidaire",
    };
    static readonly Dictionary<string, string> PublicParCode = new()
    {
        ["jeunes"] = "Jeunes", ["etudiants"] = "Étudiants", ["familles"] = "Familles et/ou enfants", ["seniors"] = "Seniors", ["femmes"] = "Femmes",
    };
    static readonly Dictionary<string, string> AccesParCode = new()
    {
        ["se-presenter"] = "Se présenter", ["telephoner"] = "Téléphoner", ["envoyer-un-courriel"] = "Contacter par mail", ["utiliser-lien-mobilisation"] = "Prendre un RDV en ligne",
    };

    public static async Task<RapportDataInclusion> ExecuterAsync(AppDbContext db, Stream structures, Stream? services, TimeProvider horloge, CancellationToken ct)
    {
        var erreurs = new List<string>();
        var elements = await LireAsync(structures, "structures", erreurs, ct);
        var lignes = new Dictionary<(string Source, string Id), LigneLieu>();
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            string? T(string nom) => e.TryGetProperty(nom, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } s ? s : null;
            var id = T("id");
            var fautes = new List<string>();
            var source = T("source");
            if (source is null) fautes.Add("« source » est obligatoire");
            else if (source == SchemaDataInclusion.Source) fautes.Add("cette structure vient déjà de Passerelle");
            if (id is null) fautes.Add("« id » est obligatoire");
            var nom = T("nom");
            if (nom is null || nom.Length is < 3 or > 150) fautes.Add("« nom » doit compter de 3 à 150 caractères");
            if (!DateOnly.TryParseExact(T("date_maj"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateMaj))
                fautes.Add("« date_maj » doit être une date AAAA-MM-JJ");
            if (T("adresse") is null) fautes.Add("« adresse » est obligatoire pour un lieu de l'annuaire");
            if (T("commune") is null) fautes.Add("« commune » est obligatoire pour un lieu de l'annuaire");
            if (T("code_postal") is not { } cp || !CinqChiffres().IsMatch(cp)) fautes.Add("« code_postal » doit compter 5 chiffres");
            if (T("code_insee") is { } insee && !CinqCaracteres().IsMatch(insee)) fautes.Add("« code_insee » doit compter 5 caractères");
            if (T("siret") is { } siret && !Regex.IsMatch(siret, @"^\d{14}$")) fautes.Add("« siret » doit compter 14 chiffres");
            if (source is not null && id is not null && lignes.ContainsKey((source, id))) fautes.Add("cette structure figure deux fois dans le fichier");
            if (fautes.Count > 0) { erreurs.Add($"structures, élément {i + 1} (id « {id ?? "?"} ») : {string.Join(" ; ", fautes)}."); continue; }
            double? N(string nom) => e.TryGetProperty(nom, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            lignes[(source!, id!)] = new LigneLieu(id!, T("siret") ?? Referentiels.StandardLieux.PivotFactice, nom!, T("commune")!, T("code_postal")!, T("code_insee"),
                T("adresse")!, T("complement_adresse"), N("latitude"), N("longitude"), null, T("telephone"), T("courriel"), T("site_web"), T("horaires_accueil"),
                null, T("description"), source, null, null, dateMaj, null, null, null, null, null, null, null, null, null, T("accessibilite_lieu"), null);
        }
        if (services is not null) AppliquerServices(await LireAsync(services, "services", erreurs, ct), lignes, erreurs);
        if (erreurs.Count > 0) return new RapportDataInclusion(elements.Count, 0, 0, 0, erreurs);

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var sources = lignes.Keys.Select(k => k.Source).Distinct().ToList();
        var existants = (await db.Lieux.Where(l => sources.Contains(l.Source)).ToListAsync(ct)).ToDictionary(l => (l.Source, l.IdLocal));
        int crees = 0, misAJour = 0;
        foreach (var (cle, ligne) in lignes)
        {
            if (existants.TryGetValue(cle, out var lieu)) { if (lieu.Appliquer(ligne, maintenant)) misAJour++; continue; }
            lieu = new Lieu { Source = cle.Source, IdLocal = cle.Id };
            lieu.Appliquer(ligne, maintenant);
            db.Lieux.Add(lieu);
            crees++;
        }
        await db.SaveChangesAsync(ct);
        return new RapportDataInclusion(elements.Count, crees, misAJour, lignes.Count - crees - misAJour, []);
    }

    static void AppliquerServices(List<JsonElement> services, Dictionary<(string Source, string Id), LigneLieu> lignes, List<string> erreurs)
    {
        var parStructure = new Dictionary<(string, string), List<JsonElement>>();
        for (var i = 0; i < services.Count; i++)
        {
            var e = services[i];
            string? T(string nom) => e.TryGetProperty(nom, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var cle = (T("source") ?? "", T("structure_id") ?? "");
            if (T("id") is null || !lignes.ContainsKey(cle))
            {
                erreurs.Add($"services, élément {i + 1} (id « {T("id") ?? "?"} ») : « id » est obligatoire et « source » + « structure_id » doivent désigner une structure du fichier des structures.");
                continue;
            }
            (parStructure.TryGetValue(cle, out var l) ? l : parStructure[cle] = []).Add(e);
        }
        foreach (var (cle, liste) in parStructure)
        {
            IEnumerable<string> Codes(string champ) => liste.SelectMany(e => e.TryGetProperty(champ, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!) : []);
            string? Joindre(IEnumerable<string> v) => v.Distinct().ToList() is { Count: > 0 } a ? string.Join('|', a) : null;
            var frais = liste.Select(e => e.TryGetProperty("frais", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).ToList();
            var lien = liste.Select(e => e.TryGetProperty("lien_mobilisation", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(x => x is not null);
            lignes[cle] = lignes[cle] with
            {
                Services = Joindre(Codes("thematiques").Select(ServiceParThematique.GetValueOrDefault).OfType<string>()),
                PublicsSpecifiquementAdresses = Joindre(Codes("publics").Select(PublicParCode.GetValueOrDefault).OfType<string>()),
                FraisACharge = frais.Contains("payant") ? "Payant" : frais.Contains("gratuit") ? "Gratuit" : null,
                ModalitesAcces = Joindre(Codes("modes_mobilisation").Select(AccesParCode.GetValueOrDefault).OfType<string>()),
                ModalitesAccompagnement = Codes("modes_accueil").Contains("a-distance") ? "À distance" : null,
                PriseRdv = lien,
            };
        }
    }

    static async Task<List<JsonElement>> LireAsync(Stream flux, string fichier, List<string> erreurs, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(flux, cancellationToken: ct);
            if (doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object))
                return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            erreurs.Add($"{fichier} : le fichier doit être une liste JSON d'objets ([{{…}}, …]).");
        }
        catch (JsonException e) { erreurs.Add($"{fichier} : ce n'est pas un fichier JSON lisible (ligne {e.LineNumber + 1}) ; rien n'a été importé."); }
        return [];
    }

    [GeneratedRegex(@"^\d{5}$")] private static partial Regex CinqChiffres();
    [GeneratedRegex(@"^\w{5}$")] private static partial Regex CinqCaracteres();
}

/// <summary><c>lieux import-data-inclusion &lt;structures.json&gt; [--services services.json]</c>.</summary>
public sealed class CommandeImporterDataInclusion : Web.ICommandeCli
{
    public IReadOnlyList<string> Mots => ["lieux", "import-data-inclusion"];
    public int Arguments => 1;
    public string Usage => "<structures.json> [--services services.json]";
    public string Description => "importe des structures et services au schéma data·inclusion v1 (tout ou rien, rejouable)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var services = Web.Cli.Option(args, "--services");
        foreach (var f in new[] { args[2], services }.OfType<string>().Where(f => !File.Exists(f)))
        {
            await Console.Error.WriteLineAsync($"Échec : le fichier « {f} » est introuvable.");
            return 1;
        }
        await using var structures = File.OpenRead(args[2]);
        await using var flux = services is null ? null : File.OpenRead(services);
        var rapport = await ImporterDataInclusion.ExecuterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), structures, flux, TimeProvider.System, CancellationToken.None);
        foreach (var e in rapport.Erreurs.Take(200)) Console.WriteLine($"ERREUR {e}");
        Console.WriteLine(rapport.Resume());
        return rapport.Ecrit ? 0 : 1;
    }
}
