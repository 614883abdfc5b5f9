using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary><c>territoires import-communes &lt;communes.json|csv&gt; [--epci epci.json] [--cog 2026] [--recensement 2023]</c>: imports the
/// communes reference (see <see cref="ImporterCommunes"/>), all or nothing; an <c>epci.json</c> lying beside a <c>communes.json</c>
/// is read for EPCI membership. Exit 0 done, 1 refused, 2 wrong usage.</summary>
public sealed class CommandeImportCommunes : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["territoires", "import-communes"];
    public int Arguments => 1;
    public string Usage => "<communes.json|csv> [--epci epci.json] [--cog 2026] [--recensement 2023]";
    public string Description => "importe le référentiel des communes (paquet Etalab découpage administratif, ou CSV de Passerelle)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var fichier = args[2];
        string? Option(string nom) => Array.IndexOf(args, nom) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (!File.Exists(fichier)) { Console.Error.WriteLine($"Fichier introuvable : {fichier}"); return 2; }
        int cog = ImporterCommunes.AnneeCogParDefaut, recensement = ImporterCommunes.AnneePopulationParDefaut;
        if ((Option("--cog") is { } c && !int.TryParse(c, out cog)) || (Option("--recensement") is { } r && !int.TryParse(r, out recensement)))
        { Console.Error.WriteLine("Les années (--cog, --recensement) sont des nombres entiers."); return 2; }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var horloge = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        RapportCommunes rapport;
        await using (var flux = File.OpenRead(fichier))
        {
            if (fichier.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var epci = Option("--epci") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fichier)) ?? ".", "epci.json");
                await using var fluxEpci = File.Exists(epci) ? File.OpenRead(epci) : null;
                if (fluxEpci is null) Console.WriteLine("Pas de fichier epci.json : les communes sont importées sans leur EPCI.");
                rapport = await ImporterCommunes.JsonAsync(db, flux, fluxEpci, cog, recensement, horloge, CancellationToken.None);
            }
            else rapport = await ImporterCommunes.CsvAsync(db, flux, horloge, CancellationToken.None);
        }
        foreach (var e in rapport.Erreurs) Console.Error.WriteLine(e);
        Console.WriteLine(rapport.Resume());
        return rapport.Erreurs.Count == 0 ? 0 : 1;
    }
}

/// <summary><c>territoires import-ifn &lt;fichier.csv&gt;</c>: imports fragility index rows (see <see cref="ImporterIndicesFragilite"/>),
/// all or nothing. Exit 0 done, 1 refused, 2 wrong usage.</summary>
public sealed class CommandeImportIfn : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["territoires", "import-ifn"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv>";
    public string Description => "importe l'indice de fragilité numérique (niveau, code, version du modèle, variante, score, cinq critères)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        if (!File.Exists(args[2])) { Console.Error.WriteLine($"Fichier introuvable : {args[2]}"); return 2; }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(args[2]);
        var r = await ImporterIndicesFragilite.ImporterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), flux,
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        foreach (var e in r.Erreurs) Console.Error.WriteLine(e);
        Console.WriteLine(r.Resume());
        return r.Erreurs.Count == 0 ? 0 : 1;
    }
}

/// <summary><c>territoires import-points &lt;cities500.txt|FR.txt&gt;</c>: gives the communes of the reference their reference point from a
/// GeoNames dump (see <see cref="ImporterPointsCommunes"/>), all or nothing. Exit 0 done, 1 refused, 2 wrong usage.</summary>
public sealed class CommandeImportPoints : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["territoires", "import-points"];
    public int Arguments => 1;
    public string Usage => "<cities500.txt|FR.txt>";
    public string Description => "pose le point de référence des communes (centre de la commune) depuis un fichier GeoNames";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        if (!File.Exists(args[2])) { Console.Error.WriteLine($"Fichier introuvable : {args[2]}"); return 2; }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(args[2]);
        var r = await ImporterPointsCommunes.GeoNamesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), flux, CancellationToken.None);
        foreach (var e in r.Erreurs) Console.Error.WriteLine(e);
        Console.WriteLine(r.Resume());
        return r.Erreurs.Count == 0 ? 0 : 1;
    }
}

/// <summary><c>territoires import-population-qpv &lt;fichier.csv&gt; [--annee 2020]</c>: sets the population of the QPV of the list with its
/// vintage (see <see cref="ImporterPopulationsQpv"/>), all or nothing. Exit 0 done, 1 refused, 2 wrong usage.</summary>
public sealed class CommandeImportPopulationQpv : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["territoires", "import-population-qpv"];
    public int Arguments => 1;
    public string Usage => "<fichier.csv> [--annee 2020]";
    public string Description => "importe la population des quartiers prioritaires (code_qp, population, année du recensement)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        if (!File.Exists(args[2])) { Console.Error.WriteLine($"Fichier introuvable : {args[2]}"); return 2; }
        int? annee = null;
        if (Array.IndexOf(args, "--annee") is var i and >= 0)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var a)) { Console.Error.WriteLine("L'année (--annee) est un nombre entier, par exemple 2020."); return 2; }
            annee = a;
        }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(args[2]);
        var r = await ImporterPopulationsQpv.ImporterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), flux, annee, CancellationToken.None);
        foreach (var e in r.Erreurs) Console.Error.WriteLine(e);
        Console.WriteLine(r.Resume());
        return r.Erreurs.Count == 0 ? 0 : 1;
    }
}
