using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Former.Parcours;

/// <summary><c>POST /api/v1/parcours/inscriptions/{id}/equipe/{membreId}/fin</c>: a member leaves the support team on <see cref="Le"/>
/// (a calendar day in Paris), with a reason. The referent is never closed here: it is replaced (<see cref="ChangerReferent"/>).</summary>
public sealed record FinMembreSaisie
{
    [Required(ErrorMessage = "Indiquez le dernier jour de cette participation.")] public DateOnly? Le { get; init; }
    [Required(ErrorMessage = "Indiquez le motif de la fin de participation."), StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Motif { get; init; }
}

public static class CloreMembre
{
    /// <summary>The UTC instant a dated role starts or ends: now for today, else the day's midnight in Paris.</summary>
    public static DateTime Instant(DateOnly jour, DateOnly aujourdHui, TimeProvider horloge) => jour == aujourdHui
        ? horloge.GetUtcNow().UtcDateTime
        : TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(TimeOnly.MinValue), Territoire.Zone(null));

    /// <exception cref="ValidationException">Missing day or reason, an end before the start or after today (400).</exception>
    /// <exception cref="KeyNotFoundException">No such member in this pathway (404).</exception>
    /// <exception cref="RegleMetierException">The referent, or a participation already closed (409).</exception>
    public static async Task ExecuterAsync(AppDbContext db, int inscriptionId, int membreId, FinMembreSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        if (Valider.Objet(s) is { } e) throw Valider.Invalide(e, "Fin de participation incomplète");
        var m = await db.Set<MembreEquipe>().FirstOrDefaultAsync(x => x.Id == membreId && x.InscriptionId == inscriptionId, ct)
            ?? throw new KeyNotFoundException("Membre inconnu dans ce parcours.");
        if (m.Role == Vocabulaire.Referent) throw new RegleMetierException("Le ou la référent·e ne se retire pas : choisissez son ou sa remplaçant·e.", "MembreId");
        if (m.Fin is not null) throw new RegleMetierException("Cette participation est déjà close.", "MembreId");
        var aujourdHui = Territoire.AujourdHui(horloge);
        var debut = DateOnly.FromDateTime(Territoire.HeureLocale(m.Debut));
        if (s.Le < debut || s.Le > aujourdHui)
            throw Valider.Invalide(new() { ["Le"] = [$"Le dernier jour tombe entre le début de la participation ({debut:dd/MM/yyyy}) et aujourd'hui."] }, "Fin de participation incomplète");
        // Conditional update: two closings at once close it once.
        var fin = s.Le == aujourdHui ? horloge.GetUtcNow().UtcDateTime : Instant(s.Le!.Value.AddDays(1), aujourdHui, horloge).AddSeconds(-1);
        if (fin < m.Debut) fin = m.Debut;
        var n = await db.Set<MembreEquipe>().Where(x => x.Id == membreId && x.Fin == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Fin, fin).SetProperty(x => x.MotifFin, s.Motif!.Trim()), ct);
        if (n == 0) throw new RegleMetierException("Cette participation est déjà close.", "MembreId");
    }
}
