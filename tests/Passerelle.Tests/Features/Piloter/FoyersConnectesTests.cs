using Passerelle.Features.Comptes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Tests.Features.Connecter;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>Households connected per commune and QPV, read from the connecter feature through Piloter's interface, over two weeks
/// (3 to 16 March 2025), small counts masked.</summary>
public class FoyersConnectesTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    [Fact]
    public async Task Les_foyers_connectes_par_residence_avec_masquage()
    {
        var s = await ScenarioConnexion.CreerAsync(app);
        await app.AvecDb(async db =>
        {
            Adhesion A(string commune, string? qpv, DateOnly debut, string statut = StatutsAdhesion.Active, DateOnly? terminee = null) => new()
            {
                ProgrammeId = s.Programme, StructureId = s.Structure, Regle = "rsa", EligibleJusquAu = new(2026, 12, 31), Debut = debut,
                Fin = new(2026, 12, 31), RevueLe = new(2026, 12, 1), Statut = statut, PlafondMensuelCentimes = 3000, Commune = commune,
                CodeQpv = qpv, TermineeLe = terminee, CreeLe = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), CreePar = "test",
            };
            // Port-Saint-Louis (typed two ways), in its QPV: 5 present in the period — one of them ended on 4 March, still present.
            // Not counted: one ended before the period, one waiting, one starting after it. Fos-sur-Mer: 2 (masked).
            db.AddRange(Enumerable.Range(0, 3).Select(_ => A("Port-Saint-Louis-du-Rhône", "QN01371N", new(2025, 1, 10))));
            db.AddRange(A("Port St Louis du Rhone", "QN01371N", new(2025, 3, 10)), A("port-saint-louis-du-rhone", "QN01371N", new(2025, 2, 1), StatutsAdhesion.Terminee, new(2025, 3, 4)));
            db.AddRange(A("Port-Saint-Louis-du-Rhône", "QN01371N", new(2025, 1, 1), StatutsAdhesion.Terminee, new(2025, 3, 1)),
                A("Port-Saint-Louis-du-Rhône", "QN01371N", new(2025, 3, 5), StatutsAdhesion.EnAttente),
                A("Port-Saint-Louis-du-Rhône", "QN01371N", new(2025, 3, 20)));
            db.AddRange(A("Fos-sur-Mer", null, new(2025, 2, 1)), A("Fos-sur-Mer", null, new(2025, 2, 2)));
            await db.SaveChangesAsync();
        });

        var communes = await app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, "200054807", default, new FoyersConnectesPilotage(db)));
        communes.Lignes.Single(l => l.Code == "13078").FoyersConnectes.ShouldBe(5);
        var fos = communes.Lignes.Single(l => l.Code == "13039");
        fos.FoyersConnectes.ShouldBeNull();
        fos.Masques.ShouldContain("foyersConnectes");
        communes.Lignes.Single(l => l.Code == "13001").FoyersConnectes.ShouldBe(0);
        var qpv = await app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Qpv, Du, Au, "200054807", default, new FoyersConnectesPilotage(db)));
        qpv.Lignes.Single(l => l.Code == "QN01371N").FoyersConnectes.ShouldBe(5);

        // The API and the page read it through the registered implementation.
        var api = await app.ClientApiAsync(Roles.Administrateur);
        var json = await api.GetStringAsync("/api/v1/pilotage/ecarts?niveau=commune&du=2025-03-03&au=2025-03-16&epci=200054807");
        json.ShouldContain("\"foyersConnectes\":5");
        var page = await (await Formulaires.ConnecterAsync(app, Roles.Administrateur)).GetStringAsync("/pilotage?niveau=qpv&du=2025-03-03&au=2025-03-16&tri=foyers&ordre=desc");
        page.ShouldContain("id=\"tri-foyers\"");

        // The open-data file carries the column, masked the same way (empty cell, named in « masque »).
        var csv = (await app.ClientAnonyme().GetStringAsync("/donnees/ecarts-territoriaux.csv?du=2025-03-03&au=2025-03-16&epci=200054807")).Split('\n');
        var entete = csv[0].Split(',');
        var colonne = Array.IndexOf(entete, "\"foyers_connectes\"");
        colonne.ShouldBeGreaterThan(0);
        string[] Ligne(string code) => csv.Single(l => l.StartsWith($"\"commune\",\"{code}\",", StringComparison.Ordinal)).Split(',');
        Ligne("13078")[colonne].ShouldBe("\"5\"");
        Ligne("13039")[colonne].ShouldBe("\"\"");
        Ligne("13039")[^1].ShouldContain("foyersConnectes");
    }
}
