using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Passerelle.Tests.Architecture;

/// <summary>What may depend on what (decision 0016), read from the compiled assembly (NetArchTest, which reads IL with Mono.Cecil)
/// and, for the clock, from the sources. A feature is a folder under <c>Features/</c> or under one of its pillars
/// (<c>Features/Reseau/Lieux</c>): its namespace <c>Passerelle.Features.X</c> or <c>Passerelle.Features.Pilier.X</c> and every
/// namespace below it; it is named X.</summary>
public class DependancesTests
{
    const string Racine = "Passerelle.Features";
    static readonly Assembly Application = typeof(Passerelle.Data.AppDbContext).Assembly;

    /// <summary>The programme's pillars: folders that group features (decision 0017), not features themselves.</summary>
    internal static readonly string[] Piliers = ["Reseau", "Accompagner", "Equiper", "Connecter", "Financer", "Former", "Piloter"];

    /// <summary>Feature name → its namespace, from the types' namespaces (the segment after <c>Passerelle.Features</c>, or after the pillar).</summary>
    static Dictionary<string, string> EspacesFonctionnalites() => Application.GetTypes()
        .Select(t => t.Namespace).OfType<string>()
        .Where(n => n.StartsWith(Racine + ".", StringComparison.Ordinal))
        .Select(n => n.Split('.'))
        .Select(p => Piliers.Contains(p[2]) && p.Length > 3 ? (Nom: p[3], Espace: $"{Racine}.{p[2]}.{p[3]}") : (Nom: p[2], Espace: $"{Racine}.{p[2]}"))
        .DistinctBy(x => x.Nom).ToDictionary(x => x.Nom, x => x.Espace);

    static string[] Fonctionnalites() => EspacesFonctionnalites().Keys.Order().ToArray();

    /// <summary>Feature → the features its types use, with one type as the witness of each edge.</summary>
    internal static Dictionary<string, Dictionary<string, string>> Graphe()
    {
        var espaces = EspacesFonctionnalites();
        var noms = Fonctionnalites();
        var graphe = noms.ToDictionary(f => f, _ => new Dictionary<string, string>());
        foreach (var f in noms)
            foreach (var g in noms.Where(g => g != f))
            {
                // ResideInNamespace is a prefix test on full type names: the final dot keeps a sibling « LieuxX » out of « Lieux ».
                var types = Types.InAssembly(Application).That().ResideInNamespace($"{espaces[f]}.")
                    .And().HaveDependencyOn(espaces[g]).GetTypes().ToList();
                var temoin = types.FirstOrDefault();
                if (temoin is not null) graphe[f][g] = temoin.FullName ?? temoin.Name;
            }
        return graphe;
    }

    /// <summary>Strongly connected components of more than one feature (Tarjan): each is a set of features that reach one another.</summary>
    internal static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graphe)
    {
        var index = new Dictionary<string, int>(); var bas = new Dictionary<string, int>();
        var pile = new Stack<string>(); var surPile = new HashSet<string>(); var composantes = new List<List<string>>();
        void Visiter(string v)
        {
            index[v] = bas[v] = index.Count; pile.Push(v); surPile.Add(v);
            foreach (var w in graphe[v].Keys)
                if (!index.ContainsKey(w)) { Visiter(w); bas[v] = Math.Min(bas[v], bas[w]); }
                else if (surPile.Contains(w)) bas[v] = Math.Min(bas[v], index[w]);
            if (bas[v] != index[v]) return;
            var c = new List<string>();
            string x;
            do { x = pile.Pop(); surPile.Remove(x); c.Add(x); } while (x != v);
            if (c.Count > 1) composantes.Add(c.Order().ToList());
        }
        foreach (var v in graphe.Keys.Order()) if (!index.ContainsKey(v)) Visiter(v);
        return composantes;
    }

    /// <summary>Cycles tolerated, edge by edge: none since the last one (records ↔ people files) was undone (decision 0016). Any edge
    /// inside a cycle fails; should a cycle ever have to be tolerated for a while, list its edges here with the reason.</summary>
    static readonly string[] CycleConnu = [];

    [Fact]
    public void Aucun_nouveau_cycle_entre_fonctionnalites()
    {
        var graphe = Graphe();
        var cycles = Cycles(graphe);
        var aretes = cycles.SelectMany(c => c.SelectMany(f => graphe[f].Where(e => c.Contains(e.Key)).Select(e => (Arete: $"{f} → {e.Key}", Temoin: e.Value)))).ToList();
        var nouvelles = aretes.Where(a => !CycleConnu.Contains(a.Arete)).Select(a => $"{a.Arete} (par exemple {a.Temoin})").ToList();
        nouvelles.ShouldBeEmpty("Nouveau cycle entre fonctionnalités (décision 0016) :\n" + string.Join("\n", nouvelles)
            + "\nCycles : " + string.Join(" ; ", cycles.Select(c => string.Join(", ", c))));
        var resolues = CycleConnu.Except(aretes.Select(a => a.Arete)).ToList();
        resolues.ShouldBeEmpty("Ces dépendances ne forment plus de cycle : retirez-les de CycleConnu.");
    }

    [Fact]
    public void Le_graphe_voit_les_dependances_connues()
    {
        // The graph is not empty by construction: bookings use places, the directory uses opening hours.
        var graphe = Graphe();
        graphe["Rendezvous"].ShouldContainKey("Lieux");
        graphe["Lieux"].ShouldContainKey("Horaires");
        Cycles(new() { ["A"] = new() { ["B"] = "a" }, ["B"] = new() { ["A"] = "b" }, ["C"] = new() { ["A"] = "c" } })
            .ShouldHaveSingleItem().ShouldBe(["A", "B"]);
    }

    /// <summary>Types of Web and Data allowed to name a feature, each with its reason (decision 0016).</summary>
    static readonly Dictionary<string, string> TransversalToleres = new()
    {
        // The one model's sets (db.Lieux…): entity configuration lives with each feature; replacing 27 sets by Set<T>() at every call
        // site is left for a change of its own.
        ["Passerelle.Data.AppDbContext"] = "les DbSet du modèle",
    };

    [Theory]
    [InlineData("Passerelle.Web")]
    [InlineData("Passerelle.Data")]
    public void Le_transversal_ne_connait_aucune_fonctionnalite(string espace)
    {
        var fautifs = Types.InAssembly(Application).That().ResideInNamespace(espace + ".")
            .And().DoNotResideInNamespace("Passerelle.Data.Migrations.")
            .And().HaveDependencyOn(Racine).GetTypes().Select(t => t.FullName!).Where(t => !TransversalToleres.ContainsKey(t)).ToList();
        fautifs.ShouldBeEmpty($"{espace} ne doit nommer aucune fonctionnalité ; chaque fonctionnalité s'enregistre elle-même.");
    }

    [Fact]
    public void Un_pilier_ne_fait_que_grouper_des_fonctionnalites()
    {
        var aPlat = Application.GetTypes().Where(t => Piliers.Any(p => t.Namespace == $"{Racine}.{p}")).Select(t => t.FullName).ToList();
        aPlat.ShouldBeEmpty("Un pilier (Features/Reseau…) ne contient que des dossiers de fonctionnalités.");
        Fonctionnalites().ShouldContain("Lieux");
        Fonctionnalites().ShouldNotContain("Reseau");
    }

    [Fact]
    public void Les_referentiels_ne_dependent_d_aucune_fonctionnalite()
    {
        var autres = EspacesFonctionnalites().Where(f => f.Key != "Referentiels").Select(f => f.Value).ToArray();
        var fautifs = Types.InAssembly(Application).That().ResideInNamespace($"{Racine}.Referentiels.")
            .And().HaveDependencyOnAny(autres).GetTypes().Select(t => t.FullName).ToList();
        fautifs.ShouldBeEmpty("Les référentiels nationaux ne dépendent d'aucune fonctionnalité.");
        Fonctionnalites().ShouldContain("Referentiels");
    }

    static readonly Regex HeureSysteme = new(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b", RegexOptions.Compiled);

    /// <summary>Lines of C# under <c>src/</c> (migrations excepted) that read the system clock instead of the injected <see cref="TimeProvider"/>.</summary>
    internal static List<string> LecturesHorloge(string sources) => Directory
        .EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains("Migrations") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
        .SelectMany(f => File.ReadLines(f).Select((l, i) => (f, l, i)))
        .Where(x => !x.l.TrimStart().StartsWith("//", StringComparison.Ordinal) && HeureSysteme.IsMatch(x.l))
        .Select(x => $"{Path.GetRelativePath(sources, x.f)}:{x.i + 1}: {x.l.Trim()}").ToList();

    static string DossierSources()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Passerelle.slnx"))) d = d.Parent;
        return Path.Combine(d?.FullName ?? throw new DirectoryNotFoundException("Passerelle.slnx introuvable au-dessus des tests."), "src");
    }

    [Fact]
    public void L_heure_vient_de_l_horloge_injectee()
    {
        var lectures = LecturesHorloge(DossierSources());
        lectures.ShouldBeEmpty("Lire l'heure par le TimeProvider injecté :\n" + string.Join("\n", lectures));
    }

    [Fact]
    public void Le_controle_de_l_horloge_repere_une_lecture_directe()
    {
        var dossier = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dossier.FullName, "A.cs"), "var t = DateTime.UtcNow;\n// DateTime.Now in a comment\n");
            Directory.CreateDirectory(Path.Combine(dossier.FullName, "Migrations"));
            File.WriteAllText(Path.Combine(dossier.FullName, "Migrations", "B.cs"), "var t = DateTime.Now;");
            LecturesHorloge(dossier.FullName).ShouldHaveSingleItem().ShouldStartWith("A.cs:1:");
        }
        finally { dossier.Delete(true); }
    }
}
