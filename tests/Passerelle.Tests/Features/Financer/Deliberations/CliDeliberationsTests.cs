using System.Diagnostics;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations;

/// <summary><c>deliberations import</c> and <c>deliberations export</c>, run as a separate process on the configured database.</summary>
public class CliDeliberationsTests : IDisposable
{
    readonly string _dossier = Directory.CreateTempSubdirectory("passerelle-cli-delib-").FullName;
    readonly string[] _config;
    readonly AppFactory? _pg;

    public CliDeliberationsTests()
    {
        if (AppFactory.Postgres)
        {
            _pg = new AppFactory();
            _pg.CreateClient();
            var config = (Microsoft.Extensions.Configuration.IConfiguration)_pg.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
            _config = ["--Database:Provider=Postgres", "--ConnectionStrings:Postgres=" + config.GetConnectionStringOrThrow()];
        }
        else _config = ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(_dossier, "cli.db")}"];
    }

    async Task<(int Code, string Sortie)> Lancer(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dossier };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args.Concat(_config).Append("--Demo:Enabled=false").Append("--Logging:LogLevel:Default=Warning")) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try { await p.WaitForExitAsync(delai.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw new TimeoutException("La commande ne s'est pas terminée."); }
        return (p.ExitCode, await sortie + await erreurs);
    }

    [Fact]
    public async Task Importer_refuser_reimporter_exporter()
    {
        (await Lancer("migrate")).Code.ShouldBe(0);
        const string entete = "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL";
        const string bonne = "Métropole Exemple,20099999300013,DPV-23-412,2023-06-29,7.5,finances locales/subventions,Subventions,2023,Budget principal,PREF013,2023-07-04,240,212,200,4,8,";
        var mauvais = Path.Combine(_dossier, "mauvais.csv");
        await File.WriteAllTextAsync(mauvais, entete + "\n" + bonne + "\n" + bonne.Replace("DPV-23-412", "DPV-23-413").Replace("2023-07-04", "2023-06-01") + "\n");
        var refus = await Lancer("deliberations", "import", mauvais);
        refus.Code.ShouldBe(1);
        refus.Sortie.ShouldContain("Ligne 3, colonne PREF_DATE");
        refus.Sortie.ShouldContain("Rien n'a été importé");

        var bon = Path.Combine(_dossier, "bon.csv");
        await File.WriteAllTextAsync(bon, entete + "\n" + bonne + "\n");
        var import = await Lancer("deliberations", "import", bon);
        import.Code.ShouldBe(0, import.Sortie);
        import.Sortie.ShouldContain("1 délibération(s) ajoutée(s)");
        (await Lancer("deliberations", "import", bon)).Sortie.ShouldContain("0 délibération(s) ajoutée(s), 0 corrigée(s), 1 déjà à jour");

        var sortie = Path.Combine(_dossier, "export.csv");
        var export = await Lancer("deliberations", "export", sortie);
        export.Code.ShouldBe(0, export.Sortie);
        var texte = await File.ReadAllTextAsync(sortie);
        ValidateurScdl.Valider(texte, nomActesExact: true).ShouldBeEmpty();
        texte.ShouldContain("\"DPV-23-412\"");
    }

    public void Dispose()
    {
        _pg?.Dispose();
        try { Directory.Delete(_dossier, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
