using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>The places and mediators a manager may close or declare absent (their perimeter), for the forms' lists.</summary>
public static class Choix
{
    public static async Task<List<(int Id, string Nom)>> LieuxAsync(AppDbContext db, HashSet<int>? perimetre, CancellationToken ct)
    {
        var lieux = db.Lieux.Where(l => !l.Archive && l.StructureId != null);
        if (perimetre is not null) lieux = lieux.Where(l => perimetre.Contains(l.StructureId!.Value));
        return (await lieux.OrderBy(l => l.Nom).Select(l => new { l.Id, l.Nom, l.Commune }).Take(1000).ToListAsync(ct)).Select(l => (l.Id, $"{l.Nom} ({l.Commune})")).ToList();
    }

    public static async Task<List<(int Id, string Nom)>> MediateursAsync(AppDbContext db, HashSet<int>? perimetre, CancellationToken ct)
    {
        var mediateurs = db.Mediateurs.Where(m => !m.Archive);
        if (perimetre is not null) mediateurs = mediateurs.Where(m => m.Emplois.Any(e => perimetre.Contains(e.StructureId)));
        return (await mediateurs.OrderBy(m => m.Nom).ThenBy(m => m.Prenom).Select(m => new { m.Id, N = m.Prenom + " " + m.Nom }).Take(1000).ToListAsync(ct)).Select(m => (m.Id, m.N)).ToList();
    }

    /// <summary>The French confirmation shown after an action (Post-Redirect-Get to /admin/fermetures/fait).</summary>
    public static string Bilan(ResultatFermeture r, bool fermeture)
    {
        var lignes = new List<string>();
        lignes.Add(r.RendezvousAnnules switch
        {
            0 => "Aucun rendez-vous pris n'était concerné.",
            1 => "1 rendez-vous a été annulé : la personne est prévenue par message et voit l'annulation et sa raison sur son lien.",
            var n => $"{n} rendez-vous ont été annulés : les personnes sont prévenues par message et voient l'annulation et sa raison sur leur lien.",
        });
        if (r.SessionsAnnulees > 0)
            lignes.Add($"{r.SessionsAnnulees} session(s) d'atelier annulée(s), {r.PersonnesAtelierPrevenues} personne(s) inscrite(s) ou en attente prévenue(s).");
        lignes.Add(fermeture ? "Plus aucun créneau n'est proposé ces jours-là." : "Les places de ce médiateur sont retirées de ces jours-là.");
        return string.Join("\n", lignes);
    }
}
