using System.Diagnostics;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features;

/// <summary>The command line, run as a separate process as an operator would, on the configured database.</summary>
public class CliTests : IDisposable
{
    readonly string _dossier = Directory.CreateTempSubdirectory("passerelle-cli-").FullName;
    readonly string[] _config;
    readonly AppFactory? _pg;

    public CliTests()
    {
        if (AppFactory.Postgres)
        {
            _pg = new AppFactory(); // creates an empty database and migrates it
            _pg.CreateClient();
            var config = (Microsoft.Extensions.Configuration.IConfiguration)_pg.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
            _config = ["--Database:Provider=Postgres", "--ConnectionStrings:Postgres=" + config.GetConnectionStringOrThrow()];
        }
        else _config = ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(_dossier, "cli.db")}"];
    }

    async Task<(int Code, string Sortie, string Erreurs)> Lancer(string? entree, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _dossier };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args.Concat(_config).Append("--Demo:Enabled=false").Append("--Logging:LogLevel:Default=Warning")) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (entree is not null) await p.StandardInput.WriteLineAsync(entree);
        p.StandardInput.Close();
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try { await p.WaitForExitAsync(delai.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException($"La commande {string.Join(' ', args)} ne s'est pas terminée."); }
        return (p.ExitCode, await sortie, await erreurs);
    }

    [Fact]
    public async Task Migrer_creer_un_admin_importer_exporter()
    {
        (await Lancer(null, "migrate")).Code.ShouldBe(0);

        var admin = await Lancer("Un-mot-de-passe-solide-42", "admin", "create", "--email", "coordination@exemple.fr");
        admin.Code.ShouldBe(0, admin.Erreurs);
        admin.Sortie.ShouldContain("Administrateur coordination@exemple.fr créé.");
        admin.Sortie.ShouldNotContain("Un-mot-de-passe-solide-42");
        var genere = await Lancer(null, "admin", "create", "--email", "autre@exemple.fr");
        genere.Sortie.ShouldContain("affiché une seule fois");
        var doublon = await Lancer("Un-mot-de-passe-solide-42", "admin", "create", "--email", "coordination@exemple.fr");
        doublon.Code.ShouldNotBe(0);
        doublon.Erreurs.ShouldContain("existe déjà");
        (await Lancer("court", "admin", "create", "--email", "faible@exemple.fr")).Erreurs.ShouldContain("au moins 10 caractères");

        var exemple = Path.Combine(AppContext.BaseDirectory, "Seed", "lieux-exemple-valide_v1.0.2.csv");
        var import = await Lancer(null, "lieux", "import", exemple);
        import.Code.ShouldBe(0, import.Erreurs);
        import.Sortie.Trim().Split('\n').Last().ShouldBe("1 lignes lues : 1 créées, 0 mises à jour, 0 inchangées, 0 rejetées, 0 avertissements.");
        (await Lancer(null, "lieux", "import", exemple)).Sortie.ShouldContain("0 créées, 0 mises à jour, 1 inchangées");

        var casse = Path.Combine(_dossier, "casse.csv");
        await File.WriteAllTextAsync(casse, "id,nom\nx,y\n");
        var refuse = await Lancer(null, "lieux", "import", casse);
        refuse.Code.ShouldBe(1);
        refuse.Sortie.ShouldContain("Colonnes obligatoires absentes");

        var sortie = Path.Combine(_dossier, "export.json");
        var export = await Lancer(null, "lieux", "export", sortie, "--format", "json");
        export.Code.ShouldBe(0, export.Erreurs);
        export.Sortie.ShouldContain("1 lieux exportés");
        var relu = FichierLieux.Lire(File.OpenRead(sortie), "json");
        relu.Lignes.Single().Valeurs["nom"].ShouldBe("Anonymal");

        var fs = await Lancer(null, "lieux", "import-france-services", Path.Combine(AppContext.BaseDirectory, "Seed", "france-services_2024-08-01.csv"), "--departement", "13");
        fs.Code.ShouldBe(0, fs.Erreurs);
        fs.Sortie.ShouldContain("34 lignes lues : 34 créées");

        (await Lancer(null, "inconnue")).Code.ShouldNotBe(0);
        (await Lancer(null, "lieux", "import", Path.Combine(_dossier, "absent.csv"))).Erreurs.ShouldContain("Échec");
    }

    public void Dispose()
    {
        _pg?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dossier, true); } catch (IOException) { }
    }
}

static class ConfigExtensions
{
    public static string GetConnectionStringOrThrow(this Microsoft.Extensions.Configuration.IConfiguration c) =>
        c.GetSection("ConnectionStrings")["Postgres"] ?? throw new InvalidOperationException("ConnectionStrings:Postgres absent");
}
