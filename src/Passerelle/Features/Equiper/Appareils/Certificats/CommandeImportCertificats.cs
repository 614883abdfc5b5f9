using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils.Certificats;

/// <summary><c>equipement import-certificats &lt;dossier&gt; [--operateur nom]</c>: imports every nwipe report of a folder (the root
/// of a ShredOS stick: <c>nwipe_report_*.pdf</c>, <c>nwipe_log_*.txt</c>, or any <c>.pdf</c>, <c>.log</c>, <c>.txt</c>; other files
/// are listed as ignored), all or nothing (<see cref="ImporterCertificats"/>), and prints the report: one line per drive, then
/// the refusals. Exit code 0 when written, 1 when refused (nothing written), 2 for a missing folder.</summary>
public sealed class CommandeImportCertificats : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["equipement", "import-certificats"];
    public int Arguments => 1;
    public string Usage => "<dossier> [--operateur nom]";
    public string Description => "importe les certificats d'effacement nwipe (PDF, journaux) d'un dossier, tout ou rien";

    static readonly string[] Extensions = [".pdf", ".log", ".txt"];

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var dossier = args[2];
        if (!Directory.Exists(dossier)) { await Console.Error.WriteLineAsync($"Dossier introuvable : {dossier}"); return 2; }
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        var (rapport, _) = await ImporterDossierAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), dossier, Cli.Option(args, "--operateur") ?? "ligne de commande",
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        foreach (var l in Lignes(rapport)) Console.WriteLine(l);
        foreach (var e in rapport.Erreurs) await Console.Error.WriteLineAsync(e);
        return rapport.Ecrit ? 0 : 1;
    }

    /// <summary>Reads the folder's report files (not its sub-folders, not hidden files) and imports them in one go.</summary>
    public static async Task<(RapportCertificats Rapport, int Fichiers)> ImporterDossierAsync(AppDbContext db, string dossier, string operateur, TimeProvider horloge, CancellationToken ct)
    {
        var fichiers = new List<FichierCertificat>();
        var ignores = new List<string>();
        foreach (var chemin in Directory.EnumerateFiles(dossier).Order(StringComparer.Ordinal))
        {
            var nom = Path.GetFileName(chemin);
            if (nom.StartsWith('.') || !Extensions.Contains(Path.GetExtension(nom).ToLowerInvariant())) { ignores.Add(nom); continue; }
            // A file too large is not read: its size alone gets it refused.
            if (new FileInfo(chemin).Length > ImporterCertificats.TailleMax) { fichiers.Add(new(nom, new byte[ImporterCertificats.TailleMax + 1])); continue; }
            fichiers.Add(new(nom, await File.ReadAllBytesAsync(chemin, ct)));
        }
        var r = await ImporterCertificats.ExecuterAsync(db, fichiers, null, operateur, horloge, ct);
        return (r with { Ignores = ignores }, fichiers.Count);
    }

    public static IEnumerable<string> Lignes(RapportCertificats r)
    {
        foreach (var d in r.Disques)
            yield return $"{d.Fichier} ; {d.Modele} ; {d.NumeroSerie ?? "sans numéro"} ; {d.Statut} ; {d.Resultat} ; "
                + $"{(d.AppareilId is { } a ? Appareil.EtiquetteDe(a) : "—")}{(d.Reserve is null ? "" : " ; réserve : " + d.Reserve)}";
        foreach (var i in r.Ignores) yield return $"Ignoré : {i}";
        yield return r.Ecrit ? $"{r.Disques.Count} effacement(s) enregistré(s)." : "Rien n'a été enregistré.";
    }
}
