using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Cofinancements;
using Passerelle.Features.Financer.Postes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>The demo's co-financing plan and per-post subsidies (issue 11 §4, §5): Aix-en-Provence's strategy study, 19 700 € TTC,
/// the CAF's 50 % = 9 850 € linked to its grant, the rest self-financed by the city; Saint-Médard-en-Jalles' two conseiller
/// numérique posts at 50 000 € each (State/ANCT) in three instalments. The split of the three instalments, the dates, the
/// occupants and the movement numbers are fictitious (public documents do not give the split) and marked so.</summary>
public static class PostesCofinancementDemo
{
    const string Auteur = "démonstration";

    public static async Task SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await db.Set<Poste>().AnyAsync(p => p.Demo, ct)) return;
        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        var caf = await db.Set<Financeur>().FirstOrDefaultAsync(f => f.Demo && f.Nom == FinancementDemo.NomCaf, ct);
        var etat = await db.Set<Financeur>().FirstOrDefaultAsync(f => f.Demo && f.Genre == GenresFinanceur.Etat, ct);
        if (caf is null || etat is null) return;

        // Co-financing of the strategy study: the CAF's share is its existing grant.
        var aix = await db.Structures.FirstOrDefaultAsync(s => s.Nom == "Ville d'Aix-en-Provence", ct);
        var etude = aix is null ? null : await db.Set<Subvention>().FirstOrDefaultAsync(s => s.FinanceurId == caf.Id && s.BeneficiaireId == aix.Id, ct);
        if (aix is not null)
        {
            var plan = await GestionCofinancements.CreerAsync(db, new SaisiePlan("Étude de stratégie territoriale d'inclusion numérique pour les quartiers prioritaires",
                aix.Id, 2022, BasesCout.Ttc, 1_970_000), Auteur, horloge, ct);
            await db.Set<PlanFinancement>().Where(p => p.Id == plan.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Demo, true), ct);
            await GestionCofinancements.AjouterPartAsync(db, plan.Id, new SaisiePart(caf.Id, null, 5_000, StatutsPart.Notifiee, etude?.Id, null), Auteur, horloge, ct);
        }

        // Saint-Médard-en-Jalles' two conseiller numérique posts, 50 000 € each in three instalments (split fictitious).
        var commune = await db.Structures.FirstOrDefaultAsync(s => s.Nom == "Commune de Saint-Médard-en-Jalles", ct);
        if (commune is null)
        {
            commune = new Structure { Nom = "Commune de Saint-Médard-en-Jalles", Typologie = "MUNI", Commune = "Saint-Médard-en-Jalles", Demo = true };
            db.Add(commune);
            await db.SaveChangesAsync(ct);
        }
        var conseillers = new[] { ("Camille", "Exemple-Fictif"), ("Noé", "Exemple-Fictif"), ("Inès", "Exemple-Fictif") }
            .Select(x => new Mediateur { Prenom = x.Item1, Nom = x.Item2, ConseillerNumerique = true, Demo = true }).ToList();
        db.AddRange(conseillers);
        await db.SaveChangesAsync(ct);
        conseillers[0].Employer(commune.Id, new DateOnly(2021, 4, 1), null);
        conseillers[1].Employer(commune.Id, new DateOnly(2021, 5, 3), new DateOnly(2022, 6, 30));
        conseillers[2].Employer(commune.Id, new DateOnly(2022, 11, 2), new DateOnly(2023, 8, 31));
        await db.SaveChangesAsync(ct);

        for (var i = 1; i <= 2; i++)
        {
            var sub = await GestionSubventions.CreerAsync(db, new SaisieSubvention(etat.Id, commune.Id, 2021,
                $"Poste de conseiller numérique n° {i} (France Relance), 50 000 € en trois échéances", 5_000_000, Statut: StatutsSubvention.Votee), Auteur, horloge, ct);
            await Mouvements.EnregistrerAsync(db, sub.Id, new SaisieMouvement(TypesMouvement.Engagement, 5_000_000, new DateOnly(2021, 3, 15), $"DEMO-ANCT-EJ-{i}"), Auteur, horloge, ct);
            var poste = await GestionPostes.CreerAsync(db, new SaisiePoste("Conseiller numérique", commune.Id, new DateOnly(2021, 3, 1), $"DEMO-CNFS-{i:000}", sub.Id), Auteur, horloge, ct, demo: true);
            if (i == 1) await GestionPostes.OccuperAsync(db, poste.Id, conseillers[0].Id, new DateOnly(2021, 4, 1), Auteur, horloge, ct);
            else
            {
                await GestionPostes.OccuperAsync(db, poste.Id, conseillers[1].Id, new DateOnly(2021, 5, 3), Auteur, horloge, ct);
                await GestionPostes.OccuperAsync(db, poste.Id, conseillers[2].Id, new DateOnly(2022, 11, 2), Auteur, horloge, ct);
                await GestionPostes.LibererAsync(db, poste.Id, new DateOnly(2023, 8, 31), Auteur, horloge, ct);
            }
            // Amounts per instalment fictitious (Fictif): 20 000 € at signature, 15 000 € once the post is filled, 15 000 € at the end.
            var e1 = await GestionPostes.AjouterEcheanceAsync(db, poste.Id, new SaisieEcheance(new DateOnly(2021, 3, 15), 2_000_000, "Convention signée", true), Auteur, horloge, ct);
            var e2 = await GestionPostes.AjouterEcheanceAsync(db, poste.Id, new SaisieEcheance(new DateOnly(2021, 10, 1), 1_500_000, "Poste pourvu", true), Auteur, horloge, ct);
            await GestionPostes.AjouterEcheanceAsync(db, poste.Id, new SaisieEcheance(aujourdHui.AddDays(20 * i), 1_500_000, "Poste pourvu et bilan d'activité remis", true), Auteur, horloge, ct);
            await GestionPostes.PayerAsync(db, e1.Id, new DateOnly(2021, 3, 30), $"DEMO-ANCT-M-{i}-1", Auteur, horloge, ct);
            await GestionPostes.PayerAsync(db, e2.Id, new DateOnly(2021, 10, 20), $"DEMO-ANCT-M-{i}-2", Auteur, horloge, ct);
        }

        // The demo funder account belongs to the CAF by id (decision 0026).
        var compte = await db.Users.Where(u => u.Email == "financeur@demo.passerelle.test").Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (compte is not null)
        {
            var profil = await db.Set<ProfilCompte>().FirstOrDefaultAsync(p => p.UtilisateurId == compte, ct);
            if (profil is null) db.Add(new ProfilCompte { UtilisateurId = compte, Financeur = FinancementDemo.NomCaf, FinanceurId = caf.Id });
            else profil.FinanceurId = caf.Id;
            await db.SaveChangesAsync(ct);
        }
    }
}
