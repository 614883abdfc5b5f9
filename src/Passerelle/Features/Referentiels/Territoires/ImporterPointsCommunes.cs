using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Referentiels.Territoires;

/// <summary>Outcome of a reference-points import: lines read, communes given a point, communes of the reference left without one
/// (no matching place in the file), and the errors (then nothing was written).</summary>
public sealed record RapportPoints(int Lues, int Posees, int SansPoint, IReadOnlyList<string> Erreurs)
{
    public string Resume() => Erreurs.Count > 0 ? $"{Lues} lignes lues : rien n'a été importé ({Erreurs.Count} erreur(s))."
        : $"{Lues} lignes lues : {Posees} communes ont un point de référence, {SansPoint} restent sans point.";
}

/// <summary>Gives the communes of the reference their reference point (the centre of the town: its main populated place) from a
/// GeoNames dump (<c>cities500.txt</c>, <c>cities1000.txt</c> or <c>FR.txt</c>; tab-separated, 19 columns, WGS 84 degrees;
/// GeoNames, CC BY 4.0), all or nothing, idempotent. In GeoNames a French populated place carries the commune's INSEE code as its
/// <c>admin4</c> code. Rule, per commune of the reference:
/// <list type="bullet">
/// <item>a commune: the populated place (class P, neither a section <c>PPLX</c> nor an arrondissement <c>PPLA5</c> nor a historical or
/// abandoned place) with its INSEE code and the same name (<see cref="RechercheCommunes.Cle"/>); else the only such place; else none;</item>
/// <item>a municipal arrondissement (« Marseille 3e Arrondissement »): the arrondissement place (<c>PPLA5</c>) of its commune with the
/// same key (GeoNames names it « Marseille 03 », the same key « marseille3 »).</item>
/// </list>
/// A commune with no match keeps the point it had. The point is the town centre, not the population-weighted centroid the standard
/// prefers (none is published openly as a file): distances are read « from the centre of the commune ».</summary>
public static class ImporterPointsCommunes
{
    static readonly HashSet<string> Exclus = ["PPLX", "PPLA5", "PPLH", "PPLQ", "PPLW", "PPLCH"];

    sealed record Lieu(string Cle, string Code, double Lat, double Lon);

    public static async Task<RapportPoints> GeoNamesAsync(AppDbContext db, Stream fichier, CancellationToken ct)
    {
        var erreurs = new List<string>();
        var parCode = new Dictionary<string, List<Lieu>>();
        var arrondissements = new Dictionary<string, List<Lieu>>();
        var lues = 0;
        using (var lecteur = new StreamReader(fichier))
        {
            string? ligne;
            while ((ligne = await lecteur.ReadLineAsync(ct)) is not null)
            {
                lues++;
                if (ligne.Length == 0) continue;
                var c = ligne.Split('\t');
                if (c.Length != 19) { if (erreurs.Count < 50) erreurs.Add($"Ligne {lues} : {c.Length} colonnes au lieu de 19 (format GeoNames)."); continue; }
                if (c[8] != "FR" || c[6] != "P" || c[13].Length != 5) continue;
                if (!double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
                    || !double.TryParse(c[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
                { if (erreurs.Count < 50) erreurs.Add($"Ligne {lues} : coordonnées invalides."); continue; }
                var lieu = new Lieu(RechercheCommunes.Cle(c[1]), c[13], lat, lon);
                if (c[7] == "PPLA5") (arrondissements.TryGetValue(c[13], out var a) ? a : arrondissements[c[13]] = []).Add(lieu);
                else if (!Exclus.Contains(c[7])) (parCode.TryGetValue(c[13], out var l) ? l : parCode[c[13]] = []).Add(lieu);
            }
        }
        if (erreurs.Count > 0) return new(lues, 0, 0, erreurs);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var communes = await db.Set<Commune>().ToListAsync(ct);
        int posees = 0, sans = 0;
        foreach (var commune in communes)
        {
            Lieu? choisi;
            if (commune.CommuneParente is { } parent)
                choisi = arrondissements.GetValueOrDefault(parent)?.FirstOrDefault(l => l.Cle == commune.NomRecherche);
            else
            {
                var candidats = parCode.GetValueOrDefault(commune.CodeInsee) ?? [];
                choisi = candidats.FirstOrDefault(l => l.Cle == commune.NomRecherche) ?? (candidats.Count == 1 ? candidats[0] : null);
            }
            if (choisi is null) { if (commune.Latitude is null) sans++; continue; }
            (commune.Latitude, commune.Longitude) = (Math.Round(choisi.Lat, 5), Math.Round(choisi.Lon, 5));
            posees++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(lues, posees, sans, []);
    }
}
