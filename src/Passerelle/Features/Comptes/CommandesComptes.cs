using Microsoft.AspNetCore.Identity;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Comptes;

/// <summary><c>admin create --email E</c>: the first administrator, password read from standard input or generated and shown once.</summary>
public sealed class CommandeCreerAdmin : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["admin", "create"];
    public string Usage => "--email E";
    public string Description => "crée un administrateur (mot de passe lu sur l'entrée standard, ou généré)";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var email = Cli.Option(args, "--email");
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
}
