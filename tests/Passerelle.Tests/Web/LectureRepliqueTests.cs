using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Tests.Infra;
using Passerelle.Web;
using Passerelle.Features.Exploitation;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Features.Financer.Deliberations;
using Passerelle.Tests.Features.Financer.ScdlSubventions;

namespace Passerelle.Tests.Web;

/// <summary>Issue 16: statistics read from <c>ConnectionStrings:PostgresLecture</c> when it is set, everything else from the
/// primary; <c>/health/details</c> tells administrators which database, the replica's lag, the directory listener and
/// the job leases.</summary>
public class LectureRepliqueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Les_details_de_sante_pour_les_administrateurs_seulement()
    {
        var nom = "sante-" + Guid.NewGuid().ToString("N")[..8];
        (await app.AvecDb(db => Baux.TenterAsync(db, nom, "instance-essai", TimeSpan.FromMinutes(5), app.Horloge, default))).ShouldBeTrue();

        (await app.ClientAnonyme().GetAsync("/health/details")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var mediateur = await Formulaires.ConnecterAsync(app, Roles.Mediateur);
        (await mediateur.GetAsync("/health/details")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var admin = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var details = await admin.GetFromJsonAsync<SanteDetaillee.Details>("/health/details");
        details!.Base.ShouldBe(AppFactory.Postgres ? "PostgreSQL" : "SQLite");
        details.Lecture.Replique.ShouldBeFalse();
        details.Lecture.RetardSecondes.ShouldBeNull();
        details.Baux.ShouldContain(b => b.Nom == nom && b.Titulaire == "instance-essai" && !b.Expire);
        if (AppFactory.Postgres)
        {
            details.Lecture.EnRecuperation.ShouldBe(false); // the test server is a primary
            details.EcouteAnnuaire.ShouldNotBeNull();
        }
        else details.EcouteAnnuaire.ShouldBeNull();
    }

    [Fact]
    public async Task Sans_replique_les_lectures_vont_a_la_base_principale()
    {
        using var scope = app.Services.CreateScope();
        var lecture = scope.ServiceProvider.GetRequiredService<BaseLecture>();
        lecture.Replique.ShouldBeFalse();
        lecture.Db.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A second test database stands in for the replica: what the statistics page lists comes from it, what the
    /// application writes goes to the primary.</summary>
    [Fact]
    public async Task Avec_une_replique_les_statistiques_la_lisent_et_les_ecritures_vont_au_primaire()
    {
        if (!AppFactory.Postgres)
        {
            // SQLite has no replica: a PostgresLecture setting is ignored, reads stay on the one file.
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<BaseLecture>().Replique.ShouldBeFalse();
            return;
        }
        using var replique = new AppFactory();
        _ = replique.Services; // migrates the stand-in
        using var primaire = new AppFactoryAvecLecture(replique.Connexion);

        var surPrimaire = "Structure primaire " + Guid.NewGuid().ToString("N")[..6];
        var surReplique = "Structure répliquée " + Guid.NewGuid().ToString("N")[..6];
        await primaire.AvecDb(async db => { db.Structures.Add(new Structure { Nom = surPrimaire, Typologie = "ASSO" }); await db.SaveChangesAsync(); });
        await replique.AvecDb(async db => { db.Structures.Add(new Structure { Nom = surReplique, Typologie = "ASSO" }); await db.SaveChangesAsync(); });

        var gestionnaire = await Formulaires.ConnecterAsync(primaire, Roles.Gestionnaire); // the account is written to the primary
        var page = await gestionnaire.GetStringAsync("/statistiques");
        page.ShouldContain(surReplique);
        page.ShouldNotContain(surPrimaire);

        using var s = primaire.Services.CreateScope();
        var lecture = s.ServiceProvider.GetRequiredService<BaseLecture>();
        lecture.Replique.ShouldBeTrue();
        lecture.Db.ShouldNotBeSameAs(s.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The public SCDL files are read from the replica too: an act and a grant present only there are exported,
    /// those present only on the primary are not (yet).</summary>
    [Fact]
    public async Task Avec_une_replique_les_fichiers_scdl_la_lisent()
    {
        if (!AppFactory.Postgres) return; // SQLite has no replica (see the test above)
        using var replique = new AppFactory();
        _ = replique.Services;
        using var primaire = new AppFactoryAvecLecture(replique.Connexion);
        var marque = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        async Task Semer(AppFactory f, string ou) => await f.AvecDb(async db =>
        {
            await EnregistrerDeliberation.CreerAsync(db, Actes.Subventions($"DEL-{ou}-{marque}"), "test", f.Horloge, CancellationToken.None);
            var financeur = new Financeur { Nom = "Financeur " + ou, Siret = "24130001100012", Siren = "241300011" };
            db.Add(financeur);
            await ExportImportScdlSubventionsTests.Subvention(db, financeur, $"Objet {ou} {marque}", 5_000_000, new DateOnly(2023, 7, 10));
        });
        await Semer(replique, "REPLIQUE");
        await Semer(primaire, "PRIMAIRE");

        var anonyme = primaire.ClientAnonyme();
        var deliberations = await anonyme.GetStringAsync("/donnees/deliberations.csv");
        deliberations.ShouldContain($"DEL-REPLIQUE-{marque}");
        deliberations.ShouldNotContain($"DEL-PRIMAIRE-{marque}");
        var subventions = await anonyme.GetStringAsync("/donnees/subventions.csv");
        subventions.ShouldContain($"Objet REPLIQUE {marque}");
        subventions.ShouldNotContain($"Objet PRIMAIRE {marque}");
    }

    sealed class AppFactoryAvecLecture(string lecture) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:PostgresLecture", lecture);
        }
    }
}
