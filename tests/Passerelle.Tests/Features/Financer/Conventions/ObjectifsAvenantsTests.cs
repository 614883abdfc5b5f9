using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Tests.Features.Financer.Subventions;
using Passerelle.Tests.Infra;
using Passerelle.Web;

namespace Passerelle.Tests.Features.Financer.Conventions;

/// <summary>Objectives measured from the records of the convention's beneficiary and period; amendments numbered, applied and kept
/// with old → new, written once, one number per amendment even when several are recorded at once.</summary>
public class ObjectifsAvenantsTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<(int Structure, int Convention)> ConventionAsync(AppFactory app, long montant = 3_000_000)
    {
        var structure = await Scenario.StructureAsync(app);
        var financeur = await Financement.FinanceurAsync(app);
        var sub = await Financement.SubventionAsync(app, financeur, structure, montant);
        var convention = await app.AvecDb(async db =>
        {
            var c = new Convention { Intitule = "Convention annuelle d'objectifs 2023", PartenaireId = structure, DateDebut = new(2023, 1, 1), DateFin = new(2024, 1, 1),
                SubventionId = sub, MontantAnnuelCentimes = montant, Gratuite = false };
            db.Conventions.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return (structure, convention);
    }

    [Fact]
    public async Task Le_realise_d_un_objectif_vient_des_comptes_rendus_de_la_structure_sur_la_periode()
    {
        var (structure, convention) = await ConventionAsync(app);
        await app.AvecDb(async db =>
        {
            var m = new Mediateur { Prenom = "Objectif", Nom = "M" + Guid.NewGuid().ToString("N")[..6] };
            m.Employer(structure, new DateOnly(2022, 1, 1), null);
            db.Mediateurs.Add(m);
            await db.SaveChangesAsync();
            // Three in the period, one before it.
            foreach (var d in new[] { new DateOnly(2023, 2, 1), new DateOnly(2023, 6, 1), new DateOnly(2023, 12, 31), new DateOnly(2022, 12, 31) })
                db.Activites.Add(new Activite { MediateurId = m.Id, Type = VocabulaireCoop.Individuel, Date = d, DureeMinutes = 30, TypeLieu = VocabulaireCoop.AutreLieu,
                    Commune = "Marseille", Themes = "E-mail", CreeLe = DateTime.UtcNow, ModifieLe = DateTime.UtcNow });
            await GestionObjectifs.AjouterAsync(db, convention, new SaisieObjectif("Accompagner", MesuresFinancement.Accompagnements, null, 10), default);
            await db.SaveChangesAsync();
            await GestionObjectifs.AjouterAsync(db, convention, new SaisieObjectif("Permanences", null, "permanences", 12), default);
            await db.SaveChangesAsync();
        });
        var realises = await app.AvecDb(async db =>
        {
            using var scope = app.Services.CreateScope();
            var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueIndicateurs>();
            catalogue.Trouver(MesuresFinancement.PartQpv).ShouldNotBeNull();
            catalogue.Trouver("apprenants").ShouldNotBeNull(); // the pathways' outcomes are in the same catalogue
            var c = await db.Conventions.SingleAsync(x => x.Id == convention);
            return await GestionObjectifs.RealisesAsync(db, convention, await GestionObjectifs.PerimetreAsync(db, c, false, default), catalogue, app.Horloge, default);
        });
        realises.Count.ShouldBe(2);
        realises[0].Realise.ShouldBe(3m);
        realises[0].Mesure.ShouldBeTrue();
        realises[1].Mesure.ShouldBeFalse();
        realises[1].Realise.ShouldBeNull();

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/admin/conventions/{convention}");
        var ligne = page.QuerySelectorAll("#objectifs tbody tr")[0].TextContent;
        ligne.ShouldContain("Accompagner");
        ligne.ShouldContain("3");
        page.QuerySelector("#livraison").ShouldNotBeNull(); // the monthly delivery is still there
    }

    [Fact]
    public async Task Les_avenants_sont_numerotes_appliques_et_gardent_l_historique()
    {
        var (_, convention) = await ConventionAsync(app);
        var objectif = await app.AvecDb(async db =>
        {
            var o = await GestionObjectifs.AjouterAsync(db, convention, new SaisieObjectif("Ateliers", MesuresFinancement.Ateliers, null, 12), default);
            await db.SaveChangesAsync();
            return o.Id;
        });
        var (a1, a2) = await app.AvecDb(async db =>
        {
            var a1 = await Avenants.EnregistrerAsync(db, convention, new SaisieAvenant(new(2023, 6, 1), "Montant relevé", MontantAnnuel: 4_000_000), "admin", app.Horloge, default);
            var a2 = await Avenants.EnregistrerAsync(db, convention, new SaisieAvenant(new(2023, 9, 1), "Prolongation et ateliers", Fin: new(2024, 7, 1),
                Cibles: new Dictionary<int, int> { [objectif] = 20 }), "admin", app.Horloge, default);
            await Should.ThrowAsync<RegleMetierException>(() => Avenants.EnregistrerAsync(db, convention, new SaisieAvenant(new(2023, 10, 1), "Rien", MontantAnnuel: 4_000_000), "admin", app.Horloge, default));
            return (a1!, a2!);
        });
        a1.Numero.ShouldBe(1);
        a1.AncienMontantAnnuelCentimes.ShouldBe(3_000_000);
        a1.NouveauMontantAnnuelCentimes.ShouldBe(4_000_000);
        a2.Numero.ShouldBe(2);
        a2.AncienneFin.ShouldBe(new DateOnly(2024, 1, 1));
        a2.Objectifs!.ShouldContain("cible 12 → 20");
        await app.AvecDb(async db =>
        {
            var c = await db.Conventions.SingleAsync(x => x.Id == convention);
            c.MontantAnnuelCentimes.ShouldBe(4_000_000);
            c.DateFin.ShouldBe(new DateOnly(2024, 7, 1));
            (await db.Set<ObjectifConvention>().SingleAsync(o => o.Id == objectif)).Cible.ShouldBe(20);
            (await db.Set<JournalFinancement>().CountAsync(j => j.Objet == JournalConventions.Convention && j.ObjetId == convention)).ShouldBe(2);
            // Written once.
            var a = await db.Set<Avenant>().FirstAsync(x => x.ConventionId == convention);
            a.Objet = "réécrit";
            await Should.ThrowAsync<RegleMetierException>(() => db.SaveChangesAsync());
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/admin/conventions/{convention}");
        var historique = page.QuerySelector("#avenants")!.TextContent;
        historique.ShouldContain("Avenant n° 1 du 1er juin 2023");
        historique.ShouldContain($"{Montants.Euros(3_000_000)} → {Montants.Euros(4_000_000)}");
        historique.ShouldContain("Fin : 1er janvier 2024 → 1er juillet 2024");

        // The form chooses the act that authorised the amendment; the history links to it.
        var acte = await app.AvecDb(async db =>
        {
            var d = new Passerelle.Features.Financer.Deliberations.Deliberation { Numero = "AV-" + Guid.NewGuid().ToString("N")[..6], DateSeance = new DateOnly(2023, 11, 20),
                Objet = "Avenant à la convention (test)", CollectiviteNom = "Métropole (test)", Adoptee = true };
            db.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        page = await Formulaires.PageAsync(admin, $"/admin/conventions/{convention}");
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").First(f => f.GetAttribute("action")!.Contains("handler=Avenant"));
        form.QuerySelector($"#a-deliberation option[value='{acte}']").ShouldNotBeNull();
        (await Formulaires.SoumettreAsync(admin, form, [new("DateAvenant", "2023-12-01"), new("ObjetAvenant", "Montant revu"), new("MontantAvenant", "45 000"),
            new("DeliberationAvenant", acte.ToString())])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AvecDb(db => db.Set<Avenant>().Where(a => a.ConventionId == convention && a.Numero == 3).Select(a => a.DeliberationId).SingleAsync())).ShouldBe(acte);
        page = await Formulaires.PageAsync(admin, $"/admin/conventions/{convention}");
        page.QuerySelector("#avenants")!.QuerySelectorAll($"a[href='/admin/deliberations/{acte}']").Length.ShouldBe(1);
        // An act not in the register: a French error, nothing recorded.
        var inconnu = await Formulaires.SoumettreAsync(admin, form, [new("DateAvenant", "2023-12-02"), new("ObjetAvenant", "Encore"), new("MontantAvenant", "46 000"),
            new("DeliberationAvenant", "999999")]);
        inconnu.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("pas au registre");
    }

    [Fact]
    public async Task Des_avenants_enregistres_en_meme_temps_prennent_chacun_un_numero()
    {
        var (_, convention) = await ConventionAsync(app);
        var taches = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>();
            try { return (await Avenants.EnregistrerAsync(db, convention, new SaisieAvenant(new(2023, 6, i), $"Avenant {i}", MontantAnnuel: 3_000_000 + i * 100_000), "admin", app.Horloge, default))!.Numero; }
            catch (RegleMetierException) { return 0; }
            catch (System.Data.Common.DbException) { return 0; } // SQLite: busy
        })).ToList();
        var numeros = (await Task.WhenAll(taches)).Where(n => n > 0).ToList();
        numeros.ShouldNotBeEmpty();
        if (AppFactory.Postgres) numeros.Count.ShouldBe(8); // each waits for the convention's row lock, then takes the next number
        numeros.Distinct().Count().ShouldBe(numeros.Count);
        var enBase = await app.AvecDb(db => db.Set<Avenant>().Where(a => a.ConventionId == convention).OrderBy(a => a.Numero).Select(a => a.Numero).ToListAsync());
        enBase.ShouldBe(Enumerable.Range(1, enBase.Count).ToList());
        enBase.Count.ShouldBe(numeros.Count);
    }
}
