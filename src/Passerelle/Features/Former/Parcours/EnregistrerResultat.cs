using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/resultats</c>: <c>{ "moment": "sortie"|"3mois"|"6mois", "type", "date", "source" }</c>
/// with the codes of <see cref="Vocabulaire.TypesResultat"/> and <see cref="Vocabulaire.Sources"/>.</summary>
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
    /// <exception cref="ValidationException">Unknown code, missing date, a date before the exit (400).</exception>
    /// <exception cref="RegleMetierException">Not out of the course yet, or an outcome already recorded for this moment (409; the unique index decides under concurrency).</exception>
    public static async Task<Resultat> ExecuterAsync(AppDbContext db, int inscriptionId, ResultatSaisie s, string saisiPar, TimeProvider horloge, CancellationToken ct)
    {
        var e = Valider.Objet(s) ?? [];
        if (!Vocabulaire.Moments.Any(m => m.Code == s.Moment)) e["Moment"] = ["Moment inconnu : sortie, 3mois ou 6mois."];
        if (!Vocabulaire.Existe(Vocabulaire.TypesResultat, s.Type)) e["Type"] = [string.IsNullOrEmpty(s.Type) ? "Choisissez la situation de la personne." : $"Choisissez une situation dans la liste : {Vocabulaire.Libelles(Vocabulaire.TypesResultat)}."];
        if (!Vocabulaire.Existe(Vocabulaire.Sources, s.Source)) e["Source"] = [$"Choisissez une source dans la liste : {Vocabulaire.Libelles(Vocabulaire.Sources)}."];
        if (e.Count > 0) throw Valider.Invalide(e, "Résultat incomplet");
        var i = await db.Set<Inscription>().Where(x => x.Id == inscriptionId).Select(x => new { x.SortieLe }).FirstOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException("Parcours inconnu.");
        if (i.SortieLe is null) throw new RegleMetierException("Enregistrez d'abord la sortie du parcours : les résultats se mesurent à partir d'elle.", "Moment");
        if (s.Date < i.SortieLe) throw Valider.Invalide(new() { ["Date"] = ["La mesure précède la sortie du parcours."] }, "Résultat incomplet");
        var existe = new RegleMetierException($"Un résultat est déjà enregistré pour le moment « {Vocabulaire.Moments.First(m => m.Code == s.Moment).Libelle.ToLowerInvariant()} ».", "Moment");
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
