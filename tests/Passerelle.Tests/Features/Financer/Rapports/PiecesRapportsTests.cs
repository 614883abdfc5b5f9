using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Rapports;

/// <summary>A report's attached files through its page: a good PDF and an office document kept with their hash and listed; a file
/// whose content is not what its name says, a forbidden type and a file over the limit refused in French with a 400 and nothing
/// written; download by those who see the report (its association, the grant's funder), refused to the others.</summary>
public class PiecesRapportsTests(AppFactory app) : IClassFixture<AppFactory>
{
    sealed record Contexte(int Rapport, string NomFinanceur, HttpClient Gestionnaire)
    {
        public string Url => $"/admin/financement/rapports/{Rapport}";
    }

    async Task<Contexte> PreparerAsync()
    {
        var structure = await Scenario.StructureAsync(app);
        var nom = "Financeur pièces " + Guid.NewGuid().ToString("N")[..6];
        var financeur = await Financement.FinanceurAsync(app, nom);
        var sub = await Financement.SubventionAsync(app, financeur, structure, 2_000_000, StatutsSubvention.Versee, 2023);
        var (_, _, _, email, mdp) = await Scenario.EquipierAsync(app, structure, Roles.Gestionnaire);
        var rapport = await app.AvecDb(async db =>
        {
            using var scope = app.Services.CreateScope();
            return (await GestionRapports.OuvrirAsync(db, sub, 2023, scope.ServiceProvider.GetRequiredService<CatalogueIndicateurs>(), "admin", app.Horloge, default))!.Id;
        });
        return new(rapport, nom, await Formulaires.ConnecterAsync(app, email, mdp));
    }

    /// <summary>Posts the page's « Joindre » form with one file, as a browser does (multipart, anti-forgery token of the form).</summary>
    static async Task<HttpResponseMessage> JoindreAsync(HttpClient client, string url, string nom, byte[] contenu, string type = "application/pdf")
    {
        var form = (await Formulaires.PageAsync(client, url)).QuerySelector<IHtmlFormElement>("#joindre-piece")!;
        var corps = new MultipartFormDataContent();
        foreach (var i in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")) corps.Add(new StringContent(i.Value), i.Name!);
        var fichier = new ByteArrayContent(contenu);
        fichier.Headers.ContentType = new MediaTypeHeaderValue(type);
        corps.Add(fichier, "Fichier", nom);
        return await client.PostAsync(form.GetAttribute("action"), corps);
    }

    static byte[] Pdf() => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A minimal .docx; <paramref name="bourrage"/> spaces (which deflate about 1 000 to 1) end its document part.</summary>
    static byte[] Docx(bool complet = true, int bourrage = 0)
    {
        using var m = new MemoryStream();
        using (var zip = new ZipArchive(m, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (complet)
            {
                using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
                using (var w = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open())) { w.Write("<w:document/>"); w.Write(new string(' ', bourrage)); }
            }
            else using (var w = new StreamWriter(zip.CreateEntry("notes.txt").Open())) w.Write("pas un document Word");
        }
        return m.ToArray();
    }

    Task<List<PieceRapport>> PiecesAsync(int rapport) => app.AvecDb(db => db.Set<PieceRapport>().Where(p => p.RapportId == rapport).OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task Un_pdf_et_un_docx_sont_joints_avec_leur_empreinte_listes_et_telechargeables_par_l_association()
    {
        var x = await PreparerAsync();
        var pdf = Pdf();
        var r = await JoindreAsync(x.Gestionnaire, x.Url, @"C:\Documents\compte-rendu signé.pdf", pdf);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await JoindreAsync(x.Gestionnaire, x.Url, "facture.docx", Docx(), "application/octet-stream")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pieces = await PiecesAsync(x.Rapport);
        pieces.Select(p => p.Nom).ShouldBe(["compte-rendu signé.pdf", "facture.docx"]);
        pieces[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        pieces[0].Type.ShouldBe("application/pdf");
        pieces[1].Type.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var page = await Formulaires.PageAsync(x.Gestionnaire, x.Url);
        page.QuerySelector("#liste-pieces")!.TextContent.ShouldContain(pieces[0].Sha256);
        var lien = page.QuerySelector<IHtmlAnchorElement>("#liste-pieces a")!;
        var telechargement = await x.Gestionnaire.GetAsync(lien.GetAttribute("href"));
        telechargement.StatusCode.ShouldBe(HttpStatusCode.OK);
        telechargement.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await telechargement.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await app.AvecDb(db => db.Set<JournalFinancement>().CountAsync(j => j.Objet == GestionRapports.Objet && j.ObjetId == x.Rapport && j.Champ == "pièce jointe"))).ShouldBe(2);

        // The same file again is refused; removing one leaves the other.
        var encore = await JoindreAsync(x.Gestionnaire, x.Url, "copie.pdf", pdf);
        encore.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refus = (await Formulaires.DocumentAsync(encore)).QuerySelector("#err-fichier")!.TextContent;
        refus.ShouldContain("déjà joint");
        // It names the file already there, not the one just sent.
        refus.ShouldContain("« compte-rendu signé.pdf »");
        refus.ShouldNotContain("copie.pdf");
        var retirer = (await Formulaires.PageAsync(x.Gestionnaire, x.Url)).QuerySelector<IHtmlFormElement>("#liste-pieces form")!;
        (await Formulaires.SoumettreAsync(x.Gestionnaire, retirer, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PiecesAsync(x.Rapport)).Select(p => p.Nom).ShouldBe(["facture.docx"]);
    }

    [Fact]
    public async Task Un_faux_pdf_un_type_interdit_et_un_fichier_trop_gros_sont_refuses_en_francais_sans_rien_ecrire()
    {
        var x = await PreparerAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        var gros = new byte[PieceRapport.TailleMax + 1];
        Pdf().CopyTo(gros, 0);
        foreach (var (nom, contenu, attendu) in new (string, byte[], string)[]
        {
            ("compte-rendu.pdf", "MZ\x90\0 exécutable renommé"u8.ToArray(), "ne correspond pas à un fichier .pdf"),
            ("photo.pdf", png, "ne correspond pas à un fichier .pdf"),
            ("budget.docx", Docx(complet: false), "ne correspond pas à un fichier .docx"),
            ("outil.exe", "MZ\x90\0"u8.ToArray(), "n'est pas d'un type accepté"),
            ("page.html", "<html></html>"u8.ToArray(), "n'est pas d'un type accepté"),
            ("vide.pdf", [], "est vide"),
            ("enorme.pdf", gros, "dépasse 10 Mo"),
            // A « zip bomb »: some KB declaring 30 MB once decompressed.
            ("gonfle.docx", Docx(bourrage: 30_000_000), "plus de 100 fois plus gros"),
        })
        {
            var r = await JoindreAsync(x.Gestionnaire, x.Url, nom, contenu);
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, nom);
            var doc = await Formulaires.DocumentAsync(r);
            doc.QuerySelector("#err-fichier")!.TextContent.ShouldContain(attendu, Case.Sensitive, nom);
            doc.QuerySelector("#erreurs")!.TextContent.ShouldContain("La pièce n'est pas jointe");
        }
        (await PiecesAsync(x.Rapport)).ShouldBeEmpty();
        (await app.AvecDb(db => db.Set<JournalFinancement>().CountAsync(j => j.Objet == GestionRapports.Objet && j.ObjetId == x.Rapport && j.Champ == "pièce jointe"))).ShouldBe(0);
    }

    [Fact]
    public async Task Le_financeur_de_la_subvention_telecharge_sans_voir_qui_a_depose_les_autres_sont_refuses()
    {
        var x = await PreparerAsync();
        (await JoindreAsync(x.Gestionnaire, x.Url, "justificatif.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var piece = (await PiecesAsync(x.Rapport)).Single();
        var lien = $"{x.Url}?handler=Piece&piece={piece.Id}";

        var (ef, mf) = await CompteFinanceurAsync(x.NomFinanceur);
        var financeur = await Formulaires.ConnecterAsync(app, ef, mf);
        var vue = await Formulaires.PageAsync(financeur, x.Url);
        vue.QuerySelector("#liste-pieces")!.TextContent.ShouldNotContain(" par ");
        vue.QuerySelector("#joindre-piece").ShouldBeNull();
        var r = await financeur.GetAsync(lien);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");

        // Another funder, a manager of another structure: 404 (the report's existence does not leak); a mediator: no access to the area.
        var (ea, ma) = await CompteFinanceurAsync("Autre financeur " + Guid.NewGuid().ToString("N")[..4]);
        var autreFinanceur = await Formulaires.ConnecterAsync(app, ea, ma);
        (await autreFinanceur.GetAsync(lien)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var gestionAutre = await Formulaires.ConnecterAsync(app, Roles.Gestionnaire);
        (await gestionAutre.GetAsync(lien)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync(lien)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        // The funder cannot attach (its page has no form; a forged post is refused and writes nothing).
        var jeton = vue.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forge = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" }, { new ByteArrayContent(Pdf()), "Fichier", "faux.pdf" } };
        var refus = await financeur.PostAsync($"{x.Url}?handler=Joindre", forge);
        (refus.Headers.Location?.ToString() ?? "").ShouldNotContain("/admin/financement/rapports");
        refus.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await PiecesAsync(x.Rapport)).Count.ShouldBe(1);
    }

    async Task<(string, string)> CompteFinanceurAsync(string nomFinanceur)
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var fid = await db.Set<Financeur>().Where(f => f.Nom == nomFinanceur).Select(f => (int?)f.Id).FirstOrDefaultAsync();
            db.Add(new ProfilCompte { UtilisateurId = id, Financeur = nomFinanceur, FinanceurId = fid });
            await db.SaveChangesAsync();
        });
        return (email, mdp);
    }
}
