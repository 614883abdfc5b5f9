using Microsoft.AspNetCore.Diagnostics;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Demo;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.DataInclusion;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Exploitation;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Deliberations;
using Passerelle.Features.Financer.Deliberations.Lecture;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Financer.ScdlSubventions;
using Passerelle.Features.Financer.Indicateurs;
using Passerelle.Features.Financer.Rapports;
using Passerelle.Features.Financer.Postes;
using Passerelle.Features.Financer.Cofinancements;
using Passerelle.Features.Accompagner.Agenda;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Statistiques;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Informations;
using Passerelle.Features.Notifications;
using Passerelle.Features.Referentiels;
using Passerelle.Features.Referentiels.Territoires;
using Passerelle.Web;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Connecter.Fabrique;
using Passerelle.Features.Connecter.AllerVers;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Piloter.Ecarts;

// A command's own arguments (file paths, --email E) are not settings: only "--Key=Value" reach the configuration.
var builder = WebApplication.CreateBuilder(Cli.EstCommande(args) ? Cli.Reglages(args) : args);
builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; o.UseUtcTimestamp = true; });
builder.AddBaseDeDonnees();
builder.AddReferentiels();
builder.AddLieux();
builder.Services.AddDonneesDataInclusion();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Passerelle.Web.Instance>();
builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(DemoOptions.Lire(builder.Configuration)));
builder.AddProduction();
builder.AddComptes();
builder.Services.AddErreurs();
// French pages: accented letters are written as such in the HTML, not as numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    o.Conventions.ConfigureFilter(new FiltreBornesDatesPages());
    o.Conventions.AuthorizeFolder("/Reseau/Lieux/Admin", Roles.PolitiqueGestion);
    o.Conventions.AddPageRoute("/Reseau/Lieux/Admin/Edition", "/admin/lieux/nouveau");
    o.Conventions.AddPageRoute("/Reseau/Structures/Edition", "/admin/structures/nouvelle");
    o.Conventions.AddPageRoute("/Reseau/Mediateurs/Edition", "/admin/mediateurs/nouveau");
    o.Conventions.AuthorizeFolder("/Reseau/Structures", Roles.PolitiqueAdmin);
    o.Conventions.AuthorizeFolder("/Reseau/Mediateurs", Roles.PolitiqueGestion);
    o.Conventions.AuthorizeFolder("/Admin", Roles.PolitiqueEquipe);
    o.Conventions.AuthorizeFolder("/Accompagner/Agenda", Roles.PolitiqueTerrain);
    o.Conventions.AuthorizeFolder("/Accompagner/Permanences", Roles.PolitiqueGestion);
    o.Conventions.AuthorizeFolder("/Accompagner/Activites", Roles.PolitiqueTerrain);
    o.Conventions.AuthorizeFolder("/Accompagner/Beneficiaires", Roles.PolitiqueTerrain);
    o.Conventions.AddPageRoute("/Accompagner/Beneficiaires/Edition", "beneficiaires/{id:int}/modifier");
    o.Conventions.AuthorizePage("/Accompagner/Statistiques/Tableau", Roles.PolitiqueEquipe);
    o.Conventions.AuthorizeFolder("/Accompagner/Ateliers/Admin", Roles.PolitiqueGestion);
    o.Conventions.AuthorizeFolder("/Financer/Conventions", Roles.PolitiqueEquipe);
    o.Conventions.AuthorizeFolder("/Notifications", Roles.PolitiqueAdmin);
    o.Conventions.AuthorizeFolder("/Comptes/Admin", Roles.PolitiqueGestion);
    o.Conventions.AuthorizeFolder("/Connecter", Roles.PolitiqueEquipe);
    o.Conventions.AuthorizeFolder("/Piloter", PilotageApi.Politique);
});
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Passerelle — API v1";
    doc.Info.Description = "Annuaire des lieux de médiation numérique (standard national), structures et médiateurs.";
    return Task.CompletedTask;
}));
builder.AddNotifications();
builder.AddPermanences();
builder.AddRendezvous();
builder.AddAteliers();
builder.AddBeneficiaires();
builder.AddActivites();
builder.AddConventions();
builder.AddIndicateursFinancement();
builder.AddStatistiques();
builder.AddRapports();
builder.AddDeliberations();
builder.AddScdlSubventions();
builder.AddInformations();
builder.AddEquipement();
builder.AddLectureActes();
builder.AddConnexion();
builder.AddFabrique();
builder.AddAllerVers();
builder.AddSubventions();
builder.AddPostes();
builder.AddParcours();
builder.AddPilotage();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("base");
builder.AddObservabilite();

var app = builder.Build();

if (Cli.EstCommande(args)) return await Cli.ExecuterAsync(app, args);

await Database.PreparerAsync(app.Services, migrerPostgres: app.Services.GetRequiredService<DatabaseOptions>().MigrerAuDemarrage);
var comptesDemo = await TerritoireDemo.SemerAsync(app.Services, force: false, app.Lifetime.ApplicationStopping);
// Passwords never reach the console or the logs: only the owner-readable file holds them.
if (comptesDemo is { Count: > 0 }) Console.WriteLine($"Territoire de démonstration créé. Comptes de démonstration (rôle, courriel, mot de passe) dans {DemoOptions.CheminRelatif(app.Services)}.");

app.UseProduction();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // The API writes French ProblemDetails (GestionnaireExceptions); pages show the HTML error page of the same status.
    ExceptionHandlingPath = "/erreur/0",
    StatusCodeSelector = Erreurs.Statut,
    // A refused access or a bad input is an answer, not a failure: only 5xx reach the Error level (GestionnaireExceptions logs the rest lower).
    SuppressDiagnosticsCallback = c => Erreurs.Statut(c.Exception) is < 500 or 503,
});
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/erreur/{0}"));
app.UseSecurityHeaders();
app.UseAuthApiRestreinte();
app.UseStaticFiles();
app.UseRouting();
app.UseLimiteTaille();
app.UseAuthentication();
app.UseSessionsVerifiees();
// After authentication: the policies exempt the team (public limits) and key writes by account, which needs the user known.
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgeryApi();

app.MapHealthChecks("/health");
app.MapSanteDetaillee();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapRazorPages();
var api = app.MapGroup("/api/v1");
api.AddEndpointFilter(BornesDates.FiltreApi);
api.MapAuthApi().AddEndpointFilter(ServicesComptes.AttendreAvantConnexion);
api.MapLieuxApi();
api.MapStructuresApi();
api.MapMediateursApi();
api.MapRendezvousApi();
api.MapAteliersApi();
api.MapConventionsApi();
api.MapPermanencesApi();
api.MapActivitesApi();
api.MapStatistiquesApi();
api.MapBeneficiairesApi();
api.MapEtiquettesApi();
api.MapComptesApi();
api.MapDonsApi();
api.MapAppareilsApi();
api.MapVentesApi();
api.MapDeliberationsApi();
app.MapDonneesDeliberations();
app.MapDonneesSubventions();
api.MapLectureActesApi();
api.MapConnexionApi();
api.MapFabriqueApi();
api.MapAllerVersApi();
api.MapSubventionsApi();
api.MapCofinancementsApi();
api.MapPostesApi();
api.MapParcoursApi();
api.MapCommunesApi();
api.MapPilotageApi();
app.MapDonneesEcarts();
app.MapAgendaIcs();
app.MapCalendrierRendezvous();
app.MapDonneesDataInclusion();

app.Run();
return 0;

public partial class Program;
