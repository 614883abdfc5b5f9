using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>Import and export in the national standard, through the API, on the configured database.</summary>
public class ImportExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string Entete = string.Join(',', StandardLieux.Colonnes);

    static string Ligne(string id, string nom = "Médiathèque Louis Aragon", string codePostal = "13500", string services = "Aide aux démarches administratives",
        string telephone = "04 42 11 22 33", string source = "Test") =>
        $"\"{id}\",\"43493312300029\",\"{nom}\",\"Martigues\",\"{codePostal}\",\"13056\",\"1 rue de la Paix\",\"\",\"43.405\",\"5.047\",\"BIB\",\"{telephone}\",\"contact@exemple.fr\",\"\",\"Mo-Fr 09:00-12:00\",\"\",\"\",\"{source}\",\"Fixe\",\"\",\"2024-05-01\",\"{services}\",\"\",\"\",\"Gratuit\",\"\",\"\",\"\",\"Se présenter\",\"Accompagnement individuel\",\"\",\"\"";

    static async Task<(HttpStatusCode Statut, RapportImport? Rapport)> Importer(HttpClient client, string contenu, string nom = "lieux.csv", string query = "")
    {
        var form = new MultipartFormDataContent();
        var fichier = new ByteArrayContent(Encoding.UTF8.GetBytes(contenu));
        fichier.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(fichier, "fichier", nom);
        var r = await client.PostAsync("/api/v1/lieux/import" + query, form);
        RapportImport? rapport = null;
        if (r.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity) rapport = await r.Content.ReadFromJsonAsync<RapportImport>();
        return (r.StatusCode, rapport);
    }

    [Fact]
    public async Task Import_puis_reimport_identique_ne_cree_rien_de_plus()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "idem-" + Guid.NewGuid().ToString("N")[..6];
        var csv = $"{Entete}\n{Ligne(id + "-a")}\n{Ligne(id + "-b", nom: "Centre social")}\n";
        var (statut, r1) = await Importer(admin, csv);
        statut.ShouldBe(HttpStatusCode.OK);
        r1!.Crees.ShouldBe(2);
        var (_, r2) = await Importer(admin, csv);
        r2!.Crees.ShouldBe(0);
        r2.Inchanges.ShouldBe(2);
        r2.MisAJour.ShouldBe(0);
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.IdLocal.StartsWith(id)))).ShouldBe(2);
        // A change in the file updates the same place rather than adding one.
        var (_, r3) = await Importer(admin, $"{Entete}\n{Ligne(id + "-a", nom: "Médiathèque renommée")}\n");
        r3!.MisAJour.ShouldBe(1);
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == id + "-a"))).Nom.ShouldBe("Médiathèque renommée");
        // The phone number was stored in the standard's international form, with a warning.
        r1.Avertissements.ShouldContain(a => a.Colonne == "telephone");
        (await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == id + "-b"))).Telephone.ShouldBe("+33442112233");
    }

    [Fact]
    public async Task Fichier_avec_lignes_fausses_rien_n_est_importe_et_chaque_rejet_est_rapporte()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "casse-" + Guid.NewGuid().ToString("N")[..6];
        var csv = $"{Entete}\n{Ligne(id + "-ok")}\n{Ligne(id + "-cp", codePostal: "123")}\n{Ligne(id + "-sv", services: "Réparer un vélo")}\n";
        var (statut, rapport) = await Importer(admin, csv);
        statut.ShouldBe(HttpStatusCode.UnprocessableEntity);
        rapport!.Ecrit.ShouldBeFalse();
        rapport.Rejets.ShouldContain(p => p.Ligne == 3 && p.Colonne == "code_postal" && p.Valeur == "123");
        rapport.Rejets.ShouldContain(p => p.Ligne == 4 && p.Colonne == "services" && p.Valeur == "Réparer un vélo");
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.IdLocal.StartsWith(id)))).ShouldBe(0);
        // On request, the valid rows go in and the others stay out.
        var (_, partiel) = await Importer(admin, csv, query: "?lignes_valides=true");
        partiel!.Crees.ShouldBe(1);
        (await app.AvecDb(db => db.Lieux.Select(l => l.IdLocal).Where(i => i.StartsWith(id)).ToListAsync())).ShouldBe([id + "-ok"]);
    }

    [Fact]
    public async Task Fichiers_illisibles_refuses_proprement()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        (await Importer(admin, "nom,commune\nA,B\n")).Rapport!.ErreurFichier!.ShouldContain("Colonnes obligatoires absentes");
        (await Importer(admin, "")).Statut.ShouldBe(HttpStatusCode.BadRequest);
        (await Importer(admin, $"{Entete}\n\"ouvert,sans fin")).Rapport!.ErreurFichier!.ShouldContain("Guillemet");
        (await Importer(admin, "[{\"id\": ", "x.json")).Rapport!.ErreurFichier!.ShouldContain("JSON invalide");
        (await Importer(admin, "{\"a\":1}", "x.json")).Rapport!.ErreurFichier!.ShouldContain("tableau");
        (await Importer(admin, "x", "x.xlsx")).Statut.ShouldBe(HttpStatusCode.BadRequest);
        var binaire = new MultipartFormDataContent { { new ByteArrayContent([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]), "fichier", "a.csv" } };
        var r = await admin.PostAsync("/api/v1/lieux/import", binaire);
        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Import_json_de_la_cartographie_avec_cles_v01_residuelles()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "json-" + Guid.NewGuid().ToString("N")[..6];
        var json = $$"""
            [{"id":"{{id}}","pivot":"00000000000000","nom":"Espace numérique","commune":"Aubagne","code_postal":"13400",
              "adresse":"2 place de la Mairie","latitude":43.29,"longitude":5.57,"date_maj":"2024-01-15",
              "services":"Aide aux démarches administratives","labels_nationaux":"France Services|CNFS|Label inconnu",
              "publics_accueillis":"Seniors (+ 65 ans)|Surdité|Tout public"}]
            """;
        var (statut, rapport) = await Importer(admin, json, "carto.json");
        statut.ShouldBe(HttpStatusCode.OK);
        rapport!.Avertissements.ShouldContain(a => a.Colonne == "pivot");
        rapport.Avertissements.ShouldContain(a => a.Colonne == "labels_nationaux" && a.Valeur == "Label inconnu");
        var lieu = await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == id));
        lieu.DispositifProgrammesNationaux.ShouldBe("France Services|Conseillers numériques");
        lieu.PublicsSpecifiquementAdresses.ShouldBe("Seniors");
        lieu.PriseEnChargeSpecifique.ShouldBe("Surdité");
        lieu.Latitude.ShouldBe(43.29);
    }

    [Fact]
    public async Task Import_d_un_ancien_fichier_v01()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "v01-" + Guid.NewGuid().ToString("N")[..6];
        var csv = "id;pivot;nom;commune;code_postal;adresse;courriel;services;publics_accueillis;conditions_acces;labels_nationaux;labels_autres;accessibilite;cle_ban\n" +
                  $"{id};W133001234;Point numérique;Istres;13800;3 avenue Hélène Boucher;contact@pn.fr;\"Réaliser des démarches administratives avec un accompagnement|Prendre en main un smartphone ou une tablette|Tricoter\";\"Jeunes (16-26 ans)|Personnes en situation d'illettrisme\";Gratuit;\"Point numérique CAF|Aidants Connect\";Label local;https://acceslibre.beta.gouv.fr/x;13047_0001\n";
        var (statut, rapport) = await Importer(admin, csv, "ancien.csv");
        statut.ShouldBe(HttpStatusCode.OK, string.Join("; ", rapport?.Rejets.Select(r => r.Raison) ?? []));
        rapport!.Ancien.ShouldBeTrue();
        rapport.Avertissements.ShouldContain(a => a.Colonne == "services" && a.Valeur == "Tricoter");
        var l = await app.AvecDb(db => db.Lieux.SingleAsync(x => x.IdLocal == id));
        l.Courriels.ShouldBe("contact@pn.fr");
        l.Services.ShouldBe("Aide aux démarches administratives|Maîtrise des outils numériques du quotidien");
        l.PublicsSpecifiquementAdresses.ShouldBe("Jeunes");
        l.PriseEnChargeSpecifique.ShouldBe("Illettrisme");
        l.FraisACharge.ShouldBe("Gratuit");
        l.DispositifProgrammesNationaux.ShouldBe("Point d'accès numérique CAF|Aidants Connect");
        l.AutresFormationsLabels.ShouldBe("Label local");
        l.FicheAccesLibre.ShouldBe("https://acceslibre.beta.gouv.fr/x");
    }

    [Fact]
    public async Task Export_csv_32_colonnes_dans_l_ordre_et_chaque_ligne_passe_le_validateur()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "exp-" + Guid.NewGuid().ToString("N")[..6];
        var exemple = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "lieux-exemple-valide_v1.0.2.csv"));
        (await Importer(admin, exemple.Replace("\"structure-1\"", $"\"{id}\""), "exemple.csv")).Statut.ShouldBe(HttpStatusCode.OK);
        (await Importer(admin, $"{Entete}\n{Ligne(id + "-2", services: "Seniors")}".Replace("\"Seniors\"", "\"Loisirs et créations numériques|Compréhension du monde numérique\""))).Statut.ShouldBe(HttpStatusCode.OK);

        var reponse = await app.ClientAnonyme().GetAsync("/api/v1/lieux/export.csv");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var fichier = FichierLieux.Lire(await reponse.Content.ReadAsStreamAsync(), "csv");
        fichier.Colonnes.ShouldBe(StandardLieux.Colonnes);
        fichier.Lignes.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var (ligne, valeurs) in fichier.Lignes)
        {
            var problemes = new List<Probleme>();
            ValidateurLieu.Valider(valeurs, ligne, problemes).ShouldNotBeNull();
            problemes.Where(p => !(p.Colonne == "pivot" && !p.Bloquant)).ShouldBeEmpty();
            valeurs.Values.Where(v => v is not null).ShouldAllBe(v => !v!.Contains(';') || v.Length > 100 || !v.Contains('|'));
        }
        var exporte = fichier.Lignes.Single(l => l.Valeurs["id"] == id).Valeurs;
        exporte["services"].ShouldBe("Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Loisirs et créations numériques");
        exporte["source"].ShouldBe("Hubik");

        var json = await app.ClientAnonyme().GetStringAsync("/api/v1/lieux/export.json");
        var relu = FichierLieux.Lire(new MemoryStream(Encoding.UTF8.GetBytes(json)), "json");
        relu.Lignes.Count.ShouldBe(fichier.Lignes.Count);
        relu.Lignes.Single(l => l.Valeurs["id"] == id).Valeurs["telephone"].ShouldBe("+33180059880");
    }

    [Fact]
    public async Task Import_reserve_aux_administrateurs()
    {
        var csv = $"{Entete}\n{Ligne("interdit")}\n";
        (await Importer(app.ClientAnonyme(), csv)).Statut.ShouldBe(HttpStatusCode.Unauthorized);
        (await Importer(await app.ClientApiAsync(Roles.Gestionnaire), csv)).Statut.ShouldBe(HttpStatusCode.Forbidden);
        (await Importer(await app.ClientApiAsync(Roles.Financeur), csv)).Statut.ShouldBe(HttpStatusCode.Forbidden);
    }
}
