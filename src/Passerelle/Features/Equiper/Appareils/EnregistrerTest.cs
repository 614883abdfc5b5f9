using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>The functional checklist (all functions, décret 2022-190): <c>Echecs</c> lists the points that failed (codes of
/// <see cref="EnregistrerTest.Points"/>); <c>Grade</c> A–D and battery health (%) are the grading.</summary>
public sealed record TestSaisie(List<string>? Echecs, int? SanteBatterie, string? Grade, string? Note);

public static class EnregistrerTest
{
    public static readonly (string Code, string Libelle)[] Points =
    [
        ("demarrage", "Démarrage et système"), ("ecran", "Écran"), ("clavier", "Clavier et pavé tactile"), ("batterie", "Batterie et charge"),
        ("ports", "Ports (USB, vidéo, audio)"), ("wifi", "Wi-Fi"), ("camera", "Caméra et micro"), ("son", "Haut-parleurs"),
    ];

    public static async Task<TestFonctionnel> ExecuterAsync(AppDbContext db, int appareilId, TestSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var echecs = (s.Echecs ?? []).Distinct().ToList();
        var e = new Dictionary<string, string[]>();
        if (echecs.Any(x => !Points.Any(p => p.Code == x))) e["echecs"] = ["Point de contrôle inconnu."];
        if (s.SanteBatterie is < 0 or > 100) e["santeBatterie"] = ["Santé de la batterie entre 0 et 100 %."];
        if (s.Grade is not (null or "" or "A" or "B" or "C" or "D")) e["grade"] = ["Grade d'aspect : A, B, C ou D."];
        if ((s.Note?.Length ?? 0) > 1000) e["note"] = ["1 000 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Test invalide");
        var a = await db.Set<Appareil>().FirstOrDefaultAsync(x => x.Id == appareilId, ct) ?? throw new KeyNotFoundException("Appareil inconnu.");
        if (a.Etat is not (Etats.Recu or Etats.Qualifie or Etats.Efface or Etats.Teste or Etats.Classe))
            throw new RegleMetierException("Les tests et le classement se font à l'atelier, avant le reconditionnement.", "echecs");
        var t = new TestFonctionnel
        {
            AppareilId = a.Id, Le = horloge.GetUtcNow().UtcDateTime, Operateur = ChangerEtat.Auteur(qui), Echecs = string.Join(",", echecs),
            Reussi = echecs.Count == 0, Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim(),
        };
        db.Add(t);
        if (!string.IsNullOrEmpty(s.Grade)) a.Grade = s.Grade;
        if (s.SanteBatterie is not null) a.SanteBatterie = s.SanteBatterie;
        await db.SaveChangesAsync(ct);
        return t;
    }
}
