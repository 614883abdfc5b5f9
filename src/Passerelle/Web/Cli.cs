using Passerelle.Data;

namespace Passerelle.Web;

/// <summary>A command of the command line (<c>dotnet Passerelle.dll lieux import f.csv</c>). A feature adds one by writing a
/// class that implements it (found by <see cref="Cli"/> in the assembly, parameterless constructor): the command line knows no feature.</summary>
public interface ICommandeCli
{
    /// <summary>The words that name it, e.g. ["lieux", "import"].</summary>
    IReadOnlyList<string> Mots { get; }
    /// <summary>How many arguments must follow the words (a file…); with fewer, the help is shown.</summary>
    int Arguments => 0;
    /// <summary>In the help, what follows the words: arguments and options (e.g. « &lt;fichier&gt; [--format csv|json] »).</summary>
    string Usage => "";
    /// <summary>In the help, what it does, in French.</summary>
    string Description { get; }
    /// <summary>Runs it with the whole command line; returns the exit code (0 done, 1 refused or failed, 2 wrong usage).</summary>
    Task<int> ExecuterAsync(WebApplication app, string[] args);
}

/// <summary>Command-line entry points: same services and database as the web app, no web server.</summary>
public static class Cli
{
    /// <summary>Any first argument that is not an option is a command (an unknown one gets the help, not a web server).</summary>
    public static bool EstCommande(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static string[] Reglages(string[] args) => args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray();

    /// <summary>The commands the features define, plus <c>migrate</c>, in the order of their words.</summary>
    public static IReadOnlyList<ICommandeCli> Commandes() => typeof(Cli).Assembly.GetTypes()
        .Where(t => typeof(ICommandeCli).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICommandeCli)Activator.CreateInstance(t)!)
        .OrderBy(c => c is not Migrer).ThenBy(c => string.Join(' ', c.Mots), StringComparer.Ordinal).ToList();

    public static async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var commandes = Commandes();
        var commande = commandes.FirstOrDefault(c => args.Length >= c.Mots.Count + c.Arguments && c.Mots.SequenceEqual(args.Take(c.Mots.Count)));
        if (commande is null) return Aide(commandes);
        try { return await commande.ExecuterAsync(app, args); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.DataAnnotations.ValidationException or RegleMetierException)
        {
            await Console.Error.WriteLineAsync($"Échec : {e.Message}");
            return 1;
        }
    }

    /// <summary>The value of an option, written <c>--nom valeur</c> or <c>--nom=valeur</c>; null when absent.</summary>
    public static string? Option(string[] args, string nom)
    {
        var i = Array.IndexOf(args, nom);
        if (i >= 0 && i + 1 < args.Length) return args[i + 1];
        return args.FirstOrDefault(a => a.StartsWith(nom + "="))?[(nom.Length + 1)..];
    }

    static int Aide(IEnumerable<ICommandeCli> commandes)
    {
        Console.Error.WriteLine("Commandes :");
        foreach (var c in commandes) Console.Error.WriteLine($"  {(string.Join(' ', c.Mots) + " " + c.Usage).TrimEnd(),-42}{c.Description}");
        return 2;
    }

    sealed class Migrer : ICommandeCli
    {
        public IReadOnlyList<string> Mots => ["migrate"];
        public string Description => "applique les migrations de la base";

        public async Task<int> ExecuterAsync(WebApplication app, string[] args)
        {
            await Database.PreparerAsync(app.Services, migrerPostgres: true);
            Console.WriteLine("Migrations appliquées.");
            return 0;
        }
    }
}
