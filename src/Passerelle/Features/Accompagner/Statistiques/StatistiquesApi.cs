using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

public static class StatistiquesApi
{
    public static void MapStatistiquesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Statistiques").RequireAuthorization(Roles.PolitiqueEquipe);
        g.MapGet("/statistiques", Lire).WithSummary("Indicateurs d'activité (un atelier compte ses participants)");
        g.MapGet("/statistiques.csv", Csv).WithSummary("Les mêmes indicateurs en CSV, filtres écrits en tête");
        g.MapGet("/statistiques.xlsx", Xlsx).WithSummary("Les mêmes indicateurs en tableur XLSX, filtres écrits en tête");
    }

    /// <summary>Funders see shared views: small cells masked. Coordinators and managers see exact figures (aggregates only, never names).</summary>
    public static bool Masquer(System.Security.Claims.ClaimsPrincipal user) =>
        !(user.IsInRole(Roles.Administrateur) || user.IsInRole(Roles.Gestionnaire) || user.IsInRole(Roles.Mediateur));

    /// <summary>Query-string filters, shared by the API and the dashboard page.</summary>
    public sealed class Parametres
    {
        public DateOnly? Du { get; set; }
        public DateOnly? Au { get; set; }
        public int? Lieu { get; set; }
        public int? Structure { get; set; }
        public int? Mediateur { get; set; }
        public string? Commune { get; set; }
        public string? Qpv { get; set; }
        public string? Conseiller { get; set; }
        public string? Type { get; set; }
        public string? Theme { get; set; }
        public string? Etiquette { get; set; }
        public int? Convention { get; set; }

        static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        /// <summary>The filters, with the minimum group size of shared views when <paramref name="partage"/>.</summary>
        public (FiltresStatistiques Filtres, Dictionary<string, string[]> Erreurs) Lire(bool partage, TimeProvider horloge)
        {
            var (f, e) = Lire();
            if (partage)
                foreach (var (k, v) in CalculStatistiques.VerifierVuePartagee(f, DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime))) e[k] = v;
            return (f, e);
        }

        public (FiltresStatistiques Filtres, Dictionary<string, string[]> Erreurs) Lire()
        {
            var e = new Dictionary<string, string[]>();
            var f = new FiltresStatistiques(Du, Au, Lieu, Structure, Vide(Commune), Vide(Type), Vide(Theme), Convention,
                CalculStatistiques.OuiNon(Qpv, "qpv", e), Mediateur, CalculStatistiques.OuiNon(Conseiller, "conseiller", e), Vide(Etiquette));
            foreach (var (k, v) in CalculStatistiques.Verifier(f)) e[k] = v;
            return (f, e);
        }
    }

    static async Task<Results<Ok<Tableau>, ValidationProblem>> Lire(HttpContext http, BaseLecture lecture, TimeProvider horloge, CancellationToken ct, [AsParameters] Parametres p)
    {
        var db = lecture.Db;
        var (f, e) = p.Lire(Masquer(http.User), horloge);
        if (e.Count > 0) return TypedResults.ValidationProblem(e, title: "Filtres invalides");
        return TypedResults.Ok(await CalculStatistiques.CalculerAsync(db, f, Masquer(http.User), horloge, ct));
    }

    /// <summary>The dashboard as rows: a title, the active filters, then one row per cell (dimension, value, accompaniments, records).</summary>
    public static List<object?[]> Lignes(Tableau t, FiltresStatistiques f, DateTimeOffset maintenant)
    {
        var lignes = new List<object?[]>
        {
            new object?[] { "Passerelle — statistiques d'activité", $"extrait le {maintenant:yyyy-MM-dd HH:mm} UTC" },
            new object?[] { "Filtres", $"du={f.Du:yyyy-MM-dd}", $"au={f.Au:yyyy-MM-dd}", $"lieu={f.Lieu}", $"structure={f.Structure}", $"mediateur={f.Mediateur}", $"commune={f.Commune}",
                $"qpv={(f.Qpv is null ? "" : f.Qpv.Value ? "oui" : "non")}", $"conseiller={(f.ConseillerNumerique is null ? "" : f.ConseillerNumerique.Value ? "oui" : "non")}",
                $"type={f.Type}", $"theme={f.Theme}", $"etiquette={f.Etiquette}", $"convention={f.Convention}" },
        };
        if (t.Masque) lignes.Add(["Cellules vides marquées « masqué » : moins de 5 personnes, ou masquées pour qu'un petit nombre ne se déduise pas du total."]);
        lignes.Add(["Indicateur", "Valeur", "Accompagnements", "Activités", "Note"]);
        // A masked cell is empty, with the reason in the last column: never a number that could be summed.
        object?[] L(string nom, string valeur, int? a, object? b, bool masque) => masque ? [nom, valeur, a, b, Secret.Note] : [nom, valeur, a, b];
        lignes.Add(L("Total", "", t.Accompagnements, t.Activites, t.Accompagnements is null));
        lignes.Add(["Ateliers collectifs", "", null, t.Ateliers]);
        lignes.Add(L("Bénéficiaires", "tous", t.Beneficiaires, null, t.Beneficiaires is null));
        lignes.Add(L("Bénéficiaires", "suivis", t.BeneficiairesSuivis, null, t.BeneficiairesSuivis is null));
        lignes.Add(L("Bénéficiaires", "anonymes", t.BeneficiairesAnonymes, null, t.BeneficiairesAnonymes is null));
        lignes.Add(L("Bénéficiaires", "nouveaux", t.NouveauxBeneficiaires, null, t.NouveauxBeneficiaires is null));
        foreach (var (nom, ls) in Dimensions(t))
            foreach (var l in ls) lignes.Add(L(nom, l.Libelle, l.Accompagnements, l.Activites, l.Accompagnements is null));
        foreach (var (nom, ls) in DimensionsPersonnes(t))
            foreach (var l in ls) lignes.Add(L(nom, l.Libelle, l.Personnes, null, l.Personnes is null));
        foreach (var c in t.Competences)
            lignes.Add(L("Compétence (personnes avec 2 diagnostics ou plus, niveau moyen initial → actuel, en progrès)", $"{c.Code} {c.Nom}", c.Personnes,
                c.Personnes is null ? null : $"{c.NiveauInitial.ToString(CultureInfo.InvariantCulture)} → {c.NiveauActuel.ToString(CultureInfo.InvariantCulture)}, {(c.EnProgres is { } p ? p.ToString(CultureInfo.InvariantCulture) : "masqué")} en progrès",
                c.Personnes is null || c.EnProgres is null));
        return lignes;
    }

    public static IEnumerable<(string Nom, IReadOnlyList<Ligne> Lignes)> Dimensions(Tableau t) =>
    [
        ("Mois", t.ParMois), ("Type", t.ParType), ("Thème", t.ParTheme), ("Démarche administrative", t.ParThemeDemarches), ("Lieu d'accompagnement", t.ParCanal),
        ("Durée", t.ParDuree), ("Matériel", t.ParMateriel), ("Autonomie", t.ParAutonomie), ("Lieu", t.ParLieu), ("Commune", t.ParCommune),
        ("QPV", t.Qpv), ("Orientation", t.ParOrientation), ("Étiquette", t.ParEtiquette),
    ];

    public static IEnumerable<(string Nom, IReadOnlyList<LignePersonnes> Lignes)> DimensionsPersonnes(Tableau t) =>
    [
        ("Bénéficiaires par genre", t.ParGenre), ("Bénéficiaires par tranche d'âge", t.ParTrancheAge), ("Bénéficiaires par statut", t.ParStatut),
        ("Bénéficiaires par lieu de résidence (QPV)", t.BeneficiairesParQpv), ("Résultats des orientations", t.ResultatsOrientations),
    ];

    static async Task<Results<FileContentHttpResult, ValidationProblem>> Exporter(HttpContext http, AppDbContext db, TimeProvider horloge, Parametres p, bool xlsx, CancellationToken ct)
    {
        var (f, e) = p.Lire(Masquer(http.User), horloge);
        if (e.Count > 0) return TypedResults.ValidationProblem(e, title: "Filtres invalides");
        var t = await CalculStatistiques.CalculerAsync(db, f, Masquer(http.User), horloge, ct);
        var lignes = Lignes(t, f, horloge.GetUtcNow());
        var nom = $"statistiques-{horloge.GetUtcNow():yyyy-MM-dd}";
        if (xlsx)
            return TypedResults.File(Tableur.Ecrire("Statistiques", lignes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", nom + ".xlsx");
        var csv = Web.Csv.Ecrire(lignes.Select(l => l.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")));
        return Web.Csv.Telechargement(csv, nom + ".csv");
    }

    static Task<Results<FileContentHttpResult, ValidationProblem>> Csv(HttpContext http, BaseLecture lecture, TimeProvider horloge, CancellationToken ct, [AsParameters] Parametres p) =>
        Exporter(http, lecture.Db, horloge, p, false, ct);

    static Task<Results<FileContentHttpResult, ValidationProblem>> Xlsx(HttpContext http, BaseLecture lecture, TimeProvider horloge, CancellationToken ct, [AsParameters] Parametres p) =>
        Exporter(http, lecture.Db, horloge, p, true, ct);
}
