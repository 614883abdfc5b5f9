using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary><c>POST /api/v1/deliberations/lire</c> and the CLI <c>deliberations lire</c>: same JSON, nothing written, bad
/// input answered in French (never a 500).</summary>
public class LectureApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Acte(string fichier) => File.ReadAllText(Path.Combine(ComparaisonCorpus.Dossier, fichier));

    static async Task<(HttpStatusCode Statut, JsonElement Corps)> Envoyer(HttpClient client, HttpContent contenu)
    {
        var reponse = await client.PostAsync("/api/v1/deliberations/lire", contenu);
        var texte = await reponse.Content.ReadAsStringAsync();
        return (reponse.StatusCode, texte.Length > 0 ? JsonDocument.Parse(texte).RootElement.Clone() : default);
    }

    [Fact]
    public async Task Un_administrateur_envoie_le_texte_et_recoit_la_fiche_proposee()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var (statut, corps) = await Envoyer(admin, new StringContent(Acte("02-conseil-municipal-cofinancement-caf.txt"), Encoding.UTF8, "text/plain"));
        statut.ShouldBe(HttpStatusCode.OK);
        var attendu = ComparaisonCorpus.Cas().Single(c => c.Fichier.StartsWith("02-")).Attendu;
        ComparaisonCorpus.Ecarts(attendu, corps).ShouldBeEmpty();
        corps.GetProperty("passages").GetProperty("numero").GetProperty("extrait").GetString().ShouldBe("2024/06/071");
    }

    [Fact]
    public async Task Un_pdf_envoye_en_multipart_est_lu()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var formulaire = new MultipartFormDataContent();
        var fichier = new ByteArrayContent(PdfActes.Ecrire(Acte("05-subvention-ecole-formation.txt")));
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        formulaire.Add(fichier, "fichier", "acte.pdf");
        var (statut, corps) = await Envoyer(admin, formulaire);
        statut.ShouldBe(HttpStatusCode.OK);
        corps.GetProperty("numero").GetString().ShouldBe("D2025-118");
        corps.GetProperty("beneficiaires")[0].GetProperty("montant_eur").GetDecimal().ShouldBe(31500m);
    }

    [Fact]
    public async Task Seuls_les_administrateurs_lisent_un_acte()
    {
        var contenu = () => new StringContent("Délibération n° 1", Encoding.UTF8, "text/plain");
        (await Envoyer(app.ClientAnonyme(), contenu())).Statut.ShouldBe(HttpStatusCode.Unauthorized);
        (await Envoyer(await app.ClientApiAsync(Roles.Gestionnaire), contenu())).Statut.ShouldBe(HttpStatusCode.Forbidden);
        (await Envoyer(await app.ClientApiAsync(Roles.Financeur), contenu())).Statut.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Les_mauvaises_entrees_recoivent_un_message_en_francais_jamais_une_erreur_500()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var scan = new MultipartFormDataContent { { new ByteArrayContent(PdfActes.SansTexte()), "fichier", "scan.pdf" } };
        var (statut, corps) = await Envoyer(admin, scan);
        statut.ShouldBe(HttpStatusCode.BadRequest);
        corps.GetProperty("detail").GetString().ShouldBe("Ce PDF ne contient pas de texte : collez le texte de l'acte.");

        var binaire = new byte[2048];
        new Random(3).NextBytes(binaire);
        (statut, corps) = await Envoyer(admin, new MultipartFormDataContent { { new ByteArrayContent(binaire), "fichier", "acte.txt" } });
        statut.ShouldBe(HttpStatusCode.BadRequest);
        corps.GetProperty("detail").GetString()!.ShouldContain("n'est pas un texte lisible");

        (statut, corps) = await Envoyer(admin, new StringContent("", Encoding.UTF8, "text/plain"));
        statut.ShouldBe(HttpStatusCode.BadRequest);
        corps.GetProperty("detail").GetString()!.ShouldContain("vide");

        (statut, _) = await Envoyer(admin, new StringContent("{}", Encoding.UTF8, "application/json"));
        statut.ShouldBe(HttpStatusCode.BadRequest);

        (statut, corps) = await Envoyer(admin, new StringContent("Liste des courses : pain, lait.", Encoding.UTF8, "text/plain"));
        statut.ShouldBe(HttpStatusCode.BadRequest);
        corps.GetProperty("title").GetString().ShouldBe("Aucun acte reconnu");
    }

    [Fact]
    public async Task Un_fichier_de_50_Mo_est_refuse_comme_trop_volumineux()
    {
        var admin = await app.ClientApiAsync(Roles.Administrateur);
        var gros = new byte[50 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(gros);
        var contenu = new ByteArrayContent(gros);
        contenu.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var (statut, corps) = await Envoyer(admin, contenu);
        statut.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        corps.GetProperty("detail").GetString()!.ShouldContain("20 Mo");

        var formulaire = new MultipartFormDataContent { { new ByteArrayContent(gros), "fichier", "gros.pdf" } };
        (statut, _) = await Envoyer(admin, formulaire);
        statut.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task La_commande_lire_imprime_le_meme_json_et_n_ecrit_rien()
    {
        var dossier = Directory.CreateTempSubdirectory("passerelle-lire-").FullName;
        try
        {
            var base_ = Path.Combine(dossier, "cli.db");
            string[] config = ["--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={base_}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"];
            var fichier = Path.Combine(ComparaisonCorpus.Dossier, "10-deliberation-ocr-desordonnee.txt");
            var (code, sortie, erreurs) = await Lancer(dossier, ["deliberations", "lire", fichier, "--json", .. config]);
            code.ShouldBe(0, erreurs);
            var json = JsonDocument.Parse(sortie).RootElement;
            ComparaisonCorpus.Ecarts(ComparaisonCorpus.Cas().Single(c => c.Fichier.StartsWith("10-")).Attendu, json).ShouldBeEmpty();
            json.GetProperty("avertissements").GetArrayLength().ShouldBe(1);
            File.Exists(base_).ShouldBeFalse();

            var resume = await Lancer(dossier, ["deliberations", "lire", fichier, .. config]);
            resume.Code.ShouldBe(0);
            resume.Sortie.ShouldContain("Numéro : 2023/031");
            resume.Sortie.ShouldContain("AVERTISSEMENT");

            var vide = Path.Combine(dossier, "vide.txt");
            await File.WriteAllTextAsync(vide, "");
            var refus = await Lancer(dossier, ["deliberations", "lire", vide, "--json", .. config]);
            refus.Code.ShouldBe(1);
            refus.Erreurs.ShouldContain("vide");
            (await Lancer(dossier, ["deliberations", "lire", Path.Combine(dossier, "absent.pdf"), .. config])).Code.ShouldBe(1);
        }
        finally { Directory.Delete(dossier, true); }
    }

    static async Task<(int Code, string Sortie, string Erreurs)> Lancer(string dossier, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dossier };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var sortie = p.StandardOutput.ReadToEndAsync();
        var erreurs = p.StandardError.ReadToEndAsync();
        using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(delai.Token);
        return (p.ExitCode, await sortie, await erreurs);
    }
}
