using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accompagner.Beneficiaires;

/// <summary>Issue 8 item 5: the people file forms as a mediator uses them, without JavaScript.</summary>
public class FichesPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<int> CreerAsync(HttpClient api, object fiche)
    {
        var r = await api.PostAsJsonAsync("/api/v1/beneficiaires", fiche);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CreeDto>())!.Id;
    }

    [Fact]
    public async Task Genre_et_statut_vides_par_defaut_et_quartiers_de_la_commune_seulement()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var page = await Formulaires.PageAsync(client, "/beneficiaires/nouveau");
        page.QuerySelector<IHtmlSelectElement>("#genre")!.Value.ShouldBe("");
        page.QuerySelector<IHtmlSelectElement>("#statut")!.Value.ShouldBe("");
        page.QuerySelectorAll("#qpv option").Length.ShouldBe(1); // "Aucun" until a commune is typed

        // Without JavaScript: the button shows the neighbourhoods of the commune typed, and saves nothing.
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var bouton = page.QuerySelectorAll<IHtmlButtonElement>("main form button").Single(b => b.TextContent.Contains("Afficher les quartiers"));
        var r = await client.PostAsync(bouton.GetAttribute("formaction"), new FormUrlEncodedContent(Champs(form, ("Saisie.Prenom", "Rose"), ("Saisie.Nom", "Quartier"),
            ("Saisie.Commune", "Port-Saint-Louis-du-Rhône"), ("Saisie.CodePostal", "13230"), ("Saisie.Consentement", "true"))));
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var avecQuartiers = await Formulaires.DocumentAsync(r);
        avecQuartiers.QuerySelectorAll("#qpv option").Select(o => o.GetAttribute("value")).ShouldBe(["", "QN01371N"]);
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.Nom == "Quartier"))).ShouldBe(0);
        // Marseille by its postcode: only Marseille's neighbourhoods.
        CommunesQpv.CodesInsee(null, "13015").ShouldBe(["13055"]);
        CommunesQpv.CodesInsee("Saint-Rémy-de-Provence", null).ShouldBe(["13100"]);

        // Saved without touching gender and status: "not given", never a silent default.
        var save = await Formulaires.SoumettreAsync(client, avecQuartiers.QuerySelector<IHtmlFormElement>("main form")!, [new("Saisie.CodeQpv", "QN01371N")]);
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect, await save.Content.ReadAsStringAsync());
        var b = await app.AvecDb(db => db.Beneficiaires.SingleAsync(x => x.Nom == "Quartier"));
        (b.Genre, b.Statut, b.CodeQpv).ShouldBe(("Non communiqué", "Non communiqué ou hétérogène", "QN01371N"));

        // A neighbourhood of another commune is refused.
        var marseille = await app.AvecDb(db => db.Qpv.Where(q => q.CodesInsee == "13055").Select(q => q.Code).FirstAsync());
        var faux = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = false, commune = "Port-Saint-Louis-du-Rhône", codePostal = "13230", codeQpv = marseille });
        faux.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await faux.Content.ReadAsStringAsync()).ShouldContain("n'est pas dans la commune");
    }

    /// <summary>Issue 9 (one convention for errors): a business rule names its field; the page shows the message next to that field,
    /// tied to it for screen readers, and the API answers 409 with the same message and the field's name.</summary>
    [Fact]
    public async Task Une_regle_metier_s_affiche_contre_son_champ_et_repond_409_avec_le_champ()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var page = await Formulaires.PageAsync(client, "/beneficiaires/nouveau");
        var r = await Formulaires.SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!,
            [new("Saisie.Prenom", "Jean"), new("Saisie.Nom", "Mauvais-Numéro"), new("Saisie.Telephone", "abc"), new("Saisie.Consentement", "true")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(r);
        var telephone = doc.QuerySelector("#telephone")!;
        telephone.GetAttribute("aria-invalid").ShouldBe("true");
        telephone.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("err-Telephone");
        doc.QuerySelector("#err-Telephone")!.TextContent.ShouldContain("Numéro de téléphone invalide");
        doc.QuerySelector("#nom")!.GetAttribute("aria-invalid").ShouldBeNull();
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.Nom == "Mauvais-Numéro"))).ShouldBe(0);

        var api = await m.Api.PostAsJsonAsync("/api/v1/beneficiaires", new { suivi = true, prenom = "Jean", nom = "Mauvais-Numéro", telephone = "abc", consentement = true });
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var probleme = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        probleme.GetProperty("detail").GetString()!.ShouldContain("Numéro de téléphone invalide");
        probleme.GetProperty("champ").GetString().ShouldBe("Telephone");
    }

    static List<KeyValuePair<string, string>> Champs(IHtmlFormElement form, params (string Nom, string Valeur)[] valeurs)
    {
        var remplaces = valeurs.Select(v => v.Nom).ToHashSet();
        var champs = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { } n && !remplaces.Contains(n) && (i.Type is not ("checkbox" or "radio") || i.IsChecked))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        champs.AddRange(valeurs.Select(v => new KeyValuePair<string, string>(v.Nom, v.Valeur)));
        return champs;
    }

    [Fact]
    public async Task Creer_une_fiche_deja_existante_avertit_puis_la_fusion_compare_confirme_ou_note_pas_un_doublon()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var existante = await CreerAsync(m.Api, new { suivi = true, prenom = "Jean-Baptiste", nom = "N'Diaye", telephone = "06 11 11 11 11", consentement = true });
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        var page = await Formulaires.PageAsync(client, "/beneficiaires/nouveau");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var r = await Formulaires.SoumettreAsync(client, form, [new("Saisie.Prenom", "jean baptiste"), new("Saisie.Nom", "NDIAYE"), new("Saisie.Telephone", "+33611111111"), new("Saisie.Consentement", "true")]);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var avertie = await Formulaires.DocumentAsync(r);
        avertie.QuerySelector("#doublons-possibles")!.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{existante}");
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.StructureId == db.Beneficiaires.Single(x => x.Id == existante).StructureId))).ShouldBe(1);
        var confirme = await Formulaires.SoumettreAsync(client, avertie.QuerySelector<IHtmlFormElement>("main form")!, [new("CreerMalgreDoublons", "true")]);
        confirme.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nouvelle = int.Parse(confirme.Headers.Location!.ToString().Split('/').Last());

        // Side by side, choose, confirm.
        var comparaison = await Formulaires.PageAsync(client, $"/beneficiaires/fusion?a={existante}&b={nouvelle}");
        comparaison.QuerySelector("#comparaison")!.TextContent.ShouldContain("N'Diaye");
        comparaison.QuerySelector("#comparaison")!.TextContent.ShouldContain("NDIAYE");
        var choix = comparaison.QuerySelectorAll<IHtmlFormElement>("main form").First(f => f.Action.Contains("Choisir"));
        var etape2 = await Formulaires.DocumentAsync(await Formulaires.SoumettreAsync(client, choix, [new("Garder", nouvelle.ToString())]));
        etape2.QuerySelector("#confirmation")!.TextContent.ShouldContain($"garder la fiche n° {nouvelle}");
        (await app.AvecDb(db => db.Beneficiaires.CountAsync(b => b.Id == existante || b.Id == nouvelle))).ShouldBe(2); // nothing merged yet
        var fusion = await Formulaires.SoumettreAsync(client, etape2.QuerySelector<IHtmlFormElement>("#confirmation")!, []);
        fusion.Headers.Location!.ToString().ShouldBe($"/beneficiaires/{nouvelle}");
        (await app.AvecDb(db => db.Beneficiaires.AnyAsync(b => b.Id == existante))).ShouldBeFalse();

        // "Not a duplicate": remembered, the pair is no longer proposed.
        var a = await CreerAsync(m.Api, new { suivi = true, prenom = "Marie", nom = "Durand", anneeNaissance = 1950, consentement = true });
        var b = await CreerAsync(m.Api, new { suivi = true, prenom = "Marie", nom = "Durand", anneeNaissance = 1950, consentement = true });
        (await m.Api.GetFromJsonAsync<List<Doublon>>("/api/v1/beneficiaires/doublons"))!.ShouldContain(d => d.A.Id == a && d.B.Id == b);
        var compare = await Formulaires.PageAsync(client, $"/beneficiaires/fusion?a={b}&b={a}");
        var non = await Formulaires.SoumettreAsync(client, compare.QuerySelectorAll<IHtmlFormElement>("main form").First(f => f.Action.Contains("NonDoublon")), []);
        non.Headers.Location!.ToString().ShouldBe("/beneficiaires/doublons");
        (await m.Api.GetFromJsonAsync<List<Doublon>>("/api/v1/beneficiaires/doublons"))!.ShouldNotContain(d => d.A.Id == a && d.B.Id == b);
        (await m.Api.PostAsJsonAsync($"/api/v1/beneficiaires/{a}/non-doublon", new { autreId = b })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AvecDb(db => db.Set<NonDoublon>().CountAsync(n => n.BeneficiaireA == a))).ShouldBe(1);
    }

    [Fact]
    public async Task Derniere_activite_est_le_dernier_accompagnement_et_le_journal_est_a_l_heure_de_paris()
    {
        var m = await Scenario.EquipierAsync(app, await Scenario.StructureAsync(app));
        var id = await CreerAsync(m.Api, new { suivi = true, prenom = "Odette", nom = "Horaire", consentement = true });
        var client = await Formulaires.ConnecterAsync(app, m.Email, m.MotDePasse);
        string Cellule(IDocument d) => d.QuerySelectorAll("#fiches tbody tr").Single(tr => tr.TextContent.Contains("Horaire")).QuerySelectorAll("td")[5].TextContent;
        Cellule(await Formulaires.PageAsync(client, "/beneficiaires")).ShouldBe("Aucun"); // changed today, but never accompanied
        (await m.Api.PostAsJsonAsync("/api/v1/activites", new { type = "Accompagnement individuel", date = "2025-03-05", duree = 45, typeLieu = "Lieu d'activité", lieuId = m.LieuId,
            themes = new[] { "E-mail" }, materiel = new[] { "Ordinateur" }, autonomie = "Autonome", beneficiaireId = id, orientation = "Autre" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        Cellule(await Formulaires.PageAsync(client, "/beneficiaires")).ShouldBe("05/03/2025");
        (await m.Api.GetFromJsonAsync<List<BeneficiaireResume>>("/api/v1/beneficiaires"))!.Single(f => f.Id == id).DernierAccompagnement.ShouldBe(new DateOnly(2025, 3, 5));
        // The test clock says 10:00 UTC on 12 March 2025: 11:00 in Paris.
        var fiche = await Formulaires.PageAsync(client, $"/beneficiaires/{id}");
        fiche.QuerySelector("#journal tbody td")!.TextContent.ShouldBe("12/03/2025 11:00");
    }
}
