using Microsoft.AspNetCore.Identity;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Demo;
using Passerelle.Features.Lieux;

namespace Passerelle.Web;

/// <summary>Command-line entry points: same services and database as the web app, no web server.</summary>
public static class Cli
{

    /// <summary>Any first argument that is not an option is a command (an unknown one gets the help, not a web server).</summary>
    public static bool EstCommande(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static string[] Reglages(string[] args) => args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray();

    public static async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var sortie = Console.Out;
        try
        {
            return args switch
            {
                ["migrate", ..] => await Migrer(app),
                ["admin", "create", ..] => await CreerAdmin(app, Option(args, "--email")),
                ["lieux", "import", var fichier, ..] => await ImporterLieux(app, fichier, Option(args, "--format"), Option(args, "--source"), args.Contains("--lignes-valides")),
                ["lieux", "export", var fichier, ..] => await ExporterLieux(app, fichier, Option(args, "--format")),
                ["lieux", "import-france-services", var fichier, ..] => await ImporterFranceServices(app, fichier, Option(args, "--departement")),
                ["demo", "seed", ..] => await SemerDemo(app),
                ["qpv", "import", var fichier, ..] => await ImporterQpv(app, fichier),
                _ => Aide(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.DataAnnotations.ValidationException or RegleMetierException)
        {
            await Console.Error.WriteLineAsync($"Échec : {e.Message}");
            return 1;
        }
    }

    static string? Option(string[] args, string nom)
    {
        var i = Array.IndexOf(args, nom);
        if (i >= 0 && i + 1 < args.Length) return args[i + 1];
        return args.FirstOrDefault(a => a.StartsWith(nom + "="))?[(nom.Length + 1)..];
    }

    static int Aide()
    {
        Console.Error.WriteLine("""
            Commandes :
              migrate                                   applique les migrations de la base
              admin create --email E                    crée un administrateur (mot de passe lu sur l'entrée standard, ou généré)
              lieux import <fichier> [--format csv|json] [--source S] [--lignes-valides]
              lieux export <fichier> --format csv|json
              lieux import-france-services <fichier> [--departement 13]
              demo seed                                 crée le territoire de démonstration
              qpv import <fichier>                      importe la liste des quartiers prioritaires (code_qp, lib_qp, insee_dep, insee_com)
            """);
        return 2;
    }

    static async Task<int> Migrer(WebApplication app)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: true);
        Console.WriteLine("Migrations appliquées.");
        return 0;
    }

    static async Task<int> ImporterQpv(WebApplication app, string fichier)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(fichier);
        var r = await Features.Beneficiaires.Quartiers.ImporterAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), flux, CancellationToken.None);
        foreach (var e in r.Erreurs) Console.Error.WriteLine(e);
        if (r.NoteEncodage is { } note) Console.WriteLine(note);
        Console.WriteLine(r.Erreurs.Count == 0 ? $"Liste QPV : {r.Ajoutes} ajoutés, {r.MisAJour} mis à jour." : "Rien n'a été importé.");
        return r.Erreurs.Count == 0 ? 0 : 1;
    }

    static async Task<int> CreerAdmin(WebApplication app, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) { Console.Error.WriteLine("Échec : --email est obligatoire."); return 2; }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        string? motDePasse = null;
        if (Console.IsInputRedirected) motDePasse = (await Console.In.ReadLineAsync())?.Trim();
        var genere = string.IsNullOrEmpty(motDePasse);
        if (genere) motDePasse = Comptes.GenererMotDePasse();
        using var scope = app.Services.CreateScope();
        var (ok, erreur) = await Comptes.CreerAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), email, motDePasse!, Roles.Administrateur);
        if (!ok) { Console.Error.WriteLine($"Échec : {erreur}"); return 1; }
        Console.WriteLine(genere
            ? $"Administrateur {email} créé. Mot de passe (affiché une seule fois) : {motDePasse}"
            : $"Administrateur {email} créé.");
        return 0;
    }

    static async Task<int> ImporterLieux(WebApplication app, string fichier, string? format, string? source, bool lignesValides)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var flux = File.OpenRead(fichier);
        var progression = new Progress<(int Fait, int Total)>(p => Console.Error.Write($"\rÉcriture : {p.Fait}/{p.Total}"));
        var rapport = await Features.Lieux.ImporterLieux.ExecuterAsync(db, flux, FichierLieux.FormatDepuisNom(fichier, format),
            source ?? Path.GetFileNameWithoutExtension(fichier), lignesValides, TimeProvider.System, progression, CancellationToken.None);
        Console.Error.WriteLine();
        return Rapporter(rapport, avertissements: true);
    }

    static async Task<int> ExporterLieux(WebApplication app, string fichier, string? format)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var f = FichierLieux.FormatDepuisNom(fichier, format);
        var lignes = await Features.Lieux.ExporterLieux.LignesAsync(db, CancellationToken.None);
        await using (var flux = File.Create(fichier))
        {
            if (f == "json") FichierLieux.EcrireJson(lignes, flux); else FichierLieux.EcrireCsv(lignes, flux);
        }
        Console.WriteLine($"{lignes.Count} lieux exportés dans {fichier} ({f}).");
        return 0;
    }

    static async Task<int> ImporterFranceServices(WebApplication app, string fichier, string? departement)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var flux = File.OpenRead(fichier);
        var rapport = await FranceServices.ImporterAsync(db, flux, departement, TimeProvider.System, CancellationToken.None);
        return Rapporter(rapport, avertissements: false);
    }

    /// <summary>Prints an import report (rejections, optionally warnings, then the summary line); exit code 1 when nothing was written.</summary>
    static int Rapporter(RapportImport rapport, bool avertissements)
    {
        foreach (var p in rapport.Rejets.Take(200)) Console.WriteLine($"REJET ligne {p.Ligne} [{p.Colonne}] « {p.Valeur} » : {p.Raison}");
        if (avertissements)
            foreach (var p in rapport.Avertissements.Take(200)) Console.WriteLine($"AVERTISSEMENT ligne {p.Ligne} [{p.Colonne}] « {p.Valeur} » : {p.Raison}");
        if (rapport.Rejets.Count > 200 || (avertissements && rapport.Avertissements.Count > 200))
            Console.WriteLine("… (liste tronquée ; le rapport complet est dans l'interface d'administration)");
        Console.WriteLine(rapport.Resume());
        return rapport.Ecrit ? 0 : 1;
    }

    static async Task<int> SemerDemo(WebApplication app)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        var comptes = await TerritoireDemo.SemerAsync(app.Services, force: true, CancellationToken.None);
        Console.WriteLine(comptes is null ? "Le territoire de démonstration existe déjà." : "Territoire de démonstration créé.");
        return 0;
    }
}
