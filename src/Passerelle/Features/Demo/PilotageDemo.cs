using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Cofinancements;
using Passerelle.Features.Piloter.Actions;

namespace Passerelle.Features.Demo;

/// <summary>The demo's territorial action plan (issue 15 § 5, § 8): Aix-en-Provence's strategy study of its four QPV, 19 700 € TTC,
/// tied to its co-financing plan (CAF 50 % = 9 850 €, see <see cref="PostesCofinancementDemo"/>), and two recent actions whose zones'
/// indicators before and after their start the action page computes from the demo records. Dates, costs and carriers of the two recent
/// actions are fictitious and marked so.</summary>
public static class PilotageDemo
{
    const string Auteur = "démonstration";

    public static async Task SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await db.Set<ActionTerritoriale>().AnyAsync(ct)) return;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var aujourdHui = DateOnly.FromDateTime(maintenant);
        var plan = await db.Set<PlanFinancement>().Where(p => p.Demo).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        db.AddRange(
            new ActionTerritoriale
            {
                Titre = "Étude de stratégie territoriale d'inclusion numérique des quartiers prioritaires d'Aix-en-Provence", Type = "partenariat",
                Zones = "QN01313M|QN01314M|QN01315M|QN01316M", Porteur = "Ville d'Aix-en-Provence", Debut = new DateOnly(2022, 9, 1),
                Fin = new DateOnly(2023, 6, 30), CoutCentimes = 1_970_000, Statut = "terminee", CreeLe = maintenant, CreePar = Auteur,
                Cofinancement = $"{FinancementDemo.NomCaf} 50 % (9 850 €), Ville d'Aix-en-Provence 50 % (9 850 €)"
                    + (plan is null ? "" : $" — plan de cofinancement n° {plan}"),
            },
            new ActionTerritoriale
            {
                Titre = "Arrêt itinérant du bus d'accès aux droits à Port-Saint-Louis-du-Rhône (fictif)", Type = "itinerance",
                Zones = "13078|QN01371N", Porteur = "Métropole d'Aix-Marseille-Provence (démo)", Debut = aujourdHui.AddDays(-60),
                CoutCentimes = 1_200_000, Cofinancement = "Métropole 100 % (fictif)", Statut = "en-cours", CreeLe = maintenant, CreePar = Auteur,
            },
            new ActionTerritoriale
            {
                Titre = "Cycle d'ateliers « premiers pas » à La Viste (fictif)", Type = "ateliers", Zones = "QN01304I",
                Porteur = "Centre social (démo)", Debut = aujourdHui.AddDays(-45), Fin = aujourdHui.AddDays(45), CoutCentimes = 300_000,
                Cofinancement = "CAF 80 %, Ville 20 % (fictif)", Statut = "en-cours", CreeLe = maintenant, CreePar = Auteur,
            });
        await db.SaveChangesAsync(ct);
    }
}
