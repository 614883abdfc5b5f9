using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Features.Financer.Deliberations;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Subventions;

/// <summary>The pages without JavaScript: an act's grants created in one step, a payment and a recovery recorded on the grant
/// page, the board's totals moving; the 360° page; who may open what.</summary>
public class PagesFinancementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Les_subventions_d_un_acte_en_une_fois_puis_un_paiement_et_un_reversement_font_bouger_le_tableau()
    {
        var adminApi = await app.ClientApiAsync(Roles.Administrateur);
        var acte = (await (await adminApi.PostAsJsonAsync("/api/v1/deliberations", Actes.Subventions())).Content.ReadFromJsonAsync<DeliberationDto>())!;
        var (financeur, enveloppe, emmaus, urban) = await app.AvecDb(async db =>
        {
            var f = await db.Set<Financeur>().FirstOrDefaultAsync(x => x.Siret == Actes.SiretMetropole)
                ?? new Financeur { Nom = "Métropole (pages)", Siret = Actes.SiretMetropole, Siren = Actes.SiretMetropole[..9] };
            var e = new Enveloppe { Financeur = f, Exercice = 2023, Libelle = "Fabrique de l'inclusion numérique " + Guid.NewGuid().ToString("N")[..4], SousPolitique = "E111", Chapitre = "65", Nature = "65748", Fonction = "52", MontantPrevuCentimes = 15_000_000 };
            var s1 = new Structure { Nom = "Emmaüs Connect", Typologie = "ASSO" };
            var s2 = new Structure { Nom = "Urban Prod", Typologie = "ASSO" };
            db.AddRange(e, s1, s2);
            await db.SaveChangesAsync();
            return (f.Id, e.Id, s1.Id, s2.Id);
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(admin, $"/admin/financement/deliberations/{acte.Id}");
        page.QuerySelector<IHtmlSelectElement>("#financeur")!.Value.ShouldBe(financeur.ToString());
        page.QuerySelector<IHtmlSelectElement>("#ligne-0-structure")!.Value.ShouldBe(emmaus.ToString());
        page.QuerySelector<IHtmlSelectElement>("#ligne-1-structure")!.Value.ShouldBe(urban.ToString());
        page.QuerySelector<IHtmlSelectElement>("#ligne-1-enveloppe")!.Value.ShouldBe(enveloppe.ToString());
        var form = page.QuerySelector<IHtmlFormElement>("#creer-subventions")!;
        var r = await Formulaires.SoumettreAsync(admin, form, []);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var subs = await app.AvecDb(db => db.Set<Subvention>().Where(s => s.DeliberationId == acte.Id).OrderBy(s => s.RangActe).ToListAsync());
        subs.Select(s => s.MontantCentimes).ShouldBe([3_000_000L, 4_000_050L]);
        subs.ShouldAllBe(s => s.Statut == StatutsSubvention.Votee && s.EnveloppeId == enveloppe && s.Exercice == 2023);
        // The same form posted again (a double click) creates nothing more and says the grants are already created.
        var encore = await Formulaires.SoumettreAsync(admin, form, []);
        encore.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(admin, $"/admin/financement/deliberations/{acte.Id}")).Body!.TextContent.ShouldContain("déjà créées");
        (await app.AvecDb(db => db.Set<Subvention>().CountAsync(s => s.DeliberationId == acte.Id))).ShouldBe(2);
        (await Formulaires.PageAsync(admin, $"/admin/deliberations/{acte.Id}")).QuerySelector("#autorises")!.TextContent.ShouldContain("Emmaüs Connect");

        async Task<string> PayeAsync() => (await Formulaires.PageAsync(admin, "/admin/financement?annee=2023")).QuerySelector("#total-paye")!.TextContent;
        var avant = await PayeAsync();
        var fiche = await Formulaires.PageAsync(admin, $"/admin/financement/subventions/{subs[0].Id}");
        fiche.QuerySelector("#chaine")!.TextContent.ShouldContain(acte.Acte.Numero!);
        var mvt = fiche.QuerySelector<IHtmlFormElement>("form[action*='Mouvement']")!;
        var sansEngagement = await Formulaires.SoumettreAsync(admin, mvt, [new("Type", "mandat"), new("MontantEur", "100"), new("Date", "2023-07-01")]);
        (await Formulaires.DocumentAsync(sansEngagement)).QuerySelector("#err-mvt-montant")!.TextContent.ShouldContain("dépasse ce qui est engagé");
        (await Formulaires.SoumettreAsync(admin, mvt, [new("Type", "engagement"), new("MontantEur", "30 000"), new("Date", "2023-06-01"), new("Numero", "EJ-2023-1")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.SoumettreAsync(admin, mvt, [new("Type", "mandat"), new("MontantEur", "12 000"), new("Date", "2023-07-01"), new("Numero", "M-2023-1")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Formulaires.SoumettreAsync(admin, mvt, [new("Type", "reversement"), new("MontantEur", "2 000,50"), new("Date", "2024-02-01"), new("Numero", "T-2024-9")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var trop = await Formulaires.SoumettreAsync(admin, mvt, [new("Type", "mandat"), new("MontantEur", "30000"), new("Date", "2024-02-01")]);
        trop.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Formulaires.DocumentAsync(trop)).QuerySelector("#err-mvt-montant")!.TextContent.ShouldContain("paierait plus que ce qui reste");
        (await app.AvecDb(db => db.Set<Subvention>().SingleAsync(s => s.Id == subs[0].Id))).PayeCentimes.ShouldBe(999_950);
        var apres = await PayeAsync();
        apres.ShouldNotBe(avant);

        var p360 = await Formulaires.PageAsync(admin, $"/admin/financement/structures/{emmaus}");
        p360.QuerySelector("#subventions-structure")!.TextContent.ShouldContain("Reversement");
        (await Formulaires.PageAsync(admin, $"/admin/financement/enveloppes/{enveloppe}")).QuerySelector("#soldes-enveloppe")!.TextContent.ShouldContain("000,50");

        // Mediators see nothing; a manager outside the structure is refused; another funder does not find the grant.
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync("/admin/financement")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var gestion = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        (await gestion.GetAsync($"/admin/financement/structures/{emmaus}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await gestion.GetAsync($"/admin/financement/subventions/{subs[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gestion.GetAsync($"/admin/financement/deliberations/{acte.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task La_page_360_d_une_structure_aux_nombreuses_subventions_est_paginee_et_ses_totaux_portent_sur_toutes()
    {
        var financeur = await Financement.FinanceurAsync(app, "Financeur (pagination 360)");
        var structure = await app.AvecDb(async db =>
        {
            var st = new Structure { Nom = "Association aux 55 subventions", Typologie = "ASSO" };
            db.Add(st);
            await db.SaveChangesAsync();
            // 55 grants of 1 000 € over eleven exercises; the five of 2015 only requested (not counted as voted).
            for (var i = 0; i < 55; i++)
                db.Add(new Subvention { FinanceurId = financeur, BeneficiaireId = st.Id, Exercice = 2015 + i / 5, Objet = $"Action n° {i}", MontantCentimes = 100_000,
                    Statut = i < 5 ? StatutsSubvention.Demandee : StatutsSubvention.Votee });
            await db.SaveChangesAsync();
            return st.Id;
        });
        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var p1 = await Formulaires.PageAsync(admin, $"/admin/financement/structures/{structure}");
        p1.QuerySelector("#resume-structure")!.TextContent.ShouldContain("55 subvention(s)");
        p1.QuerySelector("#resume-structure")!.TextContent.ShouldContain(Montants.Euros(5_000_000));
        p1.QuerySelectorAll("#subventions-structure tbody tr").Length.ShouldBe(StructureModelParPage);
        p1.QuerySelector("#subventions-structure tbody tr td")!.TextContent.ShouldBe("2025");
        var suivante = p1.QuerySelector<IHtmlAnchorElement>("#pages-subventions a[rel=next]")!;
        suivante.TextContent.ShouldBe("Page suivante");
        var p2 = await Formulaires.PageAsync(admin, suivante.GetAttribute("href")!);
        p2.QuerySelectorAll("#subventions-structure tbody tr").Length.ShouldBe(5);
        p2.QuerySelector("#pages-subventions a[rel=next]").ShouldBeNull();
        p2.QuerySelector("#pages-subventions a[rel=prev]").ShouldNotBeNull();
        p2.QuerySelector("#resume-structure")!.TextContent.ShouldContain("55 subvention(s)");
        // A page beyond the last shows the last one; a page below 1 the first.
        (await Formulaires.PageAsync(admin, $"/admin/financement/structures/{structure}?page=99")).QuerySelectorAll("#subventions-structure tbody tr").Length.ShouldBe(5);
        (await Formulaires.PageAsync(admin, $"/admin/financement/structures/{structure}?page=-3")).QuerySelectorAll("#subventions-structure tbody tr").Length.ShouldBe(50);
    }

    const int StructureModelParPage = Passerelle.Features.Financer.Subventions.Pages.StructureModel.ParPage;
}
