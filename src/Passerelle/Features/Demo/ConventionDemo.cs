using Bogus;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Demo;

/// <summary>The demo's service convention (Métropole AMP ↔ Port-Saint-Louis-du-Rhône, Maison France Service, 4 rue Jean
/// Rouget): 5 weekly slots and one workshop a month from 1 October 2024 to 1 October 2025, with a year of (fictitious)
/// history, and its renewal covering today so that the demo shows free slots and sessions in the coming weeks.</summary>
public static class ConventionDemo
{
    sealed class Horloge(DateTimeOffset t) : TimeProvider { public override DateTimeOffset GetUtcNow() => t; }

    public static async Task SemerAsync(AppDbContext db, Structure metropole, Structure commune, int lieuId, Mediateur mediateur, TimeProvider horloge, CancellationToken ct, int? deliberationId = null)
    {
        var atelier = new Atelier
        {
            Titre = "Premiers pas avec l'ordinateur", Description = "Allumer l'ordinateur, utiliser la souris et le clavier, ouvrir internet, créer une adresse électronique.",
            Themes = "Prendre en main du matériel|Navigation sur internet|E-mail", Niveau = "Débutant", Public = "Adultes et seniors débutants",
            MaterielNecessaire = "Rien : les ordinateurs sont fournis.", DureeMinutes = 120,
        };
        db.Ateliers.AddRange(atelier, new Atelier { Titre = "Éviter les arnaques en ligne", Themes = "Prévention en sécurité numérique", Niveau = "Intermédiaire", DureeMinutes = 90 });
        await db.SaveChangesAsync(ct);
        var planning = new PlanningSaisie(DayOfWeek.Tuesday, new TimeOnly(9, 0), Motif.IdDemarches, [mediateur.Id], atelier.Id, 1, DayOfWeek.Wednesday, new TimeOnly(14, 0), 8);
        var maintenant = horloge.GetUtcNow();
        var faker = new Faker("fr") { Random = new Randomizer(2024) };

        foreach (var (intitule, debut, fin, deliberation) in new[]
        {
            ("Médiation numérique à la Maison France Service de Port-Saint-Louis-du-Rhône", new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1), DeliberationsDemo.NumeroConventionPortSaintLouis),
            ("Médiation numérique à la Maison France Service de Port-Saint-Louis-du-Rhône (renouvellement)", new DateOnly(2025, 10, 1), new DateOnly(2027, 10, 1), "Délibération du conseil municipal n° 2025-064 du 18 septembre 2025"),
        })
        {
            var c = new Convention
            {
                Intitule = intitule, CoordinateurId = metropole.Id, PartenaireId = commune.Id, LieuId = lieuId, DateDebut = debut, DateFin = fin,
                CreneauxParSemaine = 5, AteliersParMois = 1, DateSignature = debut.AddDays(-10),
                // The first convention is authorised by the Bureau's act in the register; the renewal's act is not there yet.
                DeliberationId = deliberation == DeliberationsDemo.NumeroConventionPortSaintLouis ? deliberationId : null,
                ReferenceDeliberation = deliberation == DeliberationsDemo.NumeroConventionPortSaintLouis && deliberationId is not null ? null : deliberation,
            };
            db.Conventions.Add(c);
            await db.SaveChangesAsync(ct);
            // Slots from the start of the convention up to the rolling horizon after today.
            var depart = new Horloge(new DateTimeOffset(debut.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await Planning.GenererAsync(db, c, planning, depart, ct);
            var horizon = (int)Math.Min((fin.ToDateTime(TimeOnly.MinValue) - depart.GetUtcNow().UtcDateTime).TotalDays, (maintenant.UtcDateTime - depart.GetUtcNow().UtcDateTime).TotalDays + 91);
            if (horizon > 0)
                foreach (var id in await db.Permanences.Where(p => p.ConventionId == c.Id).Select(p => p.Id).ToListAsync(ct))
                    await GenererCreneaux.ExecuterAsync(db, depart, id, ct, horizon);

            // History: past slots mostly booked and honoured; the future lightly booked. Summer 2025: the mediator was on leave.
            var creneaux = await db.Creneaux.Where(x => db.Permanences.Any(p => p.Id == x.PermanenceId && p.ConventionId == c.Id)).OrderBy(x => x.Debut).ToListAsync(ct);
            foreach (var cr in creneaux)
            {
                var passe = cr.Debut < maintenant.UtcDateTime;
                if (cr.Debut.Month == 8 && cr.Debut.Year == 2025) { if (cr.Reserves == 0) db.Creneaux.Remove(cr); continue; }
                if (!faker.Random.Bool(passe ? 0.8f : 0.3f) || cr.Reserves >= cr.Capacite) continue;
                var statut = !passe ? StatutReservation.Confirmee
                    : faker.Random.WeightedRandom([StatutReservation.Honoree, StatutReservation.Absente, StatutReservation.Excusee, StatutReservation.Annulee], [0.75f, 0.1f, 0.05f, 0.1f]);
                if (statut != StatutReservation.Annulee) cr.Reserves++;
                db.Reservations.Add(new Reservation
                {
                    CreneauId = cr.Id, Jeton = Jetons.Nouveau(), Prenom = faker.Name.FirstName(), Nom = faker.Name.LastName(), Telephone = "+336" + faker.Random.ReplaceNumbers("########"),
                    Objet = faker.PickRandom("Déclaration de revenus", "Dossier CAF", "Compte Ameli", "Retraite", "Carte grise", "France Travail", null),
                    Consentement = true, Statut = statut, CreeLe = cr.Debut.AddDays(-faker.Random.Int(2, 20)), AnnuleeLe = statut == StatutReservation.Annulee ? cr.Debut.AddDays(-1) : null,
                });
            }
            var sessions = await db.SessionsAteliers.Where(s => s.ConventionId == c.Id).ToListAsync(ct);
            foreach (var s in sessions)
            {
                var passe = s.Debut < maintenant.UtcDateTime;
                var n = passe ? faker.Random.Int(4, 8) : faker.Random.Int(0, 5);
                for (var i = 0; i < n; i++)
                {
                    db.Inscriptions.Add(new Inscription
                    {
                        SessionId = s.Id, Jeton = Jetons.Nouveau(), Prenom = faker.Name.FirstName(), Nom = faker.Name.LastName(), Consentement = true, CreeLe = s.Debut.AddDays(-10),
                        Statut = passe ? faker.Random.WeightedRandom([StatutInscription.Honoree, StatutInscription.Absente, StatutInscription.Excusee], [0.8f, 0.1f, 0.1f]) : StatutInscription.Inscrit,
                        Email = passe ? null : $"participant{s.Id}-{i}@exemple.org",
                    });
                    s.Inscrits++;
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
