using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>Objectives, an amendment and funder reports in the demo (issue 11 §3, §7, §11): each of the four Fabrique grants of 2023 has its
/// annual objective convention with objectives (targets fictitious); ARSENIC's convention has an amendment (fictitious) raising a target;
/// the 2023 reports (due 30 June 2024) are one accepted (the first grant), one sent back for a fix with a comment (the third), one late
/// (the fourth, never submitted), whose association the demo manager account manages, so that it can fill it. Deterministic: the
/// same data on every run, the decisions dated by the demo clock.</summary>
public static class RapportsDemo
{
    const string Auteur = "démonstration";

    public static async Task SemerAsync(AppDbContext db, string? gestionnaireId, TimeProvider horloge, CancellationToken ct)
    {
        await SemerCafAsync(db, horloge, ct);
        if (await db.Set<RapportFinancier>().AnyAsync(r => r.Demo && r.Exercice == 2023, ct)) return; // the Fabrique reports
        var fabrique = await db.Set<Subvention>().Where(s => s.Financeur!.Demo && s.Exercice == 2023 && s.RangActe != null).OrderBy(s => s.RangActe).Include(s => s.Beneficiaire).ToListAsync(ct);
        if (fabrique.Count != 4) return;
        var conventions = new List<Convention>();
        foreach (var s in fabrique)
        {
            var c = await db.Conventions.FirstOrDefaultAsync(x => x.SubventionId == s.Id, ct);
            if (c is null)
            {
                // Below 23 000 € a convention is not mandatory; the act gives each grant its annual objective convention all the same.
                c = new Convention
                {
                    Intitule = $"Convention annuelle d'objectifs {s.Exercice} — {s.Beneficiaire!.Nom}", PartenaireId = s.BeneficiaireId,
                    DateDebut = new DateOnly(s.Exercice, 1, 1), DateFin = new DateOnly(s.Exercice, 12, 31), DateSignature = new DateOnly(s.Exercice, 4, 10),
                    DeliberationId = s.DeliberationId, SubventionId = s.Id, MontantAnnuelCentimes = s.MontantCentimes, Gratuite = false,
                };
                db.Conventions.Add(c);
                await db.SaveChangesAsync(ct);
            }
            conventions.Add(c);
            var k = (int)(s.MontantCentimes / 1_000_000); // 3, 1, 4, 7 (tens of thousands of euros): targets scale with the grant
            var objectifs = new[]
            {
                new SaisieObjectif("Accompagner les habitants dans leurs démarches et usages numériques", MesuresFinancement.Accompagnements, null, 150 * k),
                new SaisieObjectif("Toucher de nouveaux publics", MesuresFinancement.NouvellesPersonnes, null, 60 * k),
                new SaisieObjectif("Atteindre les habitants des quartiers prioritaires", MesuresFinancement.PartQpv, null, 40),
                new SaisieObjectif("Animer des ateliers collectifs", MesuresFinancement.Ateliers, null, 4 * k),
                new SaisieObjectif("Tenir des permanences dans les structures partenaires", null, "permanences", 20 * k),
            };
            foreach (var o in objectifs) { await GestionObjectifs.AjouterAsync(db, c.Id, o, ct); await db.SaveChangesAsync(ct); }
        }
        var arsenic = conventions[3];
        var cible = await db.Set<ObjectifConvention>().Where(o => o.ConventionId == arsenic.Id && o.Rang == 4).Select(o => new { o.Id, o.Cible }).FirstAsync(ct);
        await Avenants.EnregistrerAsync(db, arsenic.Id, new SaisieAvenant(new DateOnly(2023, 9, 14), "Avenant n° 1 (fictif) : ateliers supplémentaires à la demande des centres sociaux",
            Cibles: new Dictionary<int, int> { [cible.Id] = cible.Cible + 8 }), Auteur, horloge, ct);

        var catalogue = new CatalogueIndicateurs([new MesuresFinancement()]);
        var rapports = new List<RapportFinancier>();
        foreach (var i in new[] { 0, 2, 3 })
            rapports.Add((await GestionRapports.OuvrirAsync(db, fabrique[i].Id, 2023, catalogue, Auteur, horloge, ct))!);
        await db.Set<RapportFinancier>().Where(r => rapports.Select(x => x.Id).Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.Demo, true), ct);

        SaisieRapport Saisie(Subvention s, string bilan) => new(bilan, "Charges indirectes réparties au prorata des heures de médiation (fictif).",
        [
            new("60", 200_000, 185_000, null), new("61", 600_000, 640_000, null), new("62", 300_000, 280_000, null),
            new("64", s.MontantCentimes * 2, s.MontantCentimes * 2 + 150_000, null), new("74-interco", s.MontantCentimes, s.MontantCentimes, null),
            new("74-etat", 500_000, 500_000, null), new("75", 2_600_000, 2_755_000, null), new("86", 400_000, 520_000, "Plus de bénévoles que prévu (fictif)."),
            new("87", 400_000, 520_000, "Plus de bénévoles que prévu (fictif)."),
        ], new Dictionary<int, decimal?> { [5] = 18 * (s.MontantCentimes / 1_000_000) });
        // Accepted.
        await DeciderRapports.EnregistrerAsync(db, rapports[0].Id, Saisie(fabrique[0], "Permanences tenues toute l'année dans trois quartiers ; ateliers mensuels (texte fictif)."), catalogue, Auteur, horloge, ct);
        await DeciderRapports.SoumettreAsync(db, rapports[0].Id, Auteur, horloge, ct);
        await DeciderRapports.AccepterAsync(db, rapports[0].Id, Auteur, horloge, ct);
        // Sent back for a fix.
        await DeciderRapports.EnregistrerAsync(db, rapports[1].Id, Saisie(fabrique[2], "Actions menées avec les centres sociaux (texte fictif)."), catalogue, Auteur, horloge, ct);
        await DeciderRapports.SoumettreAsync(db, rapports[1].Id, Auteur, horloge, ct);
        await DeciderRapports.DemanderCorrectionAsync(db, rapports[1].Id, "Les charges de personnel (64) dépassent le prévu : joignez le détail des postes et expliquez l'écart.", Auteur, horloge, ct);
        // Late: never submitted; the demo manager may fill it.
        if (gestionnaireId is not null && !await db.GestionsStructures.AnyAsync(g => g.UtilisateurId == gestionnaireId && g.StructureId == fabrique[3].BeneficiaireId, ct))
        {
            db.GestionsStructures.Add(new GestionStructure { UtilisateurId = gestionnaireId, StructureId = fabrique[3].BeneficiaireId });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The CAF's own report, so that the demo funder account (the CAF's) sees one: Aix-en-Provence's 2022 strategy study
    /// (9 850 €, 50 % of 19 700 € TTC), submitted and waiting for the territory's decision. Budget figures fictitious.</summary>
    static async Task SemerCafAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var etude = await db.Set<Subvention>().Where(s => s.Financeur!.Demo && s.Financeur.Nom == FinancementDemo.NomCaf && s.Exercice == 2022)
            .OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (etude is null || await db.Set<RapportFinancier>().AnyAsync(r => r.SubventionId == etude.Id, ct)) return;
        var catalogue = new CatalogueIndicateurs([new MesuresFinancement()]);
        var r = (await GestionRapports.OuvrirAsync(db, etude.Id, 2022, catalogue, Auteur, horloge, ct))!;
        await db.Set<RapportFinancier>().Where(x => x.Id == r.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Demo, true), ct);
        await DeciderRapports.EnregistrerAsync(db, r.Id, new SaisieRapport(
            "Diagnostic des usages numériques dans les quartiers prioritaires d'Aix-en-Provence, entretiens avec les acteurs, stratégie rendue en fin d'année (texte fictif).",
            "Aucune charge indirecte : l'étude est confiée à un prestataire (fictif).",
            [new("61", 1_970_000, 1_970_000, null), new("74-social", 985_000, 985_000, null), new("74-commune", 985_000, 985_000, null)],
            new Dictionary<int, decimal?>()), catalogue, Auteur, horloge, ct);
        await DeciderRapports.SoumettreAsync(db, r.Id, Auteur, horloge, ct);
    }
}
