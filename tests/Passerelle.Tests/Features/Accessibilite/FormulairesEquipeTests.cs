using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accessibilite;

/// <summary>RGAA 11.10 and 8.6 on the team forms drawn by the shared partials: after a failed submit, "Erreur : " in the
/// title, a focused summary whose links reach the wrong fields, each wrong field aria-invalid and described by its message.</summary>
public class FormulairesEquipeTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IHtmlFormElement Formulaire(IDocument page, string bouton) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Single(f => f.TextContent.Contains(bouton));

    /// <summary>The checks every refused form must pass: title, focused summary linking exactly <paramref name="cibles"/>.</summary>
    static async Task<IDocument> RefuseAsync(HttpResponseMessage r, string titre, params string[] cibles)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await Formulaires.DocumentAsync(r);
        doc.Title.ShouldBe($"Erreur : {titre} — Passerelle");
        var resume = doc.QuerySelector("#erreurs")!;
        (resume.GetAttribute("role"), resume.GetAttribute("tabindex"), resume.HasAttribute("autofocus")).ShouldBe(("alert", "-1", true));
        resume.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(cibles.Select(c => "#" + c), ignoreOrder: true);
        foreach (var c in cibles) doc.QuerySelector("#" + c).ShouldNotBeNull(c);
        return doc;
    }

    /// <summary>The field says it is wrong and is described by a message with this text.</summary>
    static void Invalide(IDocument doc, string id, string idMessage, string texte)
    {
        var champ = doc.QuerySelector("#" + id)!;
        champ.GetAttribute("aria-invalid").ShouldBe("true", id);
        champ.GetAttribute("aria-describedby")!.Split(' ').ShouldContain(idMessage);
        doc.QuerySelector("#" + idMessage)!.TextContent.ShouldContain(texte);
    }

    [Fact]
    public async Task Une_structure_refusee_par_le_modele_relie_chaque_message_a_son_champ()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/structures/nouvelle");
        var nom = page.QuerySelector("#Saisie_Nom")!;
        (nom.HasAttribute("required"), nom.GetAttribute("aria-required")).ShouldBe((true, "true"));
        page.QuerySelector("label[for=Saisie_Nom] .obligatoire")!.TextContent.Trim().ShouldBe("*");
        page.QuerySelector("#Saisie_Typologie")!.TagName.ShouldBe("SELECT");
        page.QuerySelector("#Saisie_Siret")!.GetAttribute("aria-describedby").ShouldBe("aide-Saisie_Siret");
        page.QuerySelectorAll("[aria-invalid]").Length.ShouldBe(0);

        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer"),
            [new("Saisie.Nom", ""), new("Saisie.Siret", "1234"), new("Saisie.Commune", "Arles"), new("Saisie.Typologie", "BIB")]);
        var doc = await RefuseAsync(r, "Créer une structure", "Saisie_Nom", "Saisie_Siret");
        Invalide(doc, "Saisie_Nom", "err-Saisie_Nom", "Le nom est obligatoire.");
        Invalide(doc, "Saisie_Siret", "err-Saisie_Siret", "Le SIRET comporte 14 chiffres.");
        doc.QuerySelector("#Saisie_Siret")!.GetAttribute("aria-describedby").ShouldBe("aide-Saisie_Siret err-Saisie_Siret");
        doc.QuerySelector("#Saisie_Commune")!.HasAttribute("aria-invalid").ShouldBeFalse();
        doc.QuerySelector<IHtmlInputElement>("#Saisie_Commune")!.Value.ShouldBe("Arles");
        doc.QuerySelector<IHtmlSelectElement>("#Saisie_Typologie")!.Value.ShouldBe("BIB");
    }

    [Fact]
    public async Task Un_mediateur_sans_structure_est_refuse_a_cote_de_la_liste_et_garde_ses_cases()
    {
        await Scenario.StructureAsync(app);
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/mediateurs/nouveau");
        page.QuerySelector("#StructureId")!.GetAttribute("aria-required").ShouldBe("true");

        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer"),
            [new("Saisie.Prenom", "Hugo"), new("Saisie.Nom", ""), new("Saisie.ConseillerNumerique", "true"), new("StructureId", "")]);
        var doc = await RefuseAsync(r, "Ajouter un médiateur", "Saisie_Nom", "StructureId");
        Invalide(doc, "StructureId", "err-StructureId", "Choisissez la structure qui l'emploie.");
        Invalide(doc, "Saisie_Nom", "err-Saisie_Nom", "obligatoire");
        doc.QuerySelector("#Saisie_Prenom")!.HasAttribute("aria-invalid").ShouldBeFalse();
        doc.QuerySelector<IHtmlInputElement>("#Saisie_ConseillerNumerique")!.IsChecked.ShouldBeTrue();
        doc.QuerySelector<IHtmlInputElement>("#Saisie_AidantsConnect")!.IsChecked.ShouldBeFalse();
    }

    [Fact]
    public async Task Une_convention_sans_dates_ni_mediateur_montre_chaque_erreur_a_son_champ_et_au_groupe_de_cases()
    {
        await Scenario.MediateursAsync(app, 1);
        var lieu = await Scenario.LieuAsync(app);
        var structure = await Scenario.StructureAsync(app);
        await app.AvecDb(db => db.Lieux.Where(l => l.Id == lieu.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.StructureId, structure)));
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/conventions/nouvelle");
        page.QuerySelector("fieldset#mediateurs > legend")!.TextContent.ShouldBe("Médiateurs de la permanence");

        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Enregistrer la convention"),
            [new("Intitule", "Convention sans dates"), new("DateDebut", ""), new("DateFin", ""), new("Generer", "true"), new("CreneauxParSemaine", "3")]);
        var doc = await RefuseAsync(r, "Nouvelle convention", "debut", "fin", "mediateurs");
        Invalide(doc, "debut", "err-debut", "Indiquez la date de début.");
        Invalide(doc, "fin", "err-fin", "Indiquez la date de fin.");
        var groupe = doc.QuerySelector("fieldset#mediateurs")!;
        groupe.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("err-mediateurs");
        doc.QuerySelector("#err-mediateurs")!.TextContent.ShouldBe("Choisissez au moins un médiateur pour les permanences.");
        groupe.QuerySelectorAll("input[type=checkbox]").ShouldNotBeEmpty();
        groupe.QuerySelectorAll("input[type=checkbox]").ShouldAllBe(c => c.GetAttribute("aria-invalid") == "true");
        doc.QuerySelector<IHtmlInputElement>("#intitule")!.Value.ShouldBe("Convention sans dates");
        doc.QuerySelector("#intitule")!.HasAttribute("aria-invalid").ShouldBeFalse();
    }

    [Fact]
    public async Task Une_permanence_refusee_par_le_cas_d_usage_relie_lieu_jours_et_mediateurs_a_leurs_messages()
    {
        await Scenario.MediateursAsync(app, 1);
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin/permanences");
        page.QuerySelector("fieldset#type")!.QuerySelectorAll("input[type=radio][name=Type]").Length.ShouldBe(2);

        var r = await Formulaires.SoumettreAsync(client, Formulaire(page, "Créer la permanence"),
            [new("LieuId", "0"), new("Type", "Hebdomadaire"), new("HeureDebut", "14:00"), new("HeureFin", "16:00")]);
        var doc = await RefuseAsync(r, "Permanences", "lieu", "jours", "mediateurs");
        Invalide(doc, "lieu", "err-lieu", "Lieu inconnu.");
        doc.QuerySelector("fieldset#jours")!.GetAttribute("aria-describedby").ShouldBe("err-jours");
        doc.QuerySelector("#err-jours")!.TextContent.ShouldBe("Choisissez au moins un jour de la semaine.");
        doc.QuerySelectorAll("fieldset#jours input[name=Jours]").ShouldAllBe(c => c.GetAttribute("aria-invalid") == "true");
        doc.QuerySelector("#err-mediateurs")!.TextContent.ShouldContain("médiateurs");
        doc.QuerySelector("#hdebut")!.HasAttribute("aria-invalid").ShouldBeFalse();
    }
}
