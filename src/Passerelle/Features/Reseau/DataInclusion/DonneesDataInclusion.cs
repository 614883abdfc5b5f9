using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Informations;

namespace Passerelle.Features.Reseau.DataInclusion;

/// <summary>The directory's places and services in the national interchange schema data·inclusion v1 (how DORA, les emplois de
/// l'inclusion and the national map feed each other): <c>GET /donnees/data-inclusion/structures.json</c>, <c>services.json</c>, and
/// the same as CSV (one column per schema field in the schema's order, lists joined by commas). Public, anonymous: places only,
/// never people. Archived places are left out.</summary>
public static class DonneesDataInclusion
{
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static void MapDonneesDataInclusion(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/donnees/data-inclusion").WithTags("Données ouvertes").AllowAnonymous();
        g.MapGet("/structures.json", async (AppDbContext db, CancellationToken ct) => TypedResults.Json(await StructuresAsync(db, ct), Json))
            .WithSummary("Les lieux de l'annuaire comme structures du schéma data·inclusion v1 (JSON)");
        g.MapGet("/services.json", async (AppDbContext db, CancellationToken ct) => TypedResults.Json(await ServicesAsync(db, ct), Json))
            .WithSummary("Les services des lieux au schéma data·inclusion v1 (JSON) : thématiques, publics, frais, modes d'accueil, horaires");
        g.MapGet("/structures.csv", async (AppDbContext db, CancellationToken ct) => Web.Csv.Telechargement(EnCsv(await StructuresAsync(db, ct)), "structures.csv"))
            .WithSummary("Les structures data·inclusion v1 en CSV");
        g.MapGet("/services.csv", async (AppDbContext db, CancellationToken ct) => Web.Csv.Telechargement(EnCsv(await ServicesAsync(db, ct)), "services.csv"))
            .WithSummary("Les services data·inclusion v1 en CSV");
    }

    public static void AddDonneesDataInclusion(this IServiceCollection services) => services.AddScoped<IJeuxDonneesPublies, JeuxDataInclusion>();

    static Task<List<Lieux.Lieu>> LieuxAsync(AppDbContext db, CancellationToken ct) =>
        db.Lieux.AsNoTracking().Where(l => !l.Archive).OrderBy(l => l.Id).ToListAsync(ct);

    public static async Task<List<StructureDi>> StructuresAsync(AppDbContext db, CancellationToken ct) =>
        (await LieuxAsync(db, ct)).Select(SchemaDataInclusion.Structure).ToList();

    public static async Task<List<ServiceDi>> ServicesAsync(AppDbContext db, CancellationToken ct) =>
        (await LieuxAsync(db, ct)).SelectMany(SchemaDataInclusion.ServicesDuLieu).ToList();

    /// <summary>CSV of records: the header is the JSON field names; lists joined by ","; numbers invariant; null → empty.</summary>
    static string EnCsv<T>(IEnumerable<T> lignes)
    {
        var proprietes = typeof(T).GetProperties();
        var entete = proprietes.Select(p => p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).Cast<JsonPropertyNameAttribute>().Single().Name);
        return Web.Csv.Ecrire(lignes.Select(l => proprietes.Select(p => p.GetValue(l) switch
        {
            null => "",
            string[] a => string.Join(",", a),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        })).Prepend(entete));
    }

    sealed class JeuxDataInclusion(AppDbContext db) : IJeuxDonneesPublies
    {
        public async Task<IReadOnlyList<JeuDonneesPublie>> ListerAsync(CancellationToken ct)
        {
            var maj = await db.Lieux.Where(l => !l.Archive).Select(l => (DateTime?)l.ModifieLe).MaxAsync(ct);
            DateTimeOffset? le = maj is { } m ? new DateTimeOffset(DateTime.SpecifyKind(m, DateTimeKind.Utc)) : null;
            const string schema = "data·inclusion", adresse = "https://github.com/gip-inclusion/data-inclusion-schema", licence = "Licence Ouverte 2.0";
            return
            [
                new("Structures (lieux de l'annuaire)", "/donnees/data-inclusion/structures.json", "JSON", schema, SchemaDataInclusion.Version, adresse, licence, le),
                new("Structures (lieux de l'annuaire)", "/donnees/data-inclusion/structures.csv", "CSV", schema, SchemaDataInclusion.Version, adresse, licence, le),
                new("Services des lieux", "/donnees/data-inclusion/services.json", "JSON", schema, SchemaDataInclusion.Version, adresse, licence, le),
                new("Services des lieux", "/donnees/data-inclusion/services.csv", "CSV", schema, SchemaDataInclusion.Version, adresse, licence, le),
            ];
        }
    }
}
