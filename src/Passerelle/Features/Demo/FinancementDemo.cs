using Passerelle.Features.Financer.Conventions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>The programme's funding in the demo (issue 11 §11), from the acts of <see cref="DeliberationsDemo"/>: the four
/// Fabrique grants of 2023 (E111/65/65748/52, 150 000 €) created from the act's lines, La Plateforme_Marseille's 90 000 €
/// of 2021 (B370/65/65748/67, about 4 % of a 2 224 070 € budget), the CAF's share of Aix-en-Provence's strategy study
/// (50 % of 19 700 € TTC = 9 850 €). Amounts and acts are public; the movements (numbers, dates, the recovery) are
/// fictitious and marked so in their numbers (« DEMO-… »). The demo funder account belongs to the CAF.</summary>
public static class FinancementDemo
{
    const string Auteur = "démonstration";
    public const string NomCaf = "Caisse d'allocations familiales des Bouches-du-Rhône";

    public static async Task SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        if (await db.Set<Financeur>().AnyAsync(f => f.Demo, ct)) return;
        var metropole = new Financeur { Nom = "Métropole Aix-Marseille-Provence", Siret = "20005480700017", Siren = "200054807", Genre = GenresFinanceur.Collectivite, Demo = true };
        var caf = new Financeur { Nom = NomCaf, Genre = GenresFinanceur.Caf, Demo = true };
        var etat = new Financeur { Nom = "État — Agence nationale de la cohésion des territoires (ANCT)", Genre = GenresFinanceur.Etat, Demo = true };
        var aix = new Financeur { Nom = "Ville d'Aix-en-Provence", Siret = "21130001700012", Siren = "211300017", Genre = GenresFinanceur.Collectivite, Demo = true };
        var saintMedard = new Financeur { Nom = "Commune de Saint-Médard-en-Jalles", Siret = "21330449600010", Siren = "213304496", Genre = GenresFinanceur.Collectivite, Demo = true };
        db.AddRange(metropole, caf, etat, aix, saintMedard);
        var fabrique = new Enveloppe { Financeur = metropole, Exercice = 2023, Libelle = "Fabrique de l'inclusion numérique", SousPolitique = "E111", Chapitre = "65", Nature = "65748", Fonction = "52", MontantPrevuCentimes = 15_000_000 };
        var ecole = new Enveloppe { Financeur = metropole, Exercice = 2021, Libelle = "Écoles du numérique", SousPolitique = "B370", Chapitre = "65", Nature = "65748", Fonction = "67", MontantPrevuCentimes = 9_000_000 };
        var cafEtudes = new Enveloppe { Financeur = caf, Exercice = 2022, Libelle = "Études et diagnostics de territoire (fictif)", MontantPrevuCentimes = 5_000_000 };
        db.AddRange(fabrique, ecole, cafEtudes);
        await db.SaveChangesAsync(ct);

        static int StableHash(string texte) { var h = 17; foreach (var c in texte) h = unchecked(h * 31 + c); return h; }

        async Task<int> Structure(string nom, string type = "ASSO", string commune = "Marseille")
        {
            // The directory keeps ARSENIC's usual name; the act prints it in full (the grant page matches the two).
            if (nom.StartsWith("Association Régionale de Soutien", StringComparison.Ordinal)) nom = "Association Régionale de Soutien aux Espaces Numériques de l'Information (ARSENIC)";
            var s = await db.Structures.FirstOrDefaultAsync(x => x.Nom == nom, ct);
            if (s is null) { s = new Structure { Nom = nom, Typologie = type, Commune = commune, Demo = true }; db.Add(s); }
            // An identifier the open-data export can publish: a fictitious RNA of the W999 series, never a real one.
            if (s.Demo && s.Siret is null && s.Rna is null) s.Rna = $"W999{Math.Abs(StableHash(nom) % 1_000_000):000000}";
            await db.SaveChangesAsync(ct);
            return s.Id;
        }

        // The 2023 Fabrique act: one grant per line, as the administrator would confirm them on the act's page.
        var acte = await db.Deliberations.AsNoTracking().Include(d => d.Montants).FirstOrDefaultAsync(d => d.Numero == "CHL-019-13799/23/BM", ct);
        var crees = new List<Subvention>();
        if (acte is not null)
        {
            var saisies = new List<SaisieSubvention>();
            foreach (var m in acte.Montants.OrderBy(m => m.Rang))
                saisies.Add(new SaisieSubvention(metropole.Id, await Structure(m.Beneficiaire), 2023, "Fabrique de l'inclusion numérique, phase III : fonctionnement",
                    m.MontantCentimes, fabrique.Id, acte.Id, m.Rang, StatutsSubvention.Votee, m.Nature, "échelonné"));
            crees = await GestionSubventions.CreerPlusieursAsync(db, saisies, Auteur, horloge, ct);
        }
        var plateformeActe = await db.Deliberations.AsNoTracking().Where(d => d.Numero == "IVIS 011-9466/21/BM").Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        var plateforme = await GestionSubventions.CreerAsync(db, new SaisieSubvention(metropole.Id, await Structure("La Plateforme_Marseille"), 2021,
            "Fonctionnement de l'école gratuite du numérique La Plateforme_Marseille", 9_000_000, ecole.Id, plateformeActe, plateformeActe is null ? null : 1,
            StatutsSubvention.Votee, BudgetAction: 222_407_000), Auteur, horloge, ct);
        var etude = await GestionSubventions.CreerAsync(db, new SaisieSubvention(caf.Id, await Structure("Ville d'Aix-en-Provence", "MUNI", "Aix-en-Provence"), 2022,
            "Étude de stratégie territoriale d'inclusion numérique pour les quartiers prioritaires (50 % de 19 700 € TTC)", 985_000, cafEtudes.Id,
            Statut: StatutsSubvention.Votee, BudgetAction: 1_970_000), Auteur, horloge, ct);

        var aujourdHui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        async Task Mvt(Subvention s, string type, long centimes, DateOnly date, string numero) =>
            await Mouvements.EnregistrerAsync(db, s.Id, new SaisieMouvement(type, centimes, date, "DEMO-" + numero), Auteur, horloge, ct);
        async Task Statuts(Subvention s, params string[] suite) { foreach (var x in suite) await GestionSubventions.ChangerStatutAsync(db, s.Id, x, Auteur, horloge, ct); }

        await Mvt(plateforme, TypesMouvement.Engagement, 9_000_000, new(2021, 3, 1), "EJ-2021-0107");
        await Mvt(plateforme, TypesMouvement.Mandat, 5_400_000, new(2021, 4, 15), "M-2021-0412");
        await Mvt(plateforme, TypesMouvement.Mandat, 3_600_000, new(2021, 12, 10), "M-2021-2290");
        await Statuts(plateforme, StatutsSubvention.Notifiee, StatutsSubvention.Conventionnee, StatutsSubvention.Versee);
        if (crees.Count == 4)
        {
            var (emmaus, anonymal, urban, arsenic) = (crees[0], crees[1], crees[2], crees[3]);
            foreach (var s in crees) await Mvt(s, TypesMouvement.Engagement, s.MontantCentimes, new(2023, 5, 20), $"EJ-2023-{s.Id:0000}");
            await Mvt(emmaus, TypesMouvement.Mandat, 3_000_000, new(2023, 7, 3), "M-2023-1104");
            await Statuts(emmaus, StatutsSubvention.Notifiee, StatutsSubvention.Conventionnee, StatutsSubvention.Versee);
            await Mvt(anonymal, TypesMouvement.Mandat, 1_000_000, new(2023, 7, 3), "M-2023-1105");
            // Part of the action not carried out: recovered by a titre de recettes (fictitious).
            await Mvt(anonymal, TypesMouvement.Reversement, 150_000, new(2024, 9, 16), "T-2024-0311");
            await Statuts(anonymal, StatutsSubvention.Notifiee, StatutsSubvention.Versee);
            await Mvt(urban, TypesMouvement.Mandat, 2_000_000, new(2023, 7, 3), "M-2023-1106");
            await Statuts(urban, StatutsSubvention.Notifiee, StatutsSubvention.Conventionnee);
            await Mvt(arsenic, TypesMouvement.Mandat, 3_500_000, new(2023, 7, 3), "M-2023-1107");
            await Statuts(arsenic, StatutsSubvention.Notifiee, StatutsSubvention.Conventionnee);
            // The balances still due show on the board's « next 60 days ».
            await db.Set<Subvention>().Where(s => s.Id == urban.Id || s.Id == arsenic.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.VersementDebut, aujourdHui.AddDays(20)).SetProperty(s => s.VersementFin, aujourdHui.AddDays(120)), ct);
        }
        await Mvt(etude, TypesMouvement.Engagement, 985_000, new(2022, 10, 14), "CAF-EJ-2022-31");
        await Mvt(etude, TypesMouvement.Mandat, 492_500, new(2022, 11, 8), "CAF-2022-77");

        // The annual objective conventions of the grants marked « convention signée » (dates fictitious): they give the SCDL
        // export its dateConvention.
        var conventionnees = await db.Set<Subvention>().Where(s => s.Financeur!.Demo && s.Statut != StatutsSubvention.Votee && s.Statut != StatutsSubvention.Notifiee
                && s.MontantCentimes > 2_300_000).Include(s => s.Beneficiaire).ToListAsync(ct);
        foreach (var s in conventionnees.Where(s => !db.Conventions.Any(c => c.SubventionId == s.Id)))
            db.Conventions.Add(new Convention
            {
                Intitule = $"Convention annuelle d'objectifs {s.Exercice} — {s.Beneficiaire!.Nom}", PartenaireId = s.BeneficiaireId,
                DateDebut = new DateOnly(s.Exercice, 1, 1), DateFin = new DateOnly(s.Exercice, 12, 31), DateSignature = new DateOnly(s.Exercice, 4, 10),
                DeliberationId = s.DeliberationId, SubventionId = s.Id, MontantAnnuelCentimes = s.MontantCentimes, Gratuite = false,
            });
        await db.SaveChangesAsync(ct);
        await Statuts(etude, StatutsSubvention.Notifiee);

        // The demo funder account is the CAF's.
        var compte = await db.Users.Where(u => u.Email == "financeur@demo.passerelle.test").Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (compte is not null)
        {
            var profil = await db.Set<ProfilCompte>().FirstOrDefaultAsync(p => p.UtilisateurId == compte, ct);
            if (profil is null) db.Add(new ProfilCompte { UtilisateurId = compte, Financeur = NomCaf, FinanceurId = caf.Id });
            else (profil.Financeur, profil.FinanceurId) = (NomCaf, caf.Id);
            await db.SaveChangesAsync(ct);
        }
        await PostesCofinancementDemo.SemerAsync(db, horloge, ct);
    }
}
