using System.Globalization;
using System.Text.RegularExpressions;
using Passerelle.Features.Informations;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Accessibilite;

/// <summary>docs/rgaa-audit.md holds the 106 criteria once each, its rate is the one the declaration shows, and its
/// non-conformities are in the declaration; docs/libelles-publics.md lists the table of public wordings.</summary>
public class GrilleRgaaTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Depot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Passerelle.slnx"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("Racine du dépôt introuvable.");
    }

    [Fact]
    public async Task La_grille_compte_106_criteres_et_la_declaration_reprend_son_taux_et_ses_non_conformites()
    {
        var texte = await File.ReadAllTextAsync(Path.Combine(Depot(), "docs", "rgaa-audit.md"));
        var lignes = Regex.Matches(texte, @"^\| (\d+\.\d+) \| .+ \| (C|NC|NA) \| .+ \|$", RegexOptions.Multiline)
            .Select(m => (Critere: m.Groups[1].Value, Statut: m.Groups[2].Value)).ToList();
        lignes.Count.ShouldBe(106);
        lignes.Select(l => l.Critere).Distinct().Count().ShouldBe(106);
        int c = lignes.Count(l => l.Statut == "C"), nc = lignes.Count(l => l.Statut == "NC");
        var taux = Math.Round(100.0 * c / (c + nc), 1);
        texte.ShouldContain($"= {taux.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))} %");

        var page = await Formulaires.PageAsync(app.ClientAnonyme(), "/accessibilite");
        page.QuerySelector("#auto-evaluation")!.TextContent.ShouldContain($"{taux.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} %");
        var declarees = page.QuerySelectorAll("#non-conformites li").Select(li => li.TextContent).ToList();
        foreach (var (critere, _) in lignes.Where(l => l.Statut == "NC"))
            declarees.ShouldContain(d => d.StartsWith($"Critère {critere} "), $"La non-conformité {critere} manque dans la déclaration.");
        declarees.Count(d => d.StartsWith("Critère ")).ShouldBe(nc);
        new AccessibiliteOptions().TauxAutoEvaluation.ShouldBe(taux);
    }

    [Fact]
    public async Task La_table_des_libelles_publics_est_documentee_en_entier()
    {
        var doc = await File.ReadAllTextAsync(Path.Combine(Depot(), "docs", "libelles-publics.md"));
        foreach (var (valeur, publique) in LibellesPublics.Tout)
            doc.ShouldContain($"| {valeur} | {publique} |");
    }
}
