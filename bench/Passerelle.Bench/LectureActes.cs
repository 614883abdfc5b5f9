using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>Reading council acts, in this process, without a database, through a build of the app loaded in its own context:
/// field-level accuracy over the development corpus (expected.json, same comparison rules as the tests), then the median time
/// to read one act from its text and one ~10-page PDF (text layer extraction + reading).
/// Usage: dotnet run -c Release --project bench/Passerelle.Bench -- actes [--app path/Passerelle.dll]
/// [--corpus tests/Passerelle.Tests/Donnees/deliberations-exemples] [--tours 30].</summary>
static class LectureActes
{
    public static int Executer(string[] args)
    {
        string? V(string nom) { var i = Array.IndexOf(args, nom); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var dll = Path.GetFullPath(V("--app") ?? "src/Passerelle/bin/Release/net10.0/Passerelle.dll");
        var corpus = Path.GetFullPath(V("--corpus") ?? "tests/Passerelle.Tests/Donnees/deliberations-exemples");
        var tours = int.Parse(V("--tours") ?? "30");
        var (lire, extraire) = Charger(dll);
        Console.WriteLine($"# Lecture d'actes — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {dll}");

        using var attendus = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "expected.json")));
        var parChamp = new SortedDictionary<string, (int Justes, int Total)>(StringComparer.Ordinal);
        var textes = new List<string>();
        foreach (var cas in attendus.RootElement.GetProperty("cas").EnumerateArray())
        {
            var texte = File.ReadAllText(Path.Combine(corpus, cas.GetProperty("fichier").GetString()!));
            textes.Add(texte);
            var lu = JsonDocument.Parse(lire(texte)).RootElement;
            foreach (var champ in cas.GetProperty("attendu").EnumerateObject())
            {
                var juste = lu.TryGetProperty(champ.Name, out var l) && Egal(champ.Name, champ.Value, l);
                var (j, t) = parChamp.GetValueOrDefault(champ.Name);
                parChamp[champ.Name] = (j + (juste ? 1 : 0), t + 1);
                if (!juste) Console.WriteLine($"  écart {cas.GetProperty("fichier").GetString()} — {champ.Name}");
            }
        }
        Console.WriteLine($"\n## Exactitude par champ ({textes.Count} actes)");
        foreach (var (champ, (j, t)) in parChamp) Console.WriteLine($"- {champ} : {j}/{t} ({100.0 * j / t:0.#} %)");
        int justes = parChamp.Values.Sum(x => x.Justes), total = parChamp.Values.Sum(x => x.Total);
        Console.WriteLine($"- **ensemble : {justes}/{total} ({100.0 * justes / total:0.0} %)**");

        var temps = new List<double>();
        for (var i = 0; i < tours + 2; i++)
            foreach (var t in textes)
            {
                var chrono = Stopwatch.StartNew();
                lire(t);
                if (i >= 2) temps.Add(chrono.Elapsed.TotalMilliseconds);
            }
        temps.Sort();
        Console.WriteLine($"\n## Temps\n- lire un acte depuis son texte : médiane {temps[temps.Count / 2]:0.00} ms, p95 {temps[(int)(temps.Count * 0.95)]:0.00} ms ({temps.Count} lectures)");

        // About ten pages: the first four acts of the corpus, one after the other, as one PDF.
        var pdf = Pdf.Ecrire(string.Join("\f", textes.Take(4)));
        var pages = Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        var tempsPdf = new List<double>();
        for (var i = 0; i < Math.Max(5, tours / 3) + 1; i++)
        {
            var chrono = Stopwatch.StartNew();
            lire(extraire(pdf));
            if (i >= 1) tempsPdf.Add(chrono.Elapsed.TotalMilliseconds);
        }
        tempsPdf.Sort();
        Console.WriteLine($"- lire un PDF de {pages} pages ({pdf.Length / 1024} ko : extraction du texte + lecture) : médiane {tempsPdf[tempsPdf.Count / 2]:0} ms ({tempsPdf.Count} lectures)");
        return 0;
    }

    static (Func<string, string> Lire, Func<byte[], string> Extraire) Charger(string dll)
    {
        var resolveur = new AssemblyDependencyResolver(dll);
        var contexte = new AssemblyLoadContext(dll);
        contexte.Resolving += (c, nom) => resolveur.ResolveAssemblyToPath(nom) is { } p ? c.LoadFromAssemblyPath(p) : null;
        var app = contexte.LoadFromAssemblyPath(dll);
        const string Ns = "Passerelle.Features.Financer.Deliberations.Lecture.";
        var lecteur = Activator.CreateInstance(app.GetType(Ns + "LecteurActes")!)!;
        var lireMethode = lecteur.GetType().GetMethod("Lire")!;
        var json = app.GetType(Ns + "PropositionJson")!.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == "Ecrire" && m.GetParameters().Length == 2);
        var extracteur = Activator.CreateInstance(app.GetType(Ns + "ExtracteurTextePdf")!)!;
        var extraire = extracteur.GetType().GetMethod("Extraire")!;
        return (texte => (string)json.Invoke(null, [lireMethode.Invoke(lecteur, [texte]), false])!,
            octets => (string)extraire.Invoke(extracteur, [new MemoryStream(octets), CancellationToken.None])!);
    }

    static bool Egal(string champ, JsonElement a, JsonElement l) => champ switch
    {
        "collectivite" or "objet" or "president" or "rapporteur" or "lieu" =>
            a.ValueKind == l.ValueKind && (a.ValueKind == JsonValueKind.Null || Texte(a.GetString()) == Texte(l.GetString())),
        "beneficiaires" => l.ValueKind == JsonValueKind.Array && a.GetArrayLength() == l.GetArrayLength()
            && a.EnumerateArray().Zip(l.EnumerateArray()).All(p => Nom(p.First.GetProperty("nom").GetString()) == Nom(p.Second.GetProperty("nom").GetString())
                && p.First.GetProperty("montant_eur").GetDecimal() == p.Second.GetProperty("montant_eur").GetDecimal()
                && p.First.GetProperty("nature").GetString() == p.Second.GetProperty("nature").GetString()),
        "engagements" => l.ValueKind == JsonValueKind.Array && a.GetArrayLength() == l.GetArrayLength()
            && a.EnumerateArray().All(e => l.EnumerateArray().Any(x => Texte(x.GetString()).Contains(Texte(e.GetString())))),
        "montant_total_eur" => a.ValueKind == l.ValueKind && (a.ValueKind == JsonValueKind.Null || a.GetDecimal() == l.GetDecimal()),
        _ => JsonElement.DeepEquals(a, l),
    };

    static string Texte(string? s) => Regex.Replace((s ?? "").Normalize(NormalizationForm.FormC).Trim(), @"\s+", " ").ToLower(CultureInfo.InvariantCulture);

    static string Nom(string? s) => Regex.Replace(Texte(s).Replace("«", "").Replace("»", ""), @"^(?:l'association|association)\s+", "").Trim();

    /// <summary>Writes the acts as a PDF (PDFsharp, DejaVu Sans Mono kept in tests/polices), 60 lines a page.</summary>
    static class Pdf
    {
        static readonly string Police = System.IO.Path.Combine(AppContext.BaseDirectory, "polices", "DejaVuSansMono.ttf");

        sealed class Polices : PdfSharp.Fonts.IFontResolver
        {
            public PdfSharp.Fonts.FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new("mono");
            public byte[]? GetFont(string faceName) => File.ReadAllBytes(Police);
        }

        public static byte[] Ecrire(string texte)
        {
            PdfSharp.Fonts.GlobalFontSettings.FontResolver ??= new Polices();
            var document = new PdfSharp.Pdf.PdfDocument();
            var police = new PdfSharp.Drawing.XFont("mono", 8);
            foreach (var page in texte.Split('\f'))
            {
                var lignes = page.Split('\n');
                for (var debut = 0; debut < lignes.Length; debut += 60)
                {
                    var p = document.AddPage();
                    using var g = PdfSharp.Drawing.XGraphics.FromPdfPage(p);
                    var y = 40.0;
                    foreach (var ligne in lignes.Skip(debut).Take(60))
                    {
                        var x = 30.0;
                        foreach (var morceau in Regex.Split(ligne, @"(?<=\S)(?=\s{2,})|(?<=\s{2,})(?=\S)"))
                        {
                            if (morceau.Trim().Length > 0) g.DrawString(morceau, police, PdfSharp.Drawing.XBrushes.Black, x, y);
                            x += morceau.Length * 4.8;
                        }
                        y += 12.5;
                    }
                }
            }
            using var flux = new MemoryStream();
            document.Save(flux);
            return flux.ToArray();
        }
    }
}
