using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Fabrique;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>« Connexion solidaire Métropole » (issue 13 §9): run by the demo mediator's team with a fictitious operator, a fictitious social
/// landlord in a Marseille QPV, two demo associations and the Métropole as funder; its offers, 150 enrolments of fictitious people, a year of
/// ledger within the monthly cap with a few refunds, lines and boxes, three-field diagnostics, and an operator account (aggregates only).</summary>
public static class ConnexionDemo
{
    public const string Nom = "Connexion solidaire Métropole";

    /// <returns>The operator's demo account, for the accounts file.</returns>
    public static async Task<List<(string Role, string Email, string MotDePasse)>> SemerAsync(IServiceProvider sp, AppDbContext db, Structure gestionnaire, TimeProvider horloge, CancellationToken ct)
    {
        var faker = new Faker("fr") { Random = new Randomizer(1313) };
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdhui = DateOnly.FromDateTime(maintenant);
        var operateur = new Structure { Nom = "Sud Mobile Solidaire (opérateur fictif)", Typologie = "AUTRE", Commune = "Marseille", CodePostal = "13002", Demo = true };
        var bailleur = new Structure { Nom = "Habitat Nord Provence (bailleur social fictif)", Typologie = "AUTRE", Commune = "Marseille", CodePostal = "13015", Demo = true };
        db.Structures.AddRange(operateur, bailleur);
        await db.SaveChangesAsync(ct);
        var associations = await db.Structures.Where(s => s.Demo && s.Typologie == "ASSO").OrderBy(s => s.Id).Take(2).ToListAsync(ct);
        var qpvMarseille = await db.Qpv.Where(q => q.CodesInsee.Contains("13055")).OrderBy(q => q.Code).Select(q => q.Code).Take(6).ToListAsync(ct);

        var debut = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-12);
        var p = new ProgrammeConnexion
        {
            Nom = Nom, StructureGestionnaireId = gestionnaire.Id, Debut = debut, Fin = debut.AddYears(3), BudgetCentimes = 18_000_000, PlafondMensuelCentimes = 3000,
            DureeAdhesionMois = 9, RenouvellementsMax = 1, RevueJoursAvantFin = 30, RetentionMois = 12,
            Regles = string.Join(',', "rsa", "ass", "aah", "orientation", EligibiliteConnexion.LocatairePartenaire, EligibiliteConnexion.ResidentQpv),
            OffresSortie = "Tarif social mobile de l'opérateur (numéro conservé) ; forfait à bas prix ; box sociale du bailleur", CreeLe = maintenant,
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        db.AddRange(new PartenaireProgramme { ProgrammeId = p.Id, Role = RolesPartenaires.Operateur, Nom = operateur.Nom, StructureId = operateur.Id },
            new PartenaireProgramme { ProgrammeId = p.Id, Role = RolesPartenaires.Bailleur, Nom = bailleur.Nom, StructureId = bailleur.Id },
            new PartenaireProgramme { ProgrammeId = p.Id, Role = RolesPartenaires.Financeur, Nom = "Métropole Aix-Marseille-Provence" });
        foreach (var a in associations) db.Add(new PartenaireProgramme { ProgrammeId = p.Id, Role = RolesPartenaires.Association, Nom = a.Nom, StructureId = a.Id });
        var offres = new[]
        {
            new OffreConnexion { ProgrammeId = p.Id, Type = TypesOffres.Sim, Libelle = "Carte SIM prépayée", ValeurFacialeCentimes = 500, PrixPayeCentimes = 250, SubventionCentimes = 250, SubventionPayeePar = operateur.Nom, VolumeMo = 10240 },
            new OffreConnexion { ProgrammeId = p.Id, Type = TypesOffres.Recharge, Libelle = "Recharge 5 € (10 Go)", ValeurFacialeCentimes = 500, PrixPayeCentimes = 200, SubventionCentimes = 300, SubventionPayeePar = "Métropole Aix-Marseille-Provence", VolumeMo = 10240 },
            new OffreConnexion { ProgrammeId = p.Id, Type = TypesOffres.Recharge, Libelle = "Recharge 10 € (20 Go)", ValeurFacialeCentimes = 1000, PrixPayeCentimes = 400, SubventionCentimes = 600, SubventionPayeePar = "Métropole Aix-Marseille-Provence", VolumeMo = 20480 },
            new OffreConnexion { ProgrammeId = p.Id, Type = TypesOffres.Hotspot, Libelle = "Point d'accès partagé 2 Go", ValeurFacialeCentimes = 500, PrixPayeCentimes = 500, SubventionCentimes = 0, VolumeMo = 2048 },
            new OffreConnexion { ProgrammeId = p.Id, Type = TypesOffres.Box, Libelle = "Box sociale du bailleur", ValeurFacialeCentimes = 2300, PrixPayeCentimes = 500, SubventionCentimes = 1800, SubventionPayeePar = bailleur.Nom },
        };
        db.AddRange(offres);
        await db.SaveChangesAsync(ct);

        // 150 people of the managing team, two in three in a Marseille QPV, each enrolled once.
        var personnes = new List<Beneficiaire>();
        for (var i = 0; i < 150; i++)
        {
            var qpv = qpvMarseille.Count > 0 && i % 3 != 2 ? qpvMarseille[i % qpvMarseille.Count] : null;
            var b = new Beneficiaire { StructureId = gestionnaire.Id, CreeLe = maintenant, DerniereActiviteLe = maintenant };
            b.Modifier(new BeneficiaireSaisie
            {
                Suivi = true, Prenom = faker.Name.FirstName(), Nom = faker.Name.LastName(), Consentement = true, AnneeNaissance = faker.Random.Int(1945, 2005),
                Genre = faker.PickRandom(VocabulaireCoop.Genres), Statut = faker.PickRandom(VocabulaireCoop.Statuts), Commune = "Marseille",
                CodePostal = faker.PickRandom("13013", "13014", "13015", "13016", "13003"), CodeQpv = qpv,
            }, aujourdhui.Year, maintenant, "démonstration");
            personnes.Add(b);
        }
        db.Beneficiaires.AddRange(personnes);
        await db.SaveChangesAsync(ct);

        var adhesions = new List<Adhesion>();
        var regles = new[] { "rsa", "rsa", "orientation", "orientation", "aah", "ass", EligibiliteConnexion.LocatairePartenaire, EligibiliteConnexion.ResidentQpv };
        foreach (var (b, i) in personnes.Select((b, i) => (b, i)))
        {
            var regle = b.CodeQpv is null && regles[i % regles.Length] == EligibiliteConnexion.ResidentQpv ? "orientation" : regles[i % regles.Length];
            var entree = debut.AddDays(faker.Random.Int(0, 340));
            var preuve = entree.AddDays(-faker.Random.Int(1, 40));
            var fin = entree.AddMonths(9);
            var a = new Adhesion
            {
                ProgrammeId = p.Id, BeneficiaireId = b.Id, StructureId = gestionnaire.Id, Prescripteur = faker.PickRandom("CCAS de Marseille", "Maison départementale de la solidarité", "CAF des Bouches-du-Rhône", "Centre social"),
                Regle = regle, Justificatif = faker.PickRandom("attestation CAF", "fiche d'orientation", "quittance de loyer", "justificatif de domicile"), DateJustificatif = preuve,
                EligibleJusquAu = EligibiliteConnexion.Expiration(regle, preuve), Debut = entree, Fin = fin, RevueLe = fin.AddDays(-30), Statut = StatutsAdhesion.Active,
                PlafondMensuelCentimes = p.PlafondMensuelCentimes, Commune = b.Commune, CodeQpv = b.CodeQpv, CreeLe = entree.ToDateTime(new TimeOnly(10, 0)), CreePar = "démonstration",
            };
            if (fin < aujourdhui)
            {
                if (i % 4 == 0 && fin.AddMonths(9) >= aujourdhui) { a.Fin = fin.AddMonths(9); a.RevueLe = a.Fin.AddDays(-30); a.Renouvellements = 1; }
                else { a.Statut = StatutsAdhesion.Terminee; a.TermineeLe = fin; a.MotifSortie = "Fin de parcours"; a.OffreSortie = faker.PickRandom("Tarif social mobile, numéro conservé", "Forfait à bas prix", "Box sociale du bailleur"); }
            }
            else if (i % 29 == 0) a.Statut = StatutsAdhesion.Suspendue;
            adhesions.Add(a);
        }
        db.AddRange(adhesions);
        await db.SaveChangesAsync(ct);

        // Lines for everyone, boxes for the landlord's tenants; the ledger month by month, within the cap.
        var mouvements = new List<MouvementRecharge>();
        foreach (var (a, i) in adhesions.Select((a, i) => (a, i)))
        {
            db.Add(new LigneMobile { AdhesionId = a.Id, Iccid = $"893315{i:D13}", Numero = $"+336{faker.Random.ReplaceNumbers("########")}", Operateur = operateur.Nom, ActiveeLe = a.Debut, DesactiveeLe = a.TermineeLe });
            if (a.Regle == EligibiliteConnexion.LocatairePartenaire)
                db.Add(new ActivationBox { AdhesionId = a.Id, Bailleur = bailleur.Nom, Residence = faker.PickRandom("Résidence Les Cèdres", "Résidence La Bricarde", "Résidence Le Plan d'Aou"), ReferenceLogement = $"B{faker.Random.Int(1, 9)}-{faker.Random.Int(1, 120):D3}", OffreId = offres[4].Id, ActiveeLe = a.Debut.AddDays(7) });
            var derniere = a.TermineeLe ?? (a.Fin < aujourdhui ? a.Fin : aujourdhui);
            for (var m = new DateOnly(a.Debut.Year, a.Debut.Month, 1); m <= derniere; m = m.AddMonths(1))
            {
                var consomme = 0L;
                for (var k = faker.Random.Int(0, 3); k > 0; k--)
                {
                    var offre = faker.Random.Bool(0.6f) ? offres[1] : offres[2];
                    if (consomme + offre.ValeurFacialeCentimes > p.PlafondMensuelCentimes) break;
                    consomme += offre.ValeurFacialeCentimes;
                    var jour = m.AddDays(faker.Random.Int(0, 27));
                    if (jour > aujourdhui || jour < a.Debut) continue;
                    mouvements.Add(new MouvementRecharge
                    {
                        AdhesionId = a.Id, OffreId = offre.Id, Type = TypesMouvements.Recharge, Le = jour.ToDateTime(new TimeOnly(11, 0)), Mois = Recharger.Mois(jour), MontantCentimes = offre.ValeurFacialeCentimes,
                        PrixPayeCentimes = offre.PrixPayeCentimes, SubventionCentimes = offre.SubventionCentimes, SourceSubvention = offre.SubventionPayeePar, VolumeMo = offre.VolumeMo,
                        Reference = faker.Random.Bool(0.97f) ? $"BON-{faker.Random.AlphaNumeric(8).ToUpperInvariant()}" : null, Auteur = "démonstration",
                    });
                }
            }
        }
        db.AddRange(mouvements);
        await db.SaveChangesAsync(ct);
        // A few refunds (a voucher that did not work): negative movements in the refunded month.
        foreach (var o in mouvements.Where((_, i) => i % 37 == 0).ToList())
            mouvements.Add(new MouvementRecharge
            {
                AdhesionId = o.AdhesionId, OffreId = o.OffreId, Type = faker.Random.Bool() ? TypesMouvements.Remboursement : TypesMouvements.BonAnnule, Le = o.Le.AddDays(2), Mois = o.Mois,
                MontantCentimes = -o.MontantCentimes, PrixPayeCentimes = -o.PrixPayeCentimes, SubventionCentimes = -o.SubventionCentimes, SourceSubvention = o.SourceSubvention,
                VolumeMo = -o.VolumeMo, Reference = $"AVOIR-{o.Id}", MouvementOrigineId = o.Id, Auteur = "démonstration",
            });
        db.AddRange(mouvements.Where(m => m.Id == 0));
        db.AddRange(mouvements.GroupBy(m => (m.AdhesionId, m.Mois)).Select(g => new ConsommationMensuelle
        {
            AdhesionId = g.Key.AdhesionId, Mois = g.Key.Mois, ConsommeCentimes = g.Sum(m => m.MontantCentimes), PlafondCentimes = p.PlafondMensuelCentimes,
        }));
        // The three-field diagnostic of each person at enrolment, and a second one for the first thirty.
        foreach (var (a, i) in adhesions.Select((a, i) => (a, i)))
        {
            var (equipement, connexion, score) = (faker.PickRandom("aucun", "partage", "ancien", "correct"), faker.PickRandom("aucune", "mobile", "trop_chere"), faker.Random.Int(0, 6));
            db.Add(new DiagnosticFabrique
            {
                BeneficiaireId = a.BeneficiaireId!.Value, StructureId = gestionnaire.Id, Le = a.CreeLe.AddMinutes(-20), Equipement = equipement, Connexion = connexion, ScoreCompetences = score,
                Objectifs = faker.PickRandom("demarche", "emploi", "lien", "demarche,emploi"), ManqueEquipement = ReponsesFabrique.ManqueEquipement(equipement),
                ManqueConnexion = ReponsesFabrique.ManqueConnexion(connexion), ManqueCompetences = ReponsesFabrique.ManqueCompetences(score), Commune = a.Commune, CodeQpv = a.CodeQpv, Auteur = "démonstration",
            });
            if (i < 30)
                db.Add(new DiagnosticFabrique
                {
                    BeneficiaireId = a.BeneficiaireId!.Value, StructureId = gestionnaire.Id, Le = a.CreeLe.AddMonths(3), Equipement = "correct", Connexion = "mobile", ScoreCompetences = 5,
                    Objectifs = "demarche", ManqueConnexion = true, Commune = a.Commune, CodeQpv = a.CodeQpv, Auteur = "démonstration",
                });
        }
        await db.SaveChangesAsync(ct);
        await ConnexionDemoTerrain.SemerAsync(db, p, gestionnaire.Id, adhesions, mouvements, offres, operateur.Nom, aujourdhui, ct);

        // The operator's account: aggregates of this programme only.
        var users = sp.GetRequiredService<UserManager<IdentityUser>>();
        var email = "operateur@demo.passerelle.test";
        var mdp = Comptes.Comptes.GenererMotDePasse();
        var (ok, _) = await Comptes.Comptes.CreerAsync(users, email, mdp, Roles.Operateur);
        if (!ok || await users.FindByEmailAsync(email) is not { } u) return [];
        db.GestionsStructures.Add(new GestionStructure { UtilisateurId = u.Id, StructureId = operateur.Id });
        await db.SaveChangesAsync(ct);
        return [(Roles.Operateur, email, mdp)];
    }
}
