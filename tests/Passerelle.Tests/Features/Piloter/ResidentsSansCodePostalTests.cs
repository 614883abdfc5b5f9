using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Piloter.Ecarts;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Piloter;

/// <summary>A person's file may hold a commune without a postcode (the form allows it): the gap table places such residents by the
/// commune's name, in the demand by residence and in the referrals refused for capacity, inside an EPCI as for the whole country.</summary>
public class ResidentsSansCodePostalTests : IClassFixture<AppFactory>
{
    readonly AppFactory _app;
    public ResidentsSansCodePostalTests(AppFactory app) => _app = app;

    static readonly DateOnly Du = new(2025, 3, 3), Au = new(2025, 3, 16);

    [Fact]
    public async Task Un_resident_sans_code_postal_compte_pour_sa_commune_nommee()
    {
        var lieu = await Scenario.LieuAsync(_app);
        var structure = await Scenario.StructureAsync(_app);
        await _app.AvecDb(async db =>
        {
            var m = new Passerelle.Features.Reseau.Mediateurs.Mediateur { Prenom = "Léa", Nom = "Test" };
            db.Mediateurs.Add(m);
            // Fos-sur-Mer: 4 files without a postcode, typed four ways, and 1 with its postcode — 5 people, not masked.
            // Two more files name no commune the reference knows (« Fos ») or none at all: counted nowhere.
            var fos = new[] { "Fos sur Mer", "FOS-SUR-MER", "fos-sur-mer", "Fos sur mer " }
                .Select(nom => new Beneficiaire { StructureId = structure, Commune = nom, Suivi = false })
                .Append(new Beneficiaire { StructureId = structure, Commune = "Fos-sur-Mer", CodePostal = "13270", Suivi = false }).ToList();
            var ailleurs = new[] { new Beneficiaire { StructureId = structure, Commune = "Fos", Suivi = false }, new Beneficiaire { StructureId = structure, Suivi = false } };
            db.Beneficiaires.AddRange(fos.Concat(ailleurs));
            await db.SaveChangesAsync();
            db.Activites.AddRange(fos.Concat(ailleurs).Select((b, i) => new Activite
                { MediateurId = m.Id, BeneficiaireId = b.Id, Date = new DateOnly(2025, 3, 4 + i), DureeMinutes = 30, LieuId = lieu.Id }));
            // Two referrals refused for capacity, both for residents without a postcode.
            db.Orientations.AddRange(fos.Take(2).Select(b => new Orientation
                { BeneficiaireId = b.Id, Date = new DateOnly(2025, 3, 5), Categorie = "Autre", Destinataire = "CCAS", Motif = "Test", Resultat = ResultatsOrientation.RefuseeCapacite }));
            await db.SaveChangesAsync();
        });
        foreach (var epci in new[] { "200054807", null })
        {
            var table = await _app.AvecDb(db => CalculEcarts.ExecuterAsync(db, CalculEcarts.Commune, Du, Au, epci, CancellationToken.None));
            var ligne = table.Lignes.Single(l => l.Code == "13039");
            ligne.Personnes.ShouldBe(5);
            ligne.DemandeObservee.ShouldBe(5);
            ligne.OrientationsRefusees.ShouldBe(2);
            table.Lignes.Sum(l => l.Personnes ?? 0).ShouldBe(5);
        }
    }
}
