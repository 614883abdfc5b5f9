using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>The places' commands: import and export in the national standard, import of the France Services list.</summary>
public abstract class CommandeLieux : ICommandeCli
{
    public abstract IReadOnlyList<string> Mots { get; }
    public int Arguments => 1;
    public abstract string Usage { get; }
    public abstract string Description { get; }
    protected abstract Task<int> ExecuterAsync(AppDbContext db, string fichier, string[] args);

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        try { return await ExecuterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), args[2], args); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            await Console.Error.WriteLineAsync($"Échec : {e.Message}");
            return 1;
        }
    }

    /// <summary>Prints an import report (rejections, optionally warnings, then the summary line); exit code 1 when nothing was written.</summary>
    protected static int Rapporter(RapportImport rapport, bool avertissements)
    {
        foreach (var p in rapport.Rejets.Take(200)) Console.WriteLine($"REJET ligne {p.Ligne} [{p.Colonne}] « {p.Valeur} » : {p.Raison}");
        if (avertissements)
            foreach (var p in rapport.Avertissements.Take(200)) Console.WriteLine($"AVERTISSEMENT ligne {p.Ligne} [{p.Colonne}] « {p.Valeur} » : {p.Raison}");
        if (rapport.Rejets.Count > 200 || (avertissements && rapport.Avertissements.Count > 200))
            Console.WriteLine("… (liste tronquée ; le rapport complet est dans l'interface d'administration)");
        Console.WriteLine(rapport.Resume());
        return rapport.Ecrit ? 0 : 1;
    }
}

public sealed class CommandeImporterLieux : CommandeLieux
{
    public override IReadOnlyList<string> Mots => ["lieux", "import"];
    public override string Usage => "<fichier> [--format csv|json] [--source S] [--lignes-valides]";
    public override string Description => "importe des lieux au standard national";

    protected override async Task<int> ExecuterAsync(AppDbContext db, string fichier, string[] args)
    {
        await using var flux = File.OpenRead(fichier);
        var progression = new Progress<(int Fait, int Total)>(p => Console.Error.Write($"\rÉcriture : {p.Fait}/{p.Total}"));
        var rapport = await ImporterLieux.ExecuterAsync(db, flux, FichierLieux.FormatDepuisNom(fichier, Cli.Option(args, "--format")),
            Cli.Option(args, "--source") ?? Path.GetFileNameWithoutExtension(fichier), args.Contains("--lignes-valides"), TimeProvider.System, progression, CancellationToken.None);
        Console.Error.WriteLine();
        return Rapporter(rapport, avertissements: true);
    }
}

public sealed class CommandeExporterLieux : CommandeLieux
{
    public override IReadOnlyList<string> Mots => ["lieux", "export"];
    public override string Usage => "<fichier> --format csv|json";
    public override string Description => "exporte les lieux au standard national";

    protected override async Task<int> ExecuterAsync(AppDbContext db, string fichier, string[] args)
    {
        var f = FichierLieux.FormatDepuisNom(fichier, Cli.Option(args, "--format"));
        var lignes = await ExporterLieux.LignesAsync(db, CancellationToken.None);
        await using (var flux = File.Create(fichier))
        {
            if (f == "json") FichierLieux.EcrireJson(lignes, flux); else FichierLieux.EcrireCsv(lignes, flux);
        }
        Console.WriteLine($"{lignes.Count} lieux exportés dans {fichier} ({f}).");
        return 0;
    }
}

public sealed class CommandeImporterFranceServices : CommandeLieux
{
    public override IReadOnlyList<string> Mots => ["lieux", "import-france-services"];
    public override string Usage => "<fichier> [--departement 13]";
    public override string Description => "importe la liste des maisons France Services";

    protected override async Task<int> ExecuterAsync(AppDbContext db, string fichier, string[] args)
    {
        await using var flux = File.OpenRead(fichier);
        var rapport = await FranceServices.ImporterAsync(db, flux, Cli.Option(args, "--departement"), TimeProvider.System, CancellationToken.None);
        return Rapporter(rapport, avertissements: false);
    }
}
