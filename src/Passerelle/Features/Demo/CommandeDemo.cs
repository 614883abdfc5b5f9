using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Demo;

/// <summary><c>demo seed</c>: the demonstration territory, even when demonstration mode is off.</summary>
public sealed class CommandeDemo : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["demo", "seed"];
    public string Description => "crée le territoire de démonstration";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        await Database.PreparerAsync(app.Services, migrerPostgres: false);
        var comptes = await TerritoireDemo.SemerAsync(app.Services, force: true, CancellationToken.None);
        Console.WriteLine(comptes is null ? "Le territoire de démonstration existe déjà." : "Territoire de démonstration créé.");
        return 0;
    }
}
