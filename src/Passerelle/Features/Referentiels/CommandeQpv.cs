using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Referentiels;

/// <summary><c>qpv import &lt;fichier&gt;</c>: replaces or completes the list of priority neighbourhoods (see <see cref="Quartiers.ImporterAsync"/>).</summary>
public sealed class CommandeQpv : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["qpv", "import"];
    public int Arguments => 1;
    public string Usage => "<fichier>";
    public string Description => "importe la liste des quartiers prioritaires (code_qp, lib_qp, insee_dep, insee_com)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        using var scope = app.Services.CreateScope();
        await using var flux = File.OpenRead(args[2]);
        var r = await Quartiers.ImporterAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), flux, CancellationToken.None);
        foreach (var e in r.Erreurs) Console.Error.WriteLine(e);
        if (r.NoteEncodage is { } note) Console.WriteLine(note);
        Console.WriteLine(r.Erreurs.Count == 0 ? $"Liste QPV : {r.Ajoutes} ajoutés, {r.MisAJour} mis à jour." : "Rien n'a été importé.");
        return r.Erreurs.Count == 0 ? 0 : 1;
    }
}
