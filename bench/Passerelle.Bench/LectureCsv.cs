using System.Collections;
using System.Diagnostics;
using System.Runtime.Loader;

/// <summary>CSV reading alone, in this process, without a database: <c>Csv.LireTexte</c> (decoding) then <c>Csv.Lire</c> of the
/// places file, through one or more builds of the app (e.g. before and after a change), each loaded in its own context.
/// Usage: dotnet run -c Release --project bench/Passerelle.Bench -- csv --app A/Passerelle.dll [--app B/Passerelle.dll]
/// [--lieux 20000] [--tours 30]; prints, per build and per round, the median and the minimum time in ms.</summary>
static class LectureCsv
{
    public static int Executer(string[] args)
    {
        var options = Options.Lire(args);
        Directory.CreateDirectory(options.Dossier);
        var chemin = Path.Combine(options.Dossier, $"lieux-{options.Lieux}.csv");
        Generateur.Ecrire(chemin, options.Lieux);
        var octets = File.ReadAllBytes(chemin);
        var builds = args.Select((a, i) => (a, i)).Where(x => x.a == "--app" && x.i + 1 < args.Length).Select(x => Path.GetFullPath(args[x.i + 1])).ToList();
        var tours = Array.IndexOf(args, "--tours") is var t and >= 0 ? int.Parse(args[t + 1]) : 30;
        var lecteurs = builds.Select(Charger).ToList();
        Console.WriteLine($"# Lecture CSV seule — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Lieux} lieux ({octets.Length / 1e6:0.0} Mo), {tours} lectures par mesure");
        for (var round = 1; round <= 3; round++)
            for (var b = 0; b < builds.Count; b++)
            {
                var temps = new List<double>();
                for (var i = 0; i < tours + 2; i++)
                {
                    var chrono = Stopwatch.StartNew();
                    var n = lecteurs[b](octets);
                    if (i >= 2) temps.Add(chrono.Elapsed.TotalMilliseconds);
                    if (n != options.Lieux + 1) throw new InvalidOperationException($"{builds[b]} : {n} enregistrements lus.");
                }
                temps.Sort();
                Console.WriteLine($"- tour {round}, {builds[b]} : médiane {temps[temps.Count / 2]:0} ms, minimum {temps[0]:0} ms");
            }
        return 0;
    }

    static Func<byte[], int> Charger(string dll)
    {
        var resolveur = new AssemblyDependencyResolver(dll);
        var contexte = new AssemblyLoadContext(dll);
        contexte.Resolving += (c, nom) => resolveur.ResolveAssemblyToPath(nom) is { } p ? c.LoadFromAssemblyPath(p) : null;
        var csv = contexte.LoadFromAssemblyPath(dll).GetType("Passerelle.Web.Csv")!;
        var lireTexte = csv.GetMethod("LireTexte")!;
        var lire = csv.GetMethod("Lire")!;
        return octets =>
        {
            var lu = lireTexte.Invoke(null, [new MemoryStream(octets)])!;
            var texte = (string)lu.GetType().GetProperty("Contenu")!.GetValue(lu)!;
            var n = 0;
            foreach (var _ in (IEnumerable)lire.Invoke(null, [new StringReader(texte), ','])!) n++;
            return n;
        };
    }
}
