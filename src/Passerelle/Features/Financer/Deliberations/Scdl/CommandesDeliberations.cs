using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary><c>deliberations export &lt;fichier.csv&gt;</c>: the register as SCDL « Délibérations » 2.1.5.</summary>
public sealed class CommandeExporterDeliberations : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["deliberations", "export"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv>";
    public string Description => "exporte le registre des délibérations (SCDL Délibérations 2.1.5)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        int n;
        await using (var sortie = new StreamWriter(args[2], false, new System.Text.UTF8Encoding(false)))
            n = await ExportScdl.EcrireAsync(db, sortie, CancellationToken.None);
        Console.WriteLine($"{n} délibération(s) exportée(s) dans {args[2]} (SCDL Délibérations {ExportScdl.Version}).");
        return 0;
    }
}

/// <summary><c>deliberations import &lt;fichier.csv&gt;</c>: all or nothing, with the report line by line; exit 1 when refused.</summary>
public sealed class CommandeImporterDeliberations : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["deliberations", "import"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv>";
    public string Description => "importe un fichier SCDL Délibérations 2.1.5 (tout ou rien)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var flux = File.OpenRead(args[2]);
        var rapport = await ImportScdl.ExecuterAsync(db, flux, $"import en ligne de commande ({Path.GetFileName(args[2])})",
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        if (rapport.Note is { } note) Console.WriteLine(note);
        foreach (var e in rapport.Erreurs.Take(500)) Console.WriteLine(e);
        Console.WriteLine(rapport.Resume());
        return rapport.Ecrit ? 0 : 1;
    }
}
