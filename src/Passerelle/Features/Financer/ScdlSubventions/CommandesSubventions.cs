using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary><c>subventions export &lt;fichier.csv&gt; [--tous]</c>: the grants as SCDL « Subventions » 2.1.1, the same file as
/// <c>/donnees/subventions.csv</c>; prints what was left out or changed, then the count.</summary>
public sealed class CommandeExporterSubventions : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["subventions", "export"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv> [--tous]";
    public string Description => "exporte les subventions (SCDL Subventions 2.1.1 ; --tous : aussi sous 23 000 € par an)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var resultat = await ExportScdlSubventions.ExporterAsync(db, args.Contains("--tous"), CancellationToken.None);
        await File.WriteAllTextAsync(args[2], resultat.Texte(), new System.Text.UTF8Encoding(false));
        foreach (var a in resultat.Avertissements.Take(500)) Console.WriteLine($"AVERTISSEMENT {a}");
        Console.WriteLine($"{resultat.Lignes.Count - 1} ligne(s) exportée(s) dans {args[2]} (SCDL Subventions {SchemaScdlSubventions.Version}), {resultat.Avertissements.Count} avertissement(s).");
        return 0;
    }
}

/// <summary><c>subventions import &lt;fichier.csv&gt; [--lignes-valides]</c>: all or nothing by default, only the valid rows with the
/// option; prints the rejections and warnings (line, column, value, reason), then <c>N lignes lues : …</c>. Exit 1 when nothing was written.</summary>
public sealed class CommandeImporterSubventions : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["subventions", "import"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv> [--lignes-valides]";
    public string Description => "importe un fichier SCDL Subventions (tout ou rien ; --lignes-valides : seulement les lignes valides)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var flux = File.OpenRead(args[2]);
        var rapport = await ImportScdlSubventions.ExecuterAsync(db, flux, args.Contains("--lignes-valides"),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        foreach (var p in rapport.Rejets.Take(500)) Console.WriteLine($"REJET {p}");
        foreach (var p in rapport.Avertissements.Take(500)) Console.WriteLine($"AVERTISSEMENT {p}");
        Console.WriteLine(rapport.Resume());
        return rapport.Ecrit ? 0 : 1;
    }
}
