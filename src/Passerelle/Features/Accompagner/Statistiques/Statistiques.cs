using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>The dashboard: filters checked, records filtered, then counted in named steps (<see cref="EtapesStatistiques"/>).</summary>
public static class CalculStatistiques
{
    /// <summary>Cells under this many accompaniments (or people) are masked on shared and public views.</summary>
    public const int SeuilMasquage = 5;

    public static readonly string[] Tranches = ["Moins de 30 min", "30 min à 1 h", "1 h à 2 h", "2 h et plus"];
    internal const string NonRenseigne = "Non renseigné";
    public const string AutreCommune = "Autre commune";

    public static string Tranche(int minutes) => minutes < 30 ? Tranches[0] : minutes < 60 ? Tranches[1] : minutes < 120 ? Tranches[2] : Tranches[3];

    public static Dictionary<string, string[]> Verifier(FiltresStatistiques f)
    {
        var e = new Dictionary<string, string[]>();
        if (f.Du is not null && f.Au is not null && f.Au < f.Du) e["au"] = ["La fin de la période précède son début."];
        if (f.Type is not null && !VocabulaireCoop.Types.Contains(f.Type)) e["type"] = ["Type inconnu."];
        if (f.Theme is not null && !VocabulaireCoop.Themes.Contains(f.Theme)) e["theme"] = ["Thème inconnu."];
        if ((f.Commune?.Length ?? 0) > 200) e["commune"] = ["Commune trop longue."];
        if ((f.Etiquette?.Length ?? 0) > 60) e["etiquette"] = ["Étiquette trop longue."];
        return e;
    }

    /// <summary>Minimum group size on the filter itself for shared views (funders, public page): never one mediator, never less than a
    /// month (an open end counts up to today), so that a view cannot be narrowed to one person's day.</summary>
    public static Dictionary<string, string[]> VerifierVuePartagee(FiltresStatistiques f, DateOnly aujourdHui)
    {
        var e = new Dictionary<string, string[]>();
        if (f.Mediateur is not null) e["mediateur"] = ["Les chiffres partagés ne se filtrent pas par médiateur."];
        var fin = f.Au ?? aujourdHui;
        if (f.Du is { } du && MoinsDUnMois(du, fin)) e["du"] = ["Choisissez une période d'au moins un mois."];
        return e;
    }

    /// <summary>True when [du, fin] is shorter than a month (fin before the day before du's day next month). Exact to the calendar's end:
    /// from 9999-12-01 the month ends on 9999-12-31, the last date there is; a later start in December 9999 has no month after it.</summary>
    public static bool MoinsDUnMois(DateOnly du, DateOnly fin) =>
        du > new DateOnly(9999, 12, 1) || fin < (du == new DateOnly(9999, 12, 1) ? DateOnly.MaxValue : du.AddMonths(1).AddDays(-1));

    /// <summary>"oui"/"non" (also true/false, 1/0) → bool; anything else is an error message.</summary>
    public static bool? OuiNon(string? v, string champ, Dictionary<string, string[]> erreurs)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        switch (v.Trim().ToLowerInvariant())
        {
            case "oui" or "true" or "1": return true;
            case "non" or "false" or "0": return false;
            default: erreurs[champ] = [$"« {champ} » vaut oui ou non."]; return null;
        }
    }

    /// <summary>The records matching the filters (the QPV filter keeps individual records of people in/out of a QPV and workshops with such named participants).</summary>
    public static IQueryable<Activite> Filtrer(AppDbContext db, FiltresStatistiques f)
    {
        var q = db.Activites.AsNoTracking();
        if (f.Du is not null) q = q.Where(a => a.Date >= f.Du);
        if (f.Au is not null) q = q.Where(a => a.Date <= f.Au);
        if (f.Lieu is not null) q = q.Where(a => a.LieuId == f.Lieu);
        // "MediateurId IN (…)" rather than a correlated EXISTS: the database can then use the (MediateurId, Date) index.
        if (f.Structure is not null) q = q.Where(a => db.Emplois.Where(e => e.StructureId == f.Structure).Select(e => e.MediateurId).Contains(a.MediateurId));
        if (f.Mediateur is not null) q = q.Where(a => a.MediateurId == f.Mediateur);
        if (f.ConseillerNumerique is { } cn) q = q.Where(a => db.Mediateurs.Where(m => m.ConseillerNumerique == cn).Select(m => m.Id).Contains(a.MediateurId));
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var n = Texte.Normaliser(f.Commune);
            var brut = f.Commune.Trim();
            q = q.Where(a => db.Lieux.Where(l => l.CommuneRecherche == n).Select(l => (int?)l.Id).Contains(a.LieuId) || a.Commune == brut);
        }
        if (f.Type is not null) q = q.Where(a => a.Type == f.Type);
        if (f.Theme is not null) q = q.Where(a => ("|" + a.Themes + "|").Contains("|" + f.Theme + "|"));
        if (f.Etiquette is not null) q = q.Where(a => ("|" + a.Etiquettes + "|").Contains("|" + f.Etiquette + "|"));
        if (f.Convention is not null)
        {
            var c = f.Convention.Value;
            q = q.Where(a => (a.ReservationId != null && db.Reservations.Any(r => r.Id == a.ReservationId && r.Creneau!.Permanence!.ConventionId == c))
                || (a.SessionAtelierId != null && db.SessionsAteliers.Any(s => s.Id == a.SessionAtelierId && s.ConventionId == c)));
        }
        if (f.Qpv == true)
            q = q.Where(a => (a.Beneficiaire != null && a.Beneficiaire.CodeQpv != null) || a.Participants.Any(p => p.Beneficiaire!.CodeQpv != null));
        if (f.Qpv == false)
            q = q.Where(a => (a.Beneficiaire != null && a.Beneficiaire.CodeQpv == null && a.Beneficiaire.Commune != null)
                || a.Participants.Any(p => p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null));
        return q;
    }

    /// <summary>The dashboard for the filters; <paramref name="masquer"/>: the shared view (funders, public), small cells masked
    /// (<see cref="Secret"/>). The reference year of age bands is the filter's end, or today in the territory's clock.</summary>
    public static Task<Tableau> CalculerAsync(AppDbContext db, FiltresStatistiques f, bool masquer, TimeProvider horloge, CancellationToken ct) =>
        CalculerAsync(db, f, masquer, horloge, faits: true, ct);

    /// <summary><paramref name="faits"/>: read the record blocks from the monthly facts when the filters allow it (decision 0032);
    /// false: always from the records (the reference the facts are tested against).</summary>
    internal static async Task<Tableau> CalculerAsync(AppDbContext db, FiltresStatistiques f, bool masquer, TimeProvider horloge, bool faits, CancellationToken ct)
    {
        var q = Filtrer(db, f);
        Tableau tableau;
        Socle socle;
        // One snapshot for the facts of records and of people, so that both blocks describe the same records (decisions 0032, 0035).
        await using var instantane = faits && Faits.LectureFaits.Admis(f) ? await Faits.LectureFaits.OuvrirAsync(db, ct) : null;
        var anneeRef = (f.Au ?? Territoire.AujourdHui(horloge)).Year;
        if (faits && await Faits.LectureFaits.LireAsync(db, f, ct) is { } lu)
        {
            socle = lu.Item2;
            tableau = await EtapesStatistiques.LieuxAsync(lu.Item1, db, lu.Item3, masquer, ct);
            if (await Faits.LecturePersonnes.LireAsync(db, f, tableau, socle, anneeRef, ct) is { } personnes)
                return masquer ? Secret.Proteger(personnes) : personnes;
        }
        else
        {
            (tableau, socle) = await EtapesStatistiques.ActivitesAsync(q, f.Qpv, ct);
            tableau = await EtapesStatistiques.LieuxAsync(tableau, db, q, f.Qpv, masquer, ct);
            tableau = await EtapesStatistiques.QuartiersAsync(tableau, q, f.Qpv, socle, ct);
        }
        tableau = await EtapesPersonnes.PersonnesAsync(tableau, db, q, f, socle, anneeRef, ct);
        tableau = await EtapesPersonnes.SuiviAsync(tableau, db, EtapesStatistiques.PersonnesRencontrees(q, f.Qpv), f, ct);
        return masquer ? Secret.Proteger(tableau) : tableau;
    }
}
