using Bogus;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Accompagner.Rendezvous;

namespace Passerelle.Features.Demo;

/// <summary>Fictitious people followed by the demo mediator's structure (some in the Port-Saint-Louis QPV, one pair of duplicates to merge)
/// and the records of the demo convention's honoured appointments and workshops, so that the dashboard and the files have something to show.</summary>
public static class ActivitesDemo
{
    public static async Task SemerAsync(AppDbContext db, int structureId, int mediateurId, TimeProvider horloge, CancellationToken ct)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2025) };
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var quartier = await db.Qpv.Where(q => q.CodesInsee.Contains("13078")).Select(q => q.Code).FirstOrDefaultAsync(ct);
        var personnes = new List<Beneficiaire>();
        for (var i = 0; i < 40; i++)
        {
            var suivi = i < 28;
            var portSaintLouis = faker.Random.Bool(0.7f);
            var b = new Beneficiaire { StructureId = structureId, CreeLe = maintenant, DerniereActiviteLe = maintenant };
            b.Modifier(new BeneficiaireSaisie
            {
                Suivi = suivi, Prenom = suivi ? faker.Name.FirstName() : null, Nom = suivi ? faker.Name.LastName() : null, Consentement = suivi,
                Telephone = suivi && faker.Random.Bool(0.7f) ? "06" + faker.Random.ReplaceNumbers("########") : null,
                AnneeNaissance = faker.Random.Bool(0.9f) ? faker.Random.Int(1935, 2006) : null, Genre = faker.PickRandom(VocabulaireCoop.Genres),
                Statut = faker.PickRandom(VocabulaireCoop.Statuts), Commune = portSaintLouis ? "Port-Saint-Louis-du-Rhône" : faker.PickRandom("Fos-sur-Mer", "Arles", "Istres"),
                CodePostal = portSaintLouis ? "13230" : null, CodeQpv = portSaintLouis && quartier is not null && faker.Random.Bool(0.5f) ? quartier : null,
            }, maintenant.Year, maintenant, null);
            personnes.Add(b);
        }
        // Two files for one person, typed twice at the desk: the duplicate the demo lets you merge.
        foreach (var prenom in new[] { "Josiane", "Josianne" })
        {
            var b = new Beneficiaire { StructureId = structureId, CreeLe = maintenant, DerniereActiviteLe = maintenant };
            b.Modifier(new BeneficiaireSaisie { Suivi = true, Prenom = prenom, Nom = "Martin-Demo", Telephone = "06 12 00 00 01", AnneeNaissance = 1948, Genre = "Féminin",
                Statut = "Retraité", Commune = "Port-Saint-Louis-du-Rhône", CodePostal = "13230", CodeQpv = quartier, Consentement = true }, maintenant.Year, maintenant, null);
            personnes.Add(b);
        }
        db.Beneficiaires.AddRange(personnes);
        await db.SaveChangesAsync(ct);

        var rendezvous = await db.Reservations.Where(r => r.Statut == StatutReservation.Honoree && r.Creneau!.Permanence!.Mediateurs.Any(m => m.Id == mediateurId))
            .Select(r => new { r.Id, r.Creneau!.Debut, r.Creneau.LieuId, r.Objet, Duree = r.Creneau.Motif!.DureeMinutes }).ToListAsync(ct);
        foreach (var r in rendezvous)
        {
            var personne = faker.Random.Bool(0.6f) ? faker.PickRandom(personnes) : null;
            var demarches = r.Objet is not null;
            db.Activites.Add(new Activite
            {
                MediateurId = mediateurId, Type = VocabulaireCoop.Individuel, Date = DateOnly.FromDateTime(r.Debut), DureeMinutes = r.Duree, TypeLieu = VocabulaireCoop.LieuActivite,
                LieuId = r.LieuId, ReservationId = r.Id, BeneficiaireId = personne?.Id,
                Themes = demarches ? VocabulaireCoop.ThemeDemarches : faker.PickRandom("E-mail", "Navigation sur internet", "Prendre en main du matériel|E-mail", "Banque et achats en ligne"),
                ThemesDemarches = demarches ? faker.PickRandom("Argent - Impôts", "Social - Santé", "Travail - Formation - Entreprise", "Transports - Mobilité") : null,
                NomDemarche = r.Objet, Materiel = faker.PickRandom("Ordinateur", "Téléphone", "Ordinateur|Téléphone"),
                Autonomie = faker.PickRandom(VocabulaireCoop.Autonomie), Orientation = faker.Random.Bool(0.1f) ? faker.PickRandom(VocabulaireCoop.Orientations) : null,
                CreeLe = r.Debut, ModifieLe = r.Debut,
            });
        }
        var sessions = await db.SessionsAteliers.Where(s => s.Debut < maintenant && s.ConventionId != null)
            .Select(s => new { s.Id, s.Debut, s.LieuId, s.Atelier!.Themes, s.Atelier.Niveau, s.Atelier.DureeMinutes,
                Presents = db.Inscriptions.Count(i => i.SessionId == s.Id && i.Statut == Accompagner.Ateliers.StatutInscription.Honoree) }).ToListAsync(ct);
        foreach (var s in sessions.Where(s => s.Presents > 0))
        {
            var nommes = faker.PickRandom(personnes.Where(p => p.Suivi), Math.Min(2, s.Presents)).ToList();
            var anonymes = s.Presents - nommes.Count;
            var femmes = anonymes == 0 ? 0 : faker.Random.Int(0, anonymes);
            db.Activites.Add(new Activite
            {
                MediateurId = mediateurId, Type = VocabulaireCoop.Collectif, Date = DateOnly.FromDateTime(s.Debut), DureeMinutes = s.DureeMinutes, TypeLieu = VocabulaireCoop.LieuActivite,
                LieuId = s.LieuId, SessionAtelierId = s.Id, Themes = string.Join('|', (s.Themes ?? "").Split('|').Where(VocabulaireCoop.Themes.Contains)), Niveau = s.Niveau,
                Materiel = "Ordinateur", ParticipantsAnonymes = anonymes, ParticipantsNommes = nommes.Count,
                Participants = nommes.Select(p => new ParticipantActivite { BeneficiaireId = p.Id }).ToList(),
                Decomptes = femmes == 0 ? [] : [new DecompteAnonyme { Critere = DecompteAnonyme.Genre, Valeur = "Féminin", Nombre = femmes }],
                CreeLe = s.Debut, ModifieLe = s.Debut,
            });
        }
        await db.SaveChangesAsync(ct);
        // Some referrals with their outcome, and diagnostics showing progress.
        foreach (var p in personnes.Where(p => p.Suivi).Take(12))
        {
            db.Orientations.Add(new Orientation { BeneficiaireId = p.Id, Date = DateOnly.FromDateTime(maintenant).AddDays(-faker.Random.Int(20, 200)),
                Categorie = faker.PickRandom(VocabulaireCoop.Orientations), Destinataire = faker.PickRandom("CCAS de Port-Saint-Louis", "France Travail Martigues", "CAF des Bouches-du-Rhône"),
                Motif = "Suite de la démarche", Resultat = faker.PickRandom(ResultatsOrientation.Tous) });
            var premier = new Diagnostic { BeneficiaireId = p.Id, Date = DateOnly.FromDateTime(maintenant).AddMonths(-6), MediateurId = mediateurId,
                Niveaux = Referentiel.Competences.Take(6).Select(c => new NiveauCompetence { Competence = c.Code, Niveau = faker.Random.Int(0, 1) }).ToList() };
            var second = new Diagnostic { BeneficiaireId = p.Id, Date = DateOnly.FromDateTime(maintenant).AddMonths(-1), MediateurId = mediateurId,
                Niveaux = premier.Niveaux.Select(n => new NiveauCompetence { Competence = n.Competence, Niveau = Math.Min(3, n.Niveau + faker.Random.Int(0, 2)) }).ToList() };
            db.Diagnostics.AddRange(premier, second);
        }
        foreach (var nom in new[] { "Aller vers", "Solidarité Numérique", "Quartier d'été" }) db.Etiquettes.Add(new Etiquette { Nom = nom });
        await db.SaveChangesAsync(ct);
    }
}
