using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Set by <see cref="Actif"/>: the demo is on only when asked for, or on the embedded default database.</summary>
    public bool Enabled { get; set; }
    /// <summary>Where the generated demo accounts are written, relative to the content root (owner-only rights).</summary>
    public string FichierComptes { get; set; } = "data/demo-comptes.txt";

    /// <summary>The shipped SQLite connection string: the README's run command, nothing configured.</summary>
    public const string BaseEmbarquee = "Data Source=data/passerelle.db";

    /// <summary>Section <c>Demo</c> as written, before the default rule: <c>Enabled</c> absent means "decide from the database".</summary>
    sealed class Saisie
    {
        public bool? Enabled { get; set; }
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Demo:FichierComptes : indiquez un chemin de fichier.")]
        public string FichierComptes { get; set; } = "data/demo-comptes.txt";
    }

    /// <summary>Section <c>Demo</c>, read before the container exists (it decides whether demo data is seeded) and validated
    /// (a value that is not true/false stops the start with a French message); <see cref="Enabled"/> follows <see cref="Actif"/>.</summary>
    public static DemoOptions Lire(IConfiguration config)
    {
        var saisie = config.Lire<Saisie>("Demo");
        return new DemoOptions
        {
            FichierComptes = saisie.FichierComptes,
            Enabled = saisie.Enabled
                ?? (string.Equals(config["Database:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase)
                    && config["ConnectionStrings:Sqlite"] == BaseEmbarquee),
        };
    }

    /// <summary><c>Demo:Enabled</c> when set; otherwise on only for the embedded default SQLite file, so that a
    /// production database (PostgreSQL, or any configured SQLite file) never receives demo accounts.</summary>
    public static bool Actif(IConfiguration config) => Lire(config).Enabled;

    public static string CheminRelatif(IServiceProvider sp) =>
        sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.FichierComptes;
}

/// <summary>The demo territory: the Métropole Aix-Marseille-Provence with the real France Services of
/// the Bouches-du-Rhône and generated (fictitious) structures, places and mediators.</summary>
public static class TerritoireDemo
{
    public const string Source = "Démonstration Passerelle";

    // Communes of the Métropole with a representative point (INSEE, postcode, lat, lon).
    static readonly (string Nom, string Insee, string Cp, double Lat, double Lon)[] Communes =
    [
        ("Marseille", "13055", "13001", 43.2965, 5.3698), ("Aix-en-Provence", "13001", "13100", 43.5297, 5.4474),
        ("Martigues", "13056", "13500", 43.4053, 5.0476), ("Aubagne", "13005", "13400", 43.2927, 5.5708),
        ("Istres", "13047", "13800", 43.5151, 4.9895), ("Salon-de-Provence", "13103", "13300", 43.6403, 5.0972),
        ("Vitrolles", "13117", "13127", 43.4600, 5.2486), ("Marignane", "13054", "13700", 43.4160, 5.2145),
        ("La Ciotat", "13028", "13600", 43.1748, 5.6046), ("Miramas", "13063", "13140", 43.5822, 5.0016),
        ("Gardanne", "13041", "13120", 43.4549, 5.4691), ("Port-de-Bouc", "13077", "13110", 43.4050, 4.9870),
        ("Port-Saint-Louis-du-Rhône", "13078", "13230", 43.3872, 4.8061), ("Septèmes-les-Vallons", "13106", "13240", 43.3986, 5.3658),
    ];

    // Fictitious organisations named the way real ones are (type, name, index in Communes).
    static readonly (string Type, string Nom, int Commune)[] Organisations =
    [
        ("ASSO", "Association Rencontres Numériques du Panier", 0), ("CCAS", "CCAS d'Aix-en-Provence", 1),
        ("BIB", "Médiathèque Louis Aragon", 2), ("EPN", "Espace public numérique d'Aubagne", 3),
        ("MUNI", "Ville d'Istres — Point numérique", 4), ("CS", "Centre social Saint-Just", 0),
        ("TIERS_LIEUX", "Tiers-lieu La Fabrique salonaise", 5), ("ASSO", "Association Lien Numérique Vitrollais", 6),
        ("CCAS", "CCAS de Marignane", 7), ("BIB", "Médiathèque Simone Veil de La Ciotat", 8),
        ("EPN", "Cyberbase de Miramas", 9), ("MUNI", "Ville de Gardanne — Maison des services au public", 10),
    ];

    static string De(string commune) => "AEIOUÉÈÂÎ".Contains(commune[0]) ? $"d'{commune}" : $"de {commune}";

    /// <summary>Seeds once; returns the generated accounts (role, email, password), or null if already there.</summary>
    public static async Task<List<(string Role, string Email, string MotDePasse)>?> SemerAsync(IServiceProvider services, bool force, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (!options.Enabled && !force) return null;
        if (await db.Structures.AnyAsync(s => s.Demo, ct)) return null;
        var horloge = sp.GetRequiredService<TimeProvider>();
        var env = sp.GetRequiredService<IWebHostEnvironment>();

        // The real France Services of the Bouches-du-Rhône.
        var fichierFs = Path.Combine(AppContext.BaseDirectory, "Seed", "france-services_2024-08-01.csv");
        await using (var flux = File.OpenRead(fichierFs))
            await FranceServices.ImporterAsync(db, flux, "13", horloge, ct);

        Randomizer.Seed = new Random(13);
        var faker = new Faker("fr");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdHui = DateOnly.FromDateTime(maintenant);

        var metropole = new Structure { Nom = "Métropole Aix-Marseille-Provence — Direction Politique de la Ville", Siret = SiretDemo(new Faker("fr")), Typologie = "EPCI", Commune = "Marseille", CodePostal = "13007", Adresse = "58 boulevard Charles Livon", Demo = true };
        var portSaintLouis = new Structure { Nom = "Commune de Port-Saint-Louis-du-Rhône", Siret = SiretDemo(new Faker("fr")), Typologie = "MUNI", Commune = "Port-Saint-Louis-du-Rhône", CodePostal = "13230", Adresse = "Hôtel de ville, place Gabriel Péri", Demo = true };
        db.Structures.AddRange(metropole, portSaintLouis);
        var structures = new List<Structure> { metropole, portSaintLouis };
        foreach (var (type, nom, indexCommune) in Organisations)
        {
            var commune = Communes[indexCommune];
            var s = new Structure
            {
                Nom = nom, Siret = type == "ASSO" ? null : SiretDemo(faker), Rna = type == "ASSO" ? $"W{faker.Random.ReplaceNumbers("13#######")}" : null,
                Typologie = type, Commune = commune.Nom, CodePostal = commune.Cp, Adresse = faker.Address.StreetAddress(),
                Telephone = "+334" + faker.Random.ReplaceNumbers("########"), Courriel = $"contact{structures.Count}@exemple.org", Demo = true,
            };
            structures.Add(s);
            db.Structures.Add(s);
        }
        await db.SaveChangesAsync(ct);

        var lieux = new List<Lieu>();
        Lieu Creer(string id, string nom, (string Nom, string Insee, string Cp, double Lat, double Lon) c, string adresse, Structure s, string services, string horaires, double lat, double lon, string? itinerance = "Fixe", string? publics = null, string? prise = null)
        {
            var lieu = new Lieu { Source = Source, IdLocal = id, StructureId = s.Id, Demo = true };
            lieu.Appliquer(new LigneLieu(id, s.Siret ?? s.Rna!, nom, c.Nom, c.Cp, c.Insee, adresse, null, lat, lon, s.Typologie,
                "+334" + faker.Random.ReplaceNumbers("########"), $"accueil.{id}@exemple.org", null, horaires,
                "Lieu de démonstration : données fictives générées pour présenter Passerelle.", null, Source, itinerance, s.Nom,
                aujourdHui, services, publics, prise, faker.PickRandom("Gratuit", "Gratuit", "Gratuit sous condition"),
                faker.Random.Bool(0.4f) ? "Conseillers numériques" : null, null, null,
                "Se présenter|Téléphoner", faker.PickRandom("Accompagnement individuel|Dans un atelier collectif", "Accompagnement individuel", "En autonomie|Accompagnement individuel|Dans un atelier collectif"),
                null, null), maintenant);
            db.Lieux.Add(lieu);
            lieux.Add(lieu);
            return lieu;
        }

        // The place of the partnership convention (next issue): Maison France Service of Port-Saint-Louis-du-Rhône.
        Creer("demo-mfs-port-saint-louis", "Maison France Service de Port-Saint-Louis-du-Rhône", Communes[12], "4 rue Jean Rouget", portSaintLouis,
            "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Accès internet et matériel informatique",
            "Mo-Fr 08:30-12:00,13:30-17:00; PH off", 43.3878, 4.8046, publics: "Seniors|Familles et/ou enfants");
        Creer("demo-mediabus-amp", "Médiabus numérique de la Métropole", Communes[0], "Stationnement selon le planning", metropole,
            "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives", "Tu,Th 09:00-12:00,14:00-17:00; PH off", 43.3, 5.4, itinerance: "Itinérant");
        var n = 0;
        foreach (var s in structures.Skip(2))
        {
            for (var k = 0; k < 3; k++)
            {
                var c = Communes[(n + k) % Communes.Length];
                var servicesLieu = string.Join('|', faker.PickRandom(StandardLieux.Services, faker.Random.Int(2, 4)).Distinct());
                var horaires = faker.PickRandom("Mo-Fr 09:00-12:00,14:00-17:00; PH off", "Tu-Sa 10:00-12:30,13:30-18:00; PH off",
                    "Mo,We,Fr 09:00-12:00; PH off", "Mo-Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00; PH off", "We 14:00-18:00; Sa 09:30-12:30");
                // The first place of a structure is in its own commune, the others nearby in the Métropole.
                if (k == 0) c = Communes.First(x => x.Nom == s.Commune);
                Creer($"demo-{++n}", $"{s.Nom} — {faker.PickRandom("accueil", "antenne", "point numérique")} {De(c.Nom)}", c,
                    faker.Address.StreetAddress(), s, servicesLieu, horaires, c.Lat + faker.Random.Double(-0.02, 0.02), c.Lon + faker.Random.Double(-0.02, 0.02),
                    publics: faker.Random.Bool(0.3f) ? "Seniors" : null, prise: faker.Random.Bool(0.2f) ? "Langues étrangères (autres)|Illettrisme" : null);
            }
        }
        await db.SaveChangesAsync(ct);

        // The ANCT list has Port-Saint-Louis's France Services too: the demo's Maison France Service stands for it, so the commune shows one.
        var maisonFs = lieux.Single(l => l.IdLocal == "demo-mfs-port-saint-louis");
        maisonFs.DispositifProgrammesNationaux = "France Services";
        foreach (var doublon in await db.Lieux.Where(l => l.Source == FranceServices.Source && l.CodeInsee == maisonFs.CodeInsee).ToListAsync(ct)) doublon.Archive = true;

        var employes = new List<(Mediateur Mediateur, Structure Structure)>();
        for (var i = 0; i < 30; i++)
        {
            var s = structures[2 + i % (structures.Count - 2)];
            var m = new Mediateur
            {
                Prenom = faker.Name.FirstName(), Nom = faker.Name.LastName(), Courriel = $"mediateur{i}@exemple.org",
                ConseillerNumerique = faker.Random.Bool(0.5f), AidantsConnect = faker.Random.Bool(0.3f), Demo = true,
            };
            m.Employer(s.Id, aujourdHui.AddMonths(-faker.Random.Int(1, 36)), null);
            m.Lieux.AddRange(lieux.Where(l => l.StructureId == s.Id).Take(2));
            db.Mediateurs.Add(m);
            employes.Add((m, s));
        }
        await db.SaveChangesAsync(ct);
        // Slots and workshops at the first place of five structures: two in Marseille, then Aix-en-Provence, Martigues, Aubagne.
        await AgendaDemo.SemerAsync(db, [.. new[] { 0, 5, 1, 2, 3 }.Select(i => structures[2 + i])
            .Select(s => new AgendaDemo.Equipe(lieux.First(l => l.StructureId == s.Id), employes.First(e => e.Structure == s).Mediateur))], horloge, ct);

        // One account per role, with passwords generated now (never a fixed one).
        var users = sp.GetRequiredService<UserManager<IdentityUser>>();
        var comptes = new List<(string Role, string Email, string MotDePasse)>();
        foreach (var (role, email) in new[] { (Roles.Administrateur, "admin@demo.passerelle.test"), (Roles.Gestionnaire, "gestionnaire@demo.passerelle.test"),
                     (Roles.Mediateur, "mediateur@demo.passerelle.test"), (Roles.Financeur, "financeur@demo.passerelle.test") })
        {
            var mdp = Comptes.Comptes.GenererMotDePasse();
            var (ok, _) = await Comptes.Comptes.CreerAsync(users, email, mdp, role);
            if (ok) comptes.Add((role, email, mdp));
        }
        var gestionnaire = await users.FindByEmailAsync("gestionnaire@demo.passerelle.test");
        // The manager runs the Métropole's team (which employs the demo mediator) and the commune's Maison France Service.
        if (gestionnaire is not null)
            db.GestionsStructures.AddRange(new GestionStructure { UtilisateurId = gestionnaire.Id, StructureId = portSaintLouis.Id },
                new GestionStructure { UtilisateurId = gestionnaire.Id, StructureId = metropole.Id });
        var mediateurUser = await users.FindByEmailAsync("mediateur@demo.passerelle.test");
        if (mediateurUser is not null)
        {
            var m = new Mediateur { Prenom = "Camille", Nom = "Médiatrice (démo)", Courriel = "mediateur@demo.passerelle.test", ConseillerNumerique = true, Demo = true, UtilisateurId = mediateurUser.Id };
            m.Employer(metropole.Id, new DateOnly(2024, 9, 1), null);
            m.Lieux.Add(lieux[0]);
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync(ct);
            var acte = await DeliberationsDemo.SemerAsync(db, horloge, ct);
            await ConventionDemo.SemerAsync(db, metropole, portSaintLouis, lieux[0].Id, m, horloge, ct, acte);
            await ActivitesDemo.SemerAsync(db, metropole.Id, m.Id, horloge, ct);
            await EquipementDemo.SemerAsync(db, horloge, ct);
            comptes.AddRange(await ConnexionDemo.SemerAsync(sp, db, metropole, horloge, ct));
            await FinancementDemo.SemerAsync(db, horloge, ct);
            await ParcoursDemo.SemerAsync(db, gestionnaire?.Id, m, horloge, ct);
            await RapportsDemo.SemerAsync(db, gestionnaire?.Id, horloge, ct);
            await PilotageDemo.SemerAsync(db, horloge, ct);
        }
        await db.SaveChangesAsync(ct);

        var chemin = Path.Combine(env.ContentRootPath, options.FichierComptes);
        Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
        // Created with owner-only rights before anything is written (on Linux and macOS).
        var droits = OperatingSystem.IsWindows() ? new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write }
            : new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        if (!OperatingSystem.IsWindows() && File.Exists(chemin)) File.SetUnixFileMode(chemin, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using (var fichier = new StreamWriter(chemin, System.Text.Encoding.UTF8, droits))
            foreach (var c in comptes) await fichier.WriteLineAsync($"{c.Role.ToLowerInvariant()} {c.Email} {c.MotDePasse}".AsMemory(), ct);
        return comptes;
    }

    static string SiretDemo(Faker f)
    {
        // 13 random digits then the Luhn key, so that demo SIRETs validate.
        while (true)
        {
            var debut = f.Random.ReplaceNumbers("2#############")[..13];
            for (var cle = 0; cle < 10; cle++)
                if (Identifiants.SiretValide(debut + cle)) return debut + cle;
        }
    }
}
