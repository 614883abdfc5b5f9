using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Appareils.Certificats;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>nwipe's reports read with their real layout, imported all or nothing (API, CLI use case), kept with their SHA-256.</summary>
public class CertificatsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Le_journal_nwipe_donne_un_verdict_par_disque()
    {
        var d = LecteurNwipeLog.Lire(RapportsNwipe.Journal());
        d.Count.ShouldBe(2);
        var ssd = d.Single(x => x.Peripherique == "/dev/sda");
        ssd.Version.ShouldBe("0.37");
        ssd.Modele.ShouldBe("Samsung SSD 860 EVO 250GB");
        ssd.NumeroSerie.ShouldBe("S3Z9NB0K123456A");
        ssd.Bus.ShouldBe("ATA-SSD");
        ssd.Octets.ShouldBe(250059350016);
        ssd.Methode.ShouldBe("PRNG Stream");
        ssd.Passes.ShouldBe(2); // one pass, one round, plus the blanking pass
        ssd.Verification.ShouldBe("last");
        ssd.Statut.ShouldBe("ERASED");
        ssd.ZonesCachees.ShouldBe("absentes");
        ssd.Debut.ShouldBe(new DateTime(2025, 3, 12, 8, 58, 3));
        ssd.Fin.ShouldBe(new DateTime(2025, 3, 12, 9, 55, 12));
        var nvme = d.Single(x => x.Peripherique == "/dev/nvme0n1");
        nvme.ZonesCachees.ShouldBe("sans_objet");
        nvme.NumeroSerie.ShouldBe("1928AB441234");

        var echec = LecteurNwipeLog.Lire(RapportsNwipe.Journal(statutNvme: "-FAILED-", erreursNvme: 3)).Single(x => x.Peripherique == "/dev/nvme0n1");
        echec.Statut.ShouldBe("FAILED");
        echec.ErreursPasses.ShouldBe(3);
    }

    [Fact]
    public void Le_certificat_pdf_nwipe_est_lu_par_ses_libelles()
    {
        var d = LecteurNwipePdf.Lire(RapportsNwipe.Certificat());
        d.Version.ShouldBe("0.41");
        d.Modele.ShouldBe("TOSHIBA MQ01ABD100");
        d.NumeroSerie.ShouldBe("Y3EHT12AT");
        d.Methode.ShouldBe("DoD Short");
        d.Passes.ShouldBe(4); // DoD Short: 3 passes, plus the final blanking pass
        d.Verification.ShouldBe("last");
        d.Statut.ShouldBe("ERASED");
        d.ZonesCachees.ShouldBe("absentes");
        d.Debut.ShouldBe(new DateTime(2025, 3, 12, 9, 0, 0));
        d.Fin.ShouldBe(new DateTime(2025, 3, 12, 9, 40, 0));
        d.Technicien.ShouldBe("Karim B.");
        d.Octets.ShouldBe(1000204886016);
        var cache = LecteurNwipePdf.Lire(RapportsNwipe.Certificat(hpa: "Hidden sectors found!"));
        cache.ZonesCachees.ShouldBe("presentes");
        cache.Avertissement!.ShouldContain("hidden sectors NOT erased");
        LecteurNwipePdf.Lire(RapportsNwipe.Certificat(serie: "Unknown")).NumeroSerie.ShouldBeNull();
    }

    [Fact]
    public void Les_fichiers_mal_formes_sont_refuses_avec_leur_motif()
    {
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipeLog.Lire("Bonjour,\nvoici le rapport."));
        // Cut before the summary tables: no verdict.
        var journal = RapportsNwipe.Journal();
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipeLog.Lire(journal[..journal.IndexOf("*****", StringComparison.Ordinal)])).Message.ShouldContain("Drive Status");
        // nwipe 0.28 and before: no per-drive verdict.
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipeLog.Lire("[2019/11/07 02:36:51] nwipe: info: Invoking method 'DoD Short' on device '/dev/sda'.")).Message.ShouldContain("0.30");
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipePdf.Lire(RapportsNwipe.Certificat(systeme: true))).Message.ShouldContain("System Erasure Report");
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipePdf.Lire(RapportsNwipe.Certificat(sansStatut: true))).Message.ShouldContain("Status:");
        Should.Throw<CertificatIllisibleException>(() => LecteurNwipePdf.Lire("%PDF-1.4 tronqué"u8.ToArray()));
        Should.Throw<CertificatIllisibleException>(() => ImporterCertificats.Lire(new("vide.txt", [])));
    }

    static async Task<AppareilDto> AppareilAsync(HttpClient equipe, int lot, params string[] series)
    {
        var r = await equipe.PostAsJsonAsync("/api/v1/equipement/appareils", new
        {
            lotId = lot, type = "portable", marque = "Dell", modele = "Latitude 5490", numeroSerie = "DL" + Guid.NewGuid().ToString("N")[..10],
            supports = series.Select(s => new { type = "ssd", numeroSerie = s, capaciteGo = 256 }).ToArray(),
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{(await r.Content.ReadFromJsonAsync<AppareilCreeDto>())!.Id}"))!;
    }

    static MultipartFormDataContent Envoi(params (string Nom, byte[] Contenu)[] fichiers)
    {
        var m = new MultipartFormDataContent();
        foreach (var (nom, contenu) in fichiers)
        {
            var c = new ByteArrayContent(contenu);
            c.Headers.ContentType = new MediaTypeHeaderValue(nom.EndsWith(".pdf") ? "application/pdf" : "text/plain");
            m.Add(c, "fichier", nom);
        }
        return m;
    }

    static string Serie() => "S" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [Fact]
    public async Task Import_tout_ou_rien_par_l_api_avec_le_fichier_et_son_empreinte()
    {
        var equipe = await app.ClientApiAsync(Roles.Atelier);
        var gestion = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, gestion);
        var (s1, s2, s3) = (Serie(), Serie(), Serie());
        var a = await AppareilAsync(equipe, lot, s1);
        var b = await AppareilAsync(equipe, lot, s2, s3);
        (await EquipementTests.VersAsync(equipe, a.Id, "qualifie")).EnsureSuccessStatusCode();
        var pdf = RapportsNwipe.Certificat(serie: s1);
        var journal = Encoding.UTF8.GetBytes(RapportsNwipe.Journal(serieSsd: s2, serieNvme: s3));

        // One good file and one malformed: nothing at all is written.
        var avant = await app.AvecDb(db => db.Set<Effacement>().CountAsync());
        var mauvais = await equipe.PostAsync("/api/v1/equipement/effacements", Envoi(("nwipe_report_a.pdf", pdf), ("notes.txt", "rien à voir"u8.ToArray())));
        mauvais.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mauvais.Content.ReadAsStringAsync()).ShouldContain("notes.txt");
        (await app.AvecDb(db => db.Set<Effacement>().CountAsync())).ShouldBe(avant);

        var ok = await equipe.PostAsync("/api/v1/equipement/effacements", Envoi(("nwipe_report_a.pdf", pdf), ("nwipe_log_20250312.txt", journal)));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var rapport = (await ok.Content.ReadFromJsonAsync<RapportCertificats>())!;
        rapport.Ecrit.ShouldBeTrue();
        rapport.Disques.Count.ShouldBe(3);
        rapport.Disques.ShouldAllBe(d => d.EffacementId != null && d.Resultat == "reussi");
        var lu = (await equipe.GetFromJsonAsync<AppareilDto>($"/api/v1/equipement/appareils/{a.Id}"))!;
        var e = lu.Supports[0].Effacements.Single();
        (e.Niveau, e.Methode, e.Outil, e.VersionOutil, e.Passes, e.Verification, e.Operateur).ShouldBe(("clear", "DoD Short", "nwipe", "0.41", 4, "complete", "Karim B."));
        e.Debut.ShouldBe(new DateTime(2025, 3, 12, 8, 0, 0)); // 09:00 in Paris (winter time)
        e.CertificatSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        (await app.AvecDb(db => db.Set<Effacement>().Where(x => x.Id == e.Id).Select(x => x.Certificat).SingleAsync())).ShouldBe(pdf);
        (await EquipementTests.VersAsync(equipe, a.Id, "efface")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same file again for the same medium: refused, nothing added.
        var encore = await equipe.PostAsync("/api/v1/equipement/effacements", Envoi(("copie.pdf", pdf)));
        encore.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await encore.Content.ReadAsStringAsync()).ShouldContain("déjà enregistré");
        // A drive whose serial no medium carries.
        var inconnu = await equipe.PostAsync("/api/v1/equipement/effacements", Envoi(("autre.pdf", RapportsNwipe.Certificat(serie: "INCONNU123"))));
        (await inconnu.Content.ReadAsStringAsync()).ShouldContain("aucun support de stockage enregistré");

        // JSON carrying only the certificate, for a designated medium: a drive whose hidden sectors were found is not proven erased.
        var c = await AppareilAsync(equipe, lot, Serie());
        var cache = RapportsNwipe.Certificat(serie: c.Supports[0].NumeroSerie!, hpa: "Hidden sectors found!");
        var json = await equipe.PostAsJsonAsync("/api/v1/equipement/effacements", new { supportId = c.Supports[0].Id, certificat = new { nom = "cache.pdf", contenuBase64 = Convert.ToBase64String(cache) } });
        json.StatusCode.ShouldBe(HttpStatusCode.Created, await json.Content.ReadAsStringAsync());
        (await json.Content.ReadFromJsonAsync<RapportCertificats>())!.Disques.Single().Resultat.ShouldBe("echec");
    }

    [Fact]
    public async Task La_commande_importe_un_dossier_ou_rien()
    {
        var gestion = await app.ClientApiAsync(Roles.Gestionnaire);
        var lot = await EquipementTests.LotAsync(app, gestion);
        var serie = Serie();
        var a = await AppareilAsync(gestion, lot, serie);
        var dossier = Directory.CreateTempSubdirectory("certificats-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dossier, "nwipe_report_1.pdf"), RapportsNwipe.Certificat(serie: serie));
            await File.WriteAllTextAsync(Path.Combine(dossier, "nwipe_log_coupe.txt"), RapportsNwipe.Journal()[..600]);
            await File.WriteAllTextAsync(Path.Combine(dossier, "LISEZMOI.md"), "clé ShredOS");
            var (refus, _) = await app.AvecDb(db => CommandeImportCertificats.ImporterDossierAsync(db, dossier, "test", app.Horloge, CancellationToken.None));
            refus.Ecrit.ShouldBeFalse();
            refus.Erreurs.ShouldContain(x => x.Contains("nwipe_log_coupe.txt"));
            refus.Ignores.ShouldBe(["LISEZMOI.md"]);
            (await app.AvecDb(db => db.Set<Effacement>().CountAsync(x => x.SupportId == a.Supports[0].Id))).ShouldBe(0);

            File.Delete(Path.Combine(dossier, "nwipe_log_coupe.txt"));
            var (ok, _) = await app.AvecDb(db => CommandeImportCertificats.ImporterDossierAsync(db, dossier, "test", app.Horloge, CancellationToken.None));
            ok.Ecrit.ShouldBeTrue(string.Join(" | ", ok.Erreurs));
            CommandeImportCertificats.Lignes(ok).Last().ShouldBe("1 effacement(s) enregistré(s).");
            (await app.AvecDb(db => db.Set<Effacement>().CountAsync(x => x.SupportId == a.Supports[0].Id))).ShouldBe(1);
        }
        finally { Directory.Delete(dossier, true); }
    }

    [Fact]
    public async Task L_atelier_travaille_sur_les_appareils_mais_ne_vend_pas()
    {
        var atelier = await app.ClientApiAsync(Roles.Atelier);
        (await atelier.GetAsync("/api/v1/equipement/appareils")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await atelier.PostAsJsonAsync("/api/v1/equipement/ventes", new { appareilId = 1, prix = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await atelier.PostAsJsonAsync("/api/v1/equipement/offres/1/qualification", new { accepter = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var gestion = await app.ClientApiAsync(Roles.Gestionnaire);
        var a = await EquipementTests.EnStockAsync(atelier, await EquipementTests.LotAsync(app, gestion));
        (await atelier.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "Nadia K." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gestion.PostAsJsonAsync("/api/v1/equipement/reservations", new { appareilId = a.Id, pour = "Nadia K." })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
