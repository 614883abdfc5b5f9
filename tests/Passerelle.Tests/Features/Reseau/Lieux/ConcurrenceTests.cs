using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Reseau.Lieux;

/// <summary>Real parallel requests (meaningful on PostgreSQL; SQLite serialises writers).</summary>
public class ConcurrenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Le_meme_identifiant_cree_en_parallele_ne_donne_qu_un_lieu()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var id = "parallele-" + Guid.NewGuid().ToString("N")[..6];
        var saisie = new { idLocal = id, nom = "Lieu disputé", pivot = "W133001234", adresse = "1 rue", codePostal = "13800", commune = "Istres" };
        var reponses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => admin.PostAsJsonAsync("/api/v1/lieux", saisie)));
        reponses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        reponses.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.BadRequest);
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.IdLocal == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Imports_paralleles_du_meme_fichier_sans_doublon_ni_erreur()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var source = "par-" + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder(string.Join(',', StandardLieux.Colonnes)).Append('\n');
        for (var i = 0; i < 300; i++)
            csv.Append($"\"{i}\",\"00000000000000\",\"Lieu {i}\",\"Miramas\",\"13140\",\"\",\"{i} rue\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"{source}\",\"\",\"\",\"2024-01-01\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
        var contenu = csv.ToString();
        var reponses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
        {
            var form = new MultipartFormDataContent { { new StringContent(contenu, Encoding.UTF8, "text/csv"), "fichier", "par.csv" } };
            return admin.PostAsync("/api/v1/lieux/import", form);
        }));
        reponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var rapports = await Task.WhenAll(reponses.Select(r => r.Content.ReadFromJsonAsync<RapportImport>()));
        rapports.Sum(r => r!.Crees).ShouldBe(300);
        (await app.AvecDb(db => db.Lieux.CountAsync(l => l.Source == source))).ShouldBe(300);
    }
}
