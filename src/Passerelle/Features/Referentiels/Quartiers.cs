using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;

namespace Passerelle.Features.Referentiels;

/// <summary>A priority neighbourhood of the city policy (quartier prioritaire de la politique de la ville, 2024 geography, décret
/// n° 2023-1314; list published by the ANCT, shipped as Seed/qpv-2024_paca.csv, see SOURCES.md).</summary>
public sealed partial class Qpv
{
    public string Code { get; set; } = "";
    public string Nom { get; set; } = "";
    public string Departement { get; set; } = "";
    /// <summary>INSEE codes of the communes it spans, |-joined.</summary>
    public string CodesInsee { get; set; } = "";
    /// <summary>Population of the neighbourhood (INSEE/ANCT) and its year, when imported (optional columns <c>population</c>,
    /// <c>annee_population</c>).</summary>
    public int? Population { get; set; }
    public int? AnneePopulation { get; set; }
    /// <summary>Reference point for distances (WGS 84 degrees, optional columns <c>latitude</c>, <c>longitude</c>), null when unknown.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>The shape of a QPV code of the 2024 geography (décret n° 2023-1314; every code of the ANCT list shipped in
    /// Seed/qpv-2024_paca.csv): « QN », the département on 3 characters (« 013 », « 971 », « 02A »), 2 digits, one letter —
    /// « QN01371N ». « QNABCDEF » and the 2015 codes (« QP013001 ») are refused.</summary>
    public static bool CodeValide(string code) => FormeCode().IsMatch(code);

    /// <summary>The French message for a refused code.</summary>
    public static string CodeInvalide(string code) => $"code « {code} » invalide : un code de QPV s'écrit QN, le département sur 3 caractères, 2 chiffres et une lettre (par exemple QN01371N ou QN02A01M).";

    [System.Text.RegularExpressions.GeneratedRegex("^QN(?:[0-9]{3}|02[AB])[0-9]{2}[A-Z]$")]
    private static partial System.Text.RegularExpressions.Regex FormeCode();
}

public sealed class QpvConfiguration : IEntityTypeConfiguration<Qpv>
{
    public void Configure(EntityTypeBuilder<Qpv> b)
    {
        b.HasKey(q => q.Code);
        b.Property(q => q.Code).HasMaxLength(12);
        b.Property(q => q.Nom).HasMaxLength(200);
        b.Property(q => q.Departement).HasMaxLength(3);
        b.Property(q => q.CodesInsee).HasMaxLength(200);
    }
}

public sealed record RapportQpv(int Ajoutes, int MisAJour, IReadOnlyList<string> Erreurs, string? NoteEncodage = null);

/// <summary>The QPV code list: imported from the ANCT file layout (code_qp, lib_qp, insee_dep, insee_com).</summary>
public static class Quartiers
{
    public const string EnQpv = "QPV", HorsQpv = "Hors QPV", NonRenseigne = "Non renseigné";
    public static readonly string[] Situations = [EnQpv, HorsQpv, NonRenseigne];

    /// <summary>The label of a person's residence as the statistics encode it in SQL: 1 the file has a QPV code, 2 a commune but no QPV
    /// code, anything else not known.</summary>
    public static string Situation(int code) => code == 1 ? EnQpv : code == 2 ? HorsQpv : NonRenseigne;

    /// <summary>Upserts the list by code, in one transaction; nothing is written when a line is wrong.</summary>
    public static async Task<RapportQpv> ImporterAsync(AppDbContext db, Stream fichier, CancellationToken ct)
    {
        Web.Csv.TexteLu lu;
        try { lu = await Web.Csv.LireTexteAsync(fichier, ct); }
        catch (Web.Csv.EncodageInvalideException e) { return new(0, 0, [e.Message]); }
        List<List<string>> lignes;
        try { lignes = Web.Csv.Lire(new StringReader(lu.Contenu), ',').Select(l => l.Champs).ToList(); }
        catch (Web.Csv.CsvInvalideException e) { return new(0, 0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        var erreurs = new List<string>();
        if (lignes.Count == 0) return new(0, 0, ["Fichier vide."]);
        var entete = lignes[0].Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        int Col(string nom) => entete.IndexOf(nom);
        var (iCode, iNom, iDep, iCom) = (Col("code_qp"), Col("lib_qp"), Col("insee_dep"), Col("insee_com"));
        if (iCode < 0 || iNom < 0 || iDep < 0 || iCom < 0) return new(0, 0, ["Colonnes attendues : code_qp, lib_qp, insee_dep, insee_com."]);
        var (iPop, iAnnee, iLat, iLon) = (Col("population"), Col("annee_population"), Col("latitude"), Col("longitude"));
        var lus = new Dictionary<string, Qpv>();
        for (var i = 1; i < lignes.Count; i++)
        {
            var l = lignes[i];
            if (l.Count == 1 && string.IsNullOrWhiteSpace(l[0])) continue;
            if (l.Count != entete.Count) { erreurs.Add($"Ligne {i + 1} : {l.Count} colonnes au lieu de {entete.Count}."); continue; }
            var code = l[iCode].Trim().ToUpperInvariant();
            if (!Qpv.CodeValide(code)) { erreurs.Add($"Ligne {i + 1} : {Qpv.CodeInvalide(l[iCode])}"); continue; }
            var communes = l[iCom].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (communes.Length == 0 || communes.Any(c => c.Length != 5)) { erreurs.Add($"Ligne {i + 1} : code INSEE de commune invalide « {l[iCom]} »."); continue; }
            if (string.IsNullOrWhiteSpace(l[iNom]) || l[iNom].Length > 200) { erreurs.Add($"Ligne {i + 1} : nom du quartier manquant ou trop long."); continue; }
            string? Opt(int i) => i >= 0 && l[i].Trim() is { Length: > 0 } v ? v : null;
            int? population = Opt(iPop) is { } p ? int.TryParse(p, out var n) && n >= 0 ? n : -1 : null;
            int? annee = Opt(iAnnee) is { } a ? int.TryParse(a, out var y) && y is >= 1990 and <= 2100 ? y : -1 : null;
            double? Coord(int i, double max) => Opt(i) is { } c ? double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && Math.Abs(d) <= max ? d : double.NaN : null;
            var (lat, lon) = (Coord(iLat, 90), Coord(iLon, 180));
            if (population < 0 || annee < 0 || (population is not null && annee is null)) { erreurs.Add($"Ligne {i + 1} : population ou année de population invalide."); continue; }
            if (double.IsNaN(lat ?? 0) || double.IsNaN(lon ?? 0) || (lat is null) != (lon is null)) { erreurs.Add($"Ligne {i + 1} : point de référence invalide."); continue; }
            if (!lus.TryAdd(code, new Qpv { Code = code, Nom = l[iNom].Trim(), Departement = l[iDep].Trim(), CodesInsee = string.Join('|', communes),
                Population = population, AnneePopulation = annee, Latitude = lat, Longitude = lon }))
                erreurs.Add($"Ligne {i + 1} : code {code} en double.");
        }
        if (erreurs.Count > 0) return new(0, 0, erreurs);
        var existants = await db.Qpv.Where(q => lus.Keys.Contains(q.Code)).ToDictionaryAsync(q => q.Code, ct);
        int ajoutes = 0, maj = 0;
        foreach (var q in lus.Values)
        {
            if (existants.TryGetValue(q.Code, out var e))
            {
                e.Nom = q.Nom; e.Departement = q.Departement; e.CodesInsee = q.CodesInsee; maj++;
                // A file without the optional columns keeps what an earlier import gave.
                if (q.Population is not null) (e.Population, e.AnneePopulation) = (q.Population, q.AnneePopulation);
                if (q.Latitude is not null) (e.Latitude, e.Longitude) = (q.Latitude, q.Longitude);
            }
            else { db.Qpv.Add(q); ajoutes++; }
        }
        await db.SaveChangesAsync(ct);
        return new(ajoutes, maj, [], lu.Note);
    }

    /// <summary>The list shipped with Passerelle (Provence-Alpes-Côte d'Azur, see Seed/SOURCES.md), loaded once when the table is empty.</summary>
    public static async Task ChargerSiVideAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Qpv.AnyAsync(ct)) return;
        var chemin = Path.Combine(AppContext.BaseDirectory, "Seed", "qpv-2024_paca.csv");
        if (!File.Exists(chemin)) return;
        await using var f = File.OpenRead(chemin);
        var r = await ImporterAsync(db, f, ct);
        if (r.Erreurs.Count > 0) throw new InvalidDataException("Liste QPV livrée invalide : " + string.Join(" ", r.Erreurs));
    }
}
