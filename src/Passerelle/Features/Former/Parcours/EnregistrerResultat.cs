using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/resultats</c>: <c>{ "moment": "sortie"|"3mois"|"6mois", "type", "date", "source" }</c>
/// with the codes of <see cref="Vocabulaire.TypesResultat"/> (school) or <see cref="Vocabulaire.TypesResultatAidants"/> (helpers' programmes)
/// and <see cref="Vocabulaire.Sources"/>; <c>date</c> as <c>yyyy-MM-dd</c>, in the moment's window (<see cref="EnregistrerResultat.Fenetre"/>).</summary>
public sealed record ResultatSaisie
{
    public string Moment { get; init; } = "";
    public string Type { get; init; } = "";
    [Required(ErrorMessage = "Indiquez la date de la mesure.")] public DateOnly? Date { get; init; }
    public string Source { get; init; } = "";
    [StringLength(200, ErrorMessage = "200 caractères au plus.")] public string? Organisme { get; init; }
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")] public string? Commentaire { get; init; }
}

public static class EnregistrerResultat
{
    /// <summary>The window of a measure's date, in months after the exit day (<see cref="Inscription.SortieLe"/>), both ends included:
    /// at exit from the last day to one month after (the exit interview); +3 months from 2 to 4 months after; +6 months from 5 to 7 months
    /// after (the journal's follow-up ends at 7 months, <see cref="EcrireJournal.MoisSuiviApresSortie"/>). The windows do not overlap, so a
    /// date says which measure it is; the school's rule « +3 and +6 months after exit » is the standards page's, section 3.</summary>
    public static (int Debut, int Fin) Fenetre(string moment) => moment switch { "sortie" => (0, 1), "3mois" => (2, 4), _ => (5, 7) };

    /// <summary>Records one outcome. The type is checked against the list of the programme's nature (<see cref="Vocabulaire.TypesResultatDe"/>:
    /// the school's for <c>ecole</c>, the helpers' for <c>aidants</c>). The date is today at the latest (<paramref name="horloge"/>, the
    /// territory's day) and inside the moment's <see cref="Fenetre"/>. Every field is checked at once.</summary>
    /// <exception cref="KeyNotFoundException">Unknown enrolment (404).</exception>
    /// <exception cref="ValidationException">Unknown code (the message lists the codes to send), missing date, a date in the future or
    /// outside the moment's window (400, all fields together).</exception>
    /// <exception cref="RegleMetierException">Not out of the course yet, or an outcome already recorded for this moment (409; the unique index decides under concurrency).</exception>
    public static async Task<Resultat> ExecuterAsync(AppDbContext db, int inscriptionId, ResultatSaisie s, string saisiPar, TimeProvider horloge, CancellationToken ct)
    {
        var i = await db.Set<Inscription>().Where(x => x.Id == inscriptionId).Select(x => new { x.SortieLe, x.Cohorte!.Programme!.Nature }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException("Parcours inconnu.");
        var types = Vocabulaire.TypesResultatDe(i.Nature);
        var e = Valider.Objet(s) ?? [];
        var moment = Vocabulaire.Moments.FirstOrDefault(m => m.Code == s.Moment);
        if (moment.Code is null) e["Moment"] = ["Moment inconnu : sortie, 3mois ou 6mois."];
        if (!Vocabulaire.Existe(types, s.Type)) e["Type"] = [string.IsNullOrEmpty(s.Type) ? "Choisissez la situation de la personne." : $"Choisissez une situation dans la liste : {Vocabulaire.Choix(types)}."];
        if (!Vocabulaire.Existe(Vocabulaire.Sources, s.Source)) e["Source"] = [$"Choisissez une source dans la liste : {Vocabulaire.Choix(Vocabulaire.Sources)}."];
        var aujourdHui = Territoire.AujourdHui(horloge);
        if (s.Date > aujourdHui) e["Date"] = ["La date de la mesure tombe aujourd'hui au plus tard : on ne mesure pas une situation à venir."];
        else if (s.Date is { } le && i.SortieLe is { } sortie && moment.Code is not null)
        {
            var (debut, fin) = Fenetre(moment.Code);
            if (le < sortie.AddMonths(debut) || le > sortie.AddMonths(fin))
                e["Date"] = [$"Pour le moment « {moment.Libelle.ToLowerInvariant()} », la mesure est datée du {sortie.AddMonths(debut):dd/MM/yyyy} au {sortie.AddMonths(fin):dd/MM/yyyy}"
                    + (debut == 0 ? $" (de la sortie à un mois après)." : $" ({debut} à {fin} mois après la sortie du {sortie:dd/MM/yyyy}).")];
        }
        if (e.Count > 0) throw Valider.Invalide(e, "Résultat incomplet");
        if (i.SortieLe is null) throw new RegleMetierException("Enregistrez d'abord la sortie du parcours : les résultats se mesurent à partir d'elle.", "Moment");
        var existe = new RegleMetierException($"Un résultat est déjà enregistré pour le moment « {moment.Libelle.ToLowerInvariant()} ».", "Moment");
        if (await db.Set<Resultat>().AnyAsync(r => r.InscriptionId == inscriptionId && r.Moment == s.Moment, ct)) throw existe;
        var r = new Resultat
        {
            InscriptionId = inscriptionId, Moment = s.Moment, Type = s.Type, Le = s.Date!.Value, Source = s.Source, Organisme = s.Organisme?.Trim(),
            Commentaire = s.Commentaire?.Trim(), SaisiPar = saisiPar, SaisiLe = horloge.GetUtcNow().UtcDateTime,
        };
        db.Add(r);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<Resultat>().AnyAsync(x => x.InscriptionId == inscriptionId && x.Moment == s.Moment, ct)) throw existe;
            throw;
        }
        return r;
    }
}
