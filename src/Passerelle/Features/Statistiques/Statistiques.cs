using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Web;

namespace Passerelle.Features.Statistiques;

public sealed record FiltresStatistiques(DateOnly? Du, DateOnly? Au, int? Lieu, int? Structure, string? Commune, string? Type, string? Theme, int? Convention);

public sealed record Ligne(string Libelle, int Accompagnements, int Activites);

/// <summary>Figures counted as the national tool does: a workshop counts its participants as accompaniments.</summary>
public sealed record Tableau(int Accompagnements, int Ateliers, int AccompagnementsIndividuels, int Activites, IReadOnlyList<Ligne> ParMois, IReadOnlyList<Ligne> ParTheme,
    IReadOnlyList<Ligne> ParCanal, IReadOnlyList<Ligne> ParDuree, IReadOnlyList<Ligne> ParMateriel, IReadOnlyList<Ligne> ParAutonomie, IReadOnlyList<Ligne> ParLieu,
    IReadOnlyList<Ligne> ParType, bool Masque);

public static class CalculStatistiques
{
    /// <summary>Cells under this many accompaniments are masked on shared and public views.</summary>
    public const int SeuilMasquage = 5;

    static readonly string[] Tranches = ["Moins de 30 min", "30 min à 1 h", "1 h à 2 h", "2 h et plus"];

    public static string Tranche(int minutes) => minutes < 30 ? Tranches[0] : minutes < 60 ? Tranches[1] : minutes < 120 ? Tranches[2] : Tranches[3];

    public static Dictionary<string, string[]> Verifier(FiltresStatistiques f)
    {
        var e = new Dictionary<string, string[]>();
        if (f.Du is not null && f.Au is not null && f.Au < f.Du) e["au"] = ["La fin de la période précède son début."];
        if (f.Type is not null && !VocabulaireCoop.Types.Contains(f.Type)) e["type"] = ["Type inconnu."];
        if (f.Theme is not null && !VocabulaireCoop.Themes.Contains(f.Theme)) e["theme"] = ["Thème inconnu."];
        if ((f.Commune?.Length ?? 0) > 200) e["commune"] = ["Commune trop longue."];
        return e;
    }

    public static async Task<Tableau> CalculerAsync(AppDbContext db, FiltresStatistiques f, bool masquer, CancellationToken ct)
    {
        var q = db.Activites.AsNoTracking();
        if (f.Du is not null) q = q.Where(a => a.Date >= f.Du);
        if (f.Au is not null) q = q.Where(a => a.Date <= f.Au);
        if (f.Lieu is not null) q = q.Where(a => a.LieuId == f.Lieu);
        if (f.Structure is not null) q = q.Where(a => a.Mediateur!.Emplois.Any(e => e.StructureId == f.Structure));
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var n = Texte.Normaliser(f.Commune);
            var brut = f.Commune.Trim();
            q = q.Where(a => (a.Lieu != null && a.Lieu.CommuneRecherche == n) || a.Commune == brut);
        }
        if (f.Type is not null) q = q.Where(a => a.Type == f.Type);
        if (f.Theme is not null) q = q.Where(a => ("|" + a.Themes + "|").Contains("|" + f.Theme + "|"));
        if (f.Convention is not null)
        {
            var c = f.Convention.Value;
            q = q.Where(a => (a.ReservationId != null && db.Reservations.Any(r => r.Id == a.ReservationId && r.Creneau!.Permanence!.ConventionId == c))
                || (a.SessionAtelierId != null && db.SessionsAteliers.Any(s => s.Id == a.SessionAtelierId && s.ConventionId == c)));
        }
        // One narrow projection, aggregated in memory: the per-theme and per-equipment splits work on |-joined labels.
        var lignes = await q.Select(a => new { a.Date, a.Type, a.DureeMinutes, a.TypeLieu, a.Themes, a.Materiel, a.Autonomie, a.ParticipantsAnonymes,
            Lieu = a.Lieu != null ? a.Lieu.Nom : null }).ToListAsync(ct);
        static int Acc(string type, int participants) => type == VocabulaireCoop.Collectif ? participants : 1;
        List<Ligne> Grouper(IEnumerable<(string Cle, int Acc)> valeurs, IEnumerable<string>? ordre = null)
        {
            var groupes = valeurs.GroupBy(v => v.Cle).Select(g => new Ligne(g.Key, g.Sum(x => x.Acc), g.Count()));
            var liste = ordre is null ? groupes.OrderByDescending(g => g.Accompagnements).ThenBy(g => g.Libelle).ToList()
                : groupes.OrderBy(g => Array.IndexOf(ordre.ToArray(), g.Libelle) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Libelle).ToList();
            return masquer ? liste.Select(l => l.Accompagnements < SeuilMasquage ? l with { Accompagnements = -1, Activites = -1 } : l).ToList() : liste;
        }
        IEnumerable<string> Valeurs(string? multi) => string.IsNullOrEmpty(multi) ? ["Non renseigné"] : multi.Split('|');
        var accompagnements = lignes.Sum(l => Acc(l.Type, l.ParticipantsAnonymes));
        return new Tableau(
            accompagnements, lignes.Count(l => l.Type == VocabulaireCoop.Collectif), lignes.Count(l => l.Type == VocabulaireCoop.Individuel), lignes.Count,
            Grouper(lignes.Select(l => (l.Date.ToString("yyyy-MM"), Acc(l.Type, l.ParticipantsAnonymes)))).OrderBy(l => l.Libelle).ToList(),
            Grouper(lignes.SelectMany(l => Valeurs(l.Themes).Select(t => (t, Acc(l.Type, l.ParticipantsAnonymes))))),
            Grouper(lignes.Select(l => (l.TypeLieu, Acc(l.Type, l.ParticipantsAnonymes))), VocabulaireCoop.TypesLieu),
            Grouper(lignes.Select(l => (Tranche(l.DureeMinutes), Acc(l.Type, l.ParticipantsAnonymes))), Tranches),
            Grouper(lignes.SelectMany(l => Valeurs(l.Materiel).Select(m => (m, Acc(l.Type, l.ParticipantsAnonymes)))), VocabulaireCoop.Materiel),
            Grouper(lignes.Where(l => l.Type == VocabulaireCoop.Individuel).Select(l => (l.Autonomie ?? "Non renseigné", 1)), VocabulaireCoop.Autonomie),
            Grouper(lignes.Select(l => (l.Lieu ?? "Hors lieu d'activité", Acc(l.Type, l.ParticipantsAnonymes)))),
            Grouper(lignes.Select(l => (l.Type, Acc(l.Type, l.ParticipantsAnonymes))), VocabulaireCoop.Types),
            masquer);
    }
}
