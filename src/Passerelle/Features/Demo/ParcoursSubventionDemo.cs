using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>The demo school's 90 000 € grant from the Métropole (issue 14 §9, fictitious): its objective convention aims at the pathways'
/// computed indicators (<see cref="MesuresParcours"/>: learners, positive exits at exit, +3 and +6 months, « sans nouvelles » at +6 months),
/// and its report for the finished cohort's year is opened, so that the report shows the figures of the school's indicators page, never
/// retyped. Targets fictitious. Needs the demo Métropole funder of <see cref="FinancementDemo"/>; without it, nothing is seeded.</summary>
public static class ParcoursSubventionDemo
{
    public const long MontantCentimes = 9_000_000;
    const string Auteur = "démonstration";

    public static async Task SemerAsync(AppDbContext db, Structure ecole, int exercice, TimeProvider horloge, CancellationToken ct)
    {
        var metropole = await db.Set<Financeur>().Where(f => f.Demo && f.Nom == "Métropole Aix-Marseille-Provence").OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        if (metropole is null || await db.Set<Subvention>().AnyAsync(s => s.BeneficiaireId == ecole.Id, ct)) return;
        var s = new Subvention
        {
            FinanceurId = metropole.Id, BeneficiaireId = ecole.Id, Exercice = exercice, Objet = "Formation gratuite aux métiers du développement web (école labellisée Grande École du Numérique)",
            MontantCentimes = MontantCentimes, CreeLe = horloge.GetUtcNow().UtcDateTime, Demo = true,
        };
        db.Add(s);
        await db.SaveChangesAsync(ct);
        var c = new Convention
        {
            Intitule = $"Convention d'objectifs {exercice} — {ecole.Nom}", PartenaireId = ecole.Id, DateDebut = new DateOnly(exercice, 1, 1), DateFin = new DateOnly(exercice, 12, 31),
            DateSignature = new DateOnly(exercice, 2, 15), SubventionId = s.Id, MontantAnnuelCentimes = MontantCentimes, Gratuite = false,
        };
        db.Conventions.Add(c);
        await db.SaveChangesAsync(ct);
        foreach (var o in new[]
        {
            new SaisieObjectif("Former des personnes sans diplôme au métier de développeur·se web", MesuresParcours.Apprenants, null, 14),
            new SaisieObjectif("Sorties positives à la fin de la formation", MesuresParcours.SortiesPositivesSortie, null, 40),
            new SaisieObjectif("Sorties positives trois mois après la formation", MesuresParcours.SortiesPositives3Mois, null, 55),
            new SaisieObjectif("Sorties positives six mois après la formation", MesuresParcours.SortiesPositives6Mois, null, 65),
            new SaisieObjectif("Garder le contact : au plus 15 % d'apprenants sans nouvelles à six mois", MesuresParcours.SansNouvelles6Mois, null, 15),
        })
        {
            await GestionObjectifs.AjouterAsync(db, c.Id, o, ct);
            await db.SaveChangesAsync(ct);
        }
        var catalogue = new CatalogueIndicateurs([new MesuresParcours()]);
        var r = (await GestionRapports.OuvrirAsync(db, s.Id, exercice, catalogue, Auteur, horloge, ct))!;
        await db.Set<RapportFinancier>().Where(x => x.Id == r.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Demo, true), ct);
    }
}
