using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Reseau.Horaires;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;

namespace Passerelle.Features.Demo;

/// <summary>What a visitor of the demo can book: weekly permanences in several communes (Marseille first) for both individual
/// motifs, and workshop sessions at several places over the coming weeks, all starting from today.</summary>
public static class AgendaDemo
{
    public sealed record Equipe(Lieu Lieu, Mediateur Mediateur);

    public static async Task SemerAsync(AppDbContext db, IReadOnlyList<Equipe> equipes, TimeProvider horloge, CancellationToken ct)
    {
        var zone = Territoire.Zone("Europe/Paris");
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), zone).DateTime);
        (int Motif, DayOfWeek[] Jours, TimeOnly Debut, TimeOnly Fin)[] plannings =
        [
            (Motif.IdAccompagnement, [DayOfWeek.Monday, DayOfWeek.Wednesday], new(9, 0), new(12, 0)),
            (Motif.IdDemarches, [DayOfWeek.Tuesday, DayOfWeek.Thursday], new(14, 0), new(17, 0)),
            (Motif.IdDemarches, [DayOfWeek.Tuesday, DayOfWeek.Friday], new(9, 0), new(12, 0)),
            (Motif.IdAccompagnement, [DayOfWeek.Thursday], new(14, 0), new(17, 0)),
            (Motif.IdDemarches, [DayOfWeek.Wednesday, DayOfWeek.Friday], new(9, 0), new(12, 0)),
        ];
        var permanences = new List<Permanence>();
        foreach (var (equipe, p) in equipes.Zip(plannings))
        {
            var permanence = new Permanence
            {
                LieuId = equipe.Lieu.Id, MotifId = p.Motif, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(p.Jours),
                HeureDebut = p.Debut, HeureFin = p.Fin, DateDebut = aujourdHui, Mediateurs = [equipe.Mediateur],
            };
            permanence.Verifier();
            db.Permanences.Add(permanence);
            permanences.Add(permanence);
        }
        await db.SaveChangesAsync(ct);
        foreach (var p in permanences) await GenererCreneaux.ExecuterAsync(db, horloge, p.Id, ct);

        var ateliers = new[]
        {
            new Atelier { Titre = "Prendre en main son smartphone", Description = "Régler son téléphone, installer une application, envoyer une photo.",
                Themes = "Prendre en main du matériel", Niveau = "Débutant", Public = "Tout public", MaterielNecessaire = "Votre smartphone chargé.", DureeMinutes = 120 },
            new Atelier { Titre = "Mes démarches en ligne : Ameli, CAF, impôts", Description = "Créer ses comptes, retrouver ses identifiants, déposer un document.",
                Themes = VocabulaireCoop.ThemeDemarches, Niveau = "Débutant", Public = "Adultes", MaterielNecessaire = "Vos identifiants si vous en avez.", DureeMinutes = 90 },
        };
        db.Ateliers.AddRange(ateliers);
        await db.SaveChangesAsync(ct);
        for (var semaine = 0; semaine < 6; semaine++)
            foreach (var (equipe, i) in equipes.Select((e, i) => (e, i)))
            {
                var atelier = ateliers[(semaine + i) % ateliers.Length];
                var jour = aujourdHui.AddDays(7 * semaine + 2 + i);
                var debut = TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(new TimeOnly(14, 0)), zone);
                db.SessionsAteliers.Add(new SessionAtelier { AtelierId = atelier.Id, LieuId = equipe.Lieu.Id, Debut = debut, Fin = debut.AddMinutes(atelier.DureeMinutes), Capacite = 8 });
            }
        await db.SaveChangesAsync(ct);
    }
}
