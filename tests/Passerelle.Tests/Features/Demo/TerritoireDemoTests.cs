using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Reseau.Lieux;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Demo;

public class TerritoireDemoTests(AppFactoryDemo app) : IClassFixture<AppFactoryDemo>
{
    [Fact]
    public async Task Le_territoire_de_demo_contient_les_france_services_reelles_et_la_maison_de_port_saint_louis()
    {
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.Source == FranceServices.Source))).ShouldBe(34);
        var mfs = await app.AvecDb(db => db.Lieux.SingleAsync(l => l.IdLocal == "demo-mfs-port-saint-louis"));
        mfs.Adresse.ShouldBe("4 rue Jean Rouget");
        mfs.Commune.ShouldBe("Port-Saint-Louis-du-Rhône");
        (await app.AvecDb(db => db.Mediateurs.CountAsync())).ShouldBeGreaterThan(20);
        // Every demo place exports cleanly in the national standard.
        var lignes = await app.AvecDb(db => ExporterLieux.LignesAsync(db, CancellationToken.None));
        foreach (var l in lignes)
        {
            var problemes = new List<Probleme>();
            ValidateurLieu.Valider(l.VersDictionnaire().ToDictionary(kv => kv.Key, kv => (string?)kv.Value), 0, problemes).ShouldNotBeNull();
            problemes.Where(p => p.Bloquant).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Le_registre_de_demo_tient_les_cinq_actes_reels_et_la_convention_y_renvoie()
    {
        var actes = await app.AvecDb(db => db.Deliberations.Include(d => d.Montants).ToListAsync());
        actes.Select(d => d.Numero).ShouldBe(["CHL-038-16533/24/BM", "CHL-019-13799/23/BM", "DL.2022-330", "DG20_174", "IVIS 011-9466/21/BM"], ignoreOrder: true);
        actes.Single(d => d.Numero == "CHL-019-13799/23/BM").TotalCentimes.ShouldBe(15_000_000);
        var stMedard = actes.Single(d => d.Numero == "DG20_174");
        (stMedard.VotePour, stMedard.VoteContre, stMedard.IdentifiantActes).ShouldBe((30, 9, "033-213304496-20201216-DG20_174-DE"));
        var portSaintLouis = actes.Single(d => d.Numero == "CHL-038-16533/24/BM");
        (portSaintLouis.PeriodeDebut, portSaintLouis.PeriodeFin).ShouldBe((new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1)));
        portSaintLouis.Lieu!.ShouldContain("4 rue Jean Rouget");
        portSaintLouis.Engagements!.Split('\n').Length.ShouldBe(2);
        var convention = await app.AvecDb(db => db.Conventions.Include(c => c.Deliberation).Where(c => c.SubventionId == null).OrderBy(c => c.DateDebut).FirstAsync());
        convention.Deliberation!.Numero.ShouldBe("CHL-038-16533/24/BM");
        convention.ReferenceDeliberation.ShouldBeNull();
        var csv = await app.ClientAnonyme().GetStringAsync("/donnees/deliberations.csv");
        Passerelle.Features.Financer.Deliberations.ValidateurScdl.Valider(csv, nomActesExact: true).ShouldBeEmpty();
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
        // The votes the register holds are published: members entitled (CGCT L2121-2), actual voters, for, against, abstention.
        csv.Split('\n').Single(l => l.Contains("DG20_174")).Replace("\"", "").ShouldContain(",39,39,30,9,0,");
        csv.Split('\n').Single(l => l.Contains("DL.2022-330")).Replace("\"", "").ShouldContain(",55,53,53,0,0,");
    }

    [Fact]
    public async Task Un_compte_par_role_avec_un_mot_de_passe_genere_qui_fonctionne()
    {
        var fichier = app.Services.GetRequiredService<IConfiguration>()["Demo:FichierComptes"]!;
        var lignes = await File.ReadAllLinesAsync(fichier);
        lignes.Select(l => l.Split(' ')[0]).ShouldBe(["administrateur", "gestionnaire", "mediateur", "financeur", "operateur"], ignoreOrder: true);
        var client = app.ClientAnonyme();
        foreach (var ligne in lignes)
        {
            var (email, mdp) = (ligne.Split(' ')[1], ligne.Split(' ')[2]);
            mdp.Length.ShouldBeGreaterThanOrEqualTo(16);
            var r = await client.PostAsync("/api/v1/auth/login", new StringContent($"{{\"email\":\"{email}\",\"password\":\"{mdp}\"}}", System.Text.Encoding.UTF8, "application/json"));
            r.IsSuccessStatusCode.ShouldBeTrue(email);
        }
        // Another seed does not regenerate anything.
        (await Passerelle.Features.Demo.TerritoireDemo.SemerAsync(app.Services, force: true, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Port_saint_louis_a_une_seule_france_services()
    {
        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/lieux?commune=Port-Saint-Louis-du-Rh%C3%B4ne");
        var fs = page.QuerySelectorAll(".resultat").Where(r => r.QuerySelectorAll(".etiquette").Any(e => e.TextContent == "France Services")).ToList();
        fs.Count.ShouldBe(1);
        fs[0].QuerySelector("h3")!.TextContent.ShouldBe("Maison France Service de Port-Saint-Louis-du-Rhône");
    }

    [Fact]
    public async Task Des_creneaux_a_reserver_dans_plusieurs_communes_dont_marseille_et_des_ateliers()
    {
        var marseille = await Formulaires.PageAsync(app.ClientAnonyme(), "/rendez-vous?commune=Marseille");
        marseille.QuerySelectorAll("li.creneau").Length.ShouldBeGreaterThan(5);
        var creneaux = await app.ClientAnonyme().GetFromJsonAsync<JsonElement>("/api/v1/creneaux?taille=500");
        var items = creneaux.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("motifId").GetInt32()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2);
        var lieux = items.Select(i => i.GetProperty("lieuId").GetInt32()).Distinct().ToList();
        var communes = await app.AvecDb(db => db.Lieux.Where(l => lieux.Contains(l.Id)).Select(l => l.Commune).Distinct().ToListAsync());
        communes.Count.ShouldBeGreaterThanOrEqualTo(4);
        communes.ShouldContain("Marseille");
        var sessions = await app.ClientAnonyme().GetFromJsonAsync<JsonElement>("/api/v1/ateliers/sessions?taille=100");
        var titres = sessions.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("titre").GetString()).Distinct().ToList();
        titres.Count.ShouldBeGreaterThanOrEqualTo(3);
        sessions.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("commune").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Les_structures_ont_des_noms_d_organisations_francaises()
    {
        var noms = await app.AvecDb(db => db.Structures.Where(s => s.Demo).Select(s => s.Nom).ToListAsync());
        noms.ShouldContain("Association Rencontres Numériques du Panier");
        noms.ShouldContain("Centre social Saint-Just");
        noms.ShouldContain("CCAS d'Aix-en-Provence");
        // No generated company names ("… and Sons", "SARL …") nor product adjectives.
        noms.ShouldAllBe(n => !n.Contains(" et ") && !n.Contains("SARL") && !n.Contains("SA ") && !n.Contains(" de Aix"));
    }

    [Fact]
    public async Task Le_gestionnaire_de_demo_voit_la_mediatrice_ses_fiches_et_peut_creer_une_permanence()
    {
        var fichier = app.Services.GetRequiredService<IConfiguration>()["Demo:FichierComptes"]!;
        var ligne = (await File.ReadAllLinesAsync(fichier)).Single(l => l.StartsWith("gestionnaire "));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var connexion = await Formulaires.PageAsync(client, "/connexion");
        (await Formulaires.SoumettreAsync(client, connexion.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Formulaire.Email", ligne.Split(' ')[1]), new("Formulaire.MotDePasse", ligne.Split(' ')[2])])).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await Formulaires.PageAsync(client, "/admin/mediateurs")).QuerySelector("main")!.TextContent.ShouldContain("Médiatrice (démo)");
        (await Formulaires.PageAsync(client, "/beneficiaires")).QuerySelectorAll("#fiches tbody tr").Length.ShouldBeGreaterThan(0);
        var permanences = await Formulaires.PageAsync(client, "/admin/permanences");
        permanences.QuerySelectorAll("input[name=MediateurIds]").Select(i => i.ParentElement!.TextContent).ShouldContain(t => t.Contains("Médiatrice (démo)"));
    }
}
