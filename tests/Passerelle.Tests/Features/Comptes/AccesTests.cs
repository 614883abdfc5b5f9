using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Comptes;

/// <summary>Walks every route of the app: each must be declared below with who may use it,
/// and anonymous users and wrong roles must be refused for real.</summary>
public class AccesTests(AppFactory app) : IClassFixture<AppFactory>
{
    enum Acces { Public, Equipe, Terrain, Gestion, Admin, Bloque, Financement, Atelier }

    // Pages apply the same rule to GET and POST (folder conventions).
    static Acces Attendu(string methode, string route) => (route.StartsWith("/api") ? methode : "GET", route) switch
    {
        (_, "/api/v1/auth/login" or "/api/v1/auth/refresh") => Acces.Public,
        (_, var r) when r.StartsWith("/api/v1/auth/") => Acces.Bloque,
        ("GET", "/" or "/lieux" or "/lieux/{id:int}" or "/connexion" or "/deconnexion" or "/acces-refuse" or "/erreur/{code:int}"
            or "/health" or "/openapi/{documentName}.json") => Acces.Public,
        ("GET", "/health/details") => Acces.Admin,
        ("POST", "/connexion" or "/deconnexion") => Acces.Public,
        // Workshops after creation: managers of the session's place; walk-ins on the attendance sheet: staff who run workshops.
        (_, "/admin/ateliers/sessions/{id:int}" or "/api/v1/ateliers/sessions/{id:int}/participants" or "/api/v1/ateliers/sessions/{id:int}/capacite"
            or "/api/v1/ateliers/sessions/{id:int}/annulation") => Acces.Gestion,
        (_, "/api/v1/ateliers/sessions/{id:int}/presents") => Acces.Terrain,
        // Booking at the desk: staff who meet people only.
        (_, "/api/v1/reservations/guichet" or "/admin/agenda/guichet") => Acces.Terrain,
        ("GET", "/mentions-legales" or "/accessibilite" or "/donnees-personnelles" or "/plan-du-site") => Acces.Public,
        // The e-mailed link and the second step of sign-in carry their own proof (token, pending sign-in cookie).
        (_, "/connexion/code" or "/mot-de-passe-oublie" or "/compte/activer/{jeton}") => Acces.Public,
        (_, "/compte/securite") => Acces.Equipe,
        (_, "/admin/comptes" or "/api/v1/comptes/invitations") => Acces.Gestion,
        // Booking without an account: the secret token in the URL is the key.
        (_, "/api/v1/creneaux" or "/api/v1/reservations" or "/api/v1/reservations/{jeton}" or "/api/v1/ateliers/sessions"
            or "/api/v1/ateliers/sessions/{id:int}/inscriptions" or "/api/v1/inscriptions/{jeton}" or "/agenda/{jeton}.ics") => Acces.Public,
        ("GET", "/mon-rendez-vous/{jeton}.ics") => Acces.Public,
        ("GET", "/rendez-vous" or "/rendez-vous/reserver/{id:int}" or "/mon-rendez-vous/{jeton}" or "/ateliers" or "/ateliers/{id:int}") => Acces.Public,
        ("GET", "/donnees" or "/donnees/deliberations.csv") => Acces.Public,
        // Funding chain: administrators, managers (their structures) and funders (their own grants); mediators nothing; writing: administrators.
        ("GET", "/api/v1/subventions" or "/api/v1/subventions/{id:int}") => Acces.Financement,
        ("GET", "/api/v1/cofinancements" or "/api/v1/cofinancements/{id:int}" or "/api/v1/postes" or "/api/v1/postes/{id:int}") => Acces.Financement,
        (_, "/api/v1/subventions" or "/api/v1/subventions/{id:int}/mouvements" or "/api/v1/subventions/{id:int}/statut") => Acces.Admin,
        (_, "/admin/financement" or "/admin/financement/subventions/{id:int}" or "/admin/financement/structures/{id:int}" or "/admin/financement/enveloppes/{id:int}") => Acces.Financement,
        (_, "/admin/financement/financeurs" or "/admin/financement/deliberations/{id:int}") => Acces.Admin,
        // Funder reports: the beneficiary's managers fill them, administrators decide, the grant's funder reads (checked per report: RapportsTests).
        (_, var r) when r.StartsWith("/admin/financement/rapports") => Acces.Financement,
        (_, "/admin/financement/cofinancements" or "/admin/financement/cofinancements/{id:int}" or "/admin/financement/postes" or "/admin/financement/postes/{id:int}") => Acces.Financement,
        (_, "/admin/financement/financeurs/{id:int}/modifier" or "/admin/financement/enveloppes/{id:int}/modifier") => Acces.Admin,
        ("GET", "/donnees/subventions.csv") => Acces.Public,
        // Territorial steering: aggregates for administrators, funders and managers (managers: their zones); the CSV and the communes autocomplete are public.
        ("GET", "/donnees/ecarts-territoriaux.csv" or "/api/v1/communes") => Acces.Public,
        (_, var r) when r.StartsWith("/pilotage") || r.StartsWith("/api/v1/pilotage") => Acces.Financement,
        ("GET", var r) when r.StartsWith("/api/v1/deliberations") => Acces.Equipe,
        (_, "/api/v1/deliberations" or "/api/v1/deliberations/{id:int}") => Acces.Admin,
        (_, "/admin/deliberations/nouvelle" or "/admin/deliberations/lire" or "/admin/deliberations/{id:int}/corriger") => Acces.Admin,
        (_, var r) when r.StartsWith("/admin/deliberations") => Acces.Equipe,
        ("GET", var r) when r.StartsWith("/api/v1/conventions") => Acces.Equipe,
        ("POST", "/api/v1/conventions") => Acces.Admin,
        // Agendas hold citizens' names: never funders; the owning mediator and structure are checked per object (PerimetreTests).
        (_, var r) when r.StartsWith("/admin/agenda") => Acces.Terrain,
        (_, "/admin/conventions/nouvelle") => Acces.Admin,
        (_, var r) when r.StartsWith("/admin/conventions") => Acces.Equipe,
        (_, "/admin/notifications") => Acces.Admin,
        ("GET", "/statistiques/public") => Acces.Public,
        ("GET", var r) when r.StartsWith("/donnees/data-inclusion/") => Acces.Public,
        (_, "/statistiques" or "/api/v1/statistiques" or "/api/v1/statistiques.csv" or "/api/v1/statistiques.xlsx") => Acces.Equipe,
        // Personal files: terrain roles only, then the owning structure is checked by the use cases (tested in BeneficiairesTests).
        (_, var r) when r.StartsWith("/beneficiaires") || r.StartsWith("/api/v1/beneficiaires") => Acces.Terrain,
        ("GET", "/api/v1/qpv") => Acces.Public,
        ("GET", "/api/v1/etiquettes") => Acces.Equipe,
        ("POST", "/api/v1/etiquettes") => Acces.Admin,
        ("POST", "/api/v1/qpv/import") => Acces.Admin,
        ("POST", "/api/v1/deliberations/lire") => Acces.Admin,
        (_, var r) when r.StartsWith("/activites") || r.StartsWith("/api/v1/activites") => Acces.Terrain,
        (_, "/admin/permanences" or "/admin/ateliers") => Acces.Gestion,
        (_, "/api/v1/permanences" or "/api/v1/permanences/{id:int}" or "/api/v1/absences" or "/api/v1/fermetures") => Acces.Gestion,
        (_, "/api/v1/absences/{id:int}" or "/api/v1/fermetures/{id:int}") => Acces.Gestion,
        (_, var r) when r.StartsWith("/admin/fermetures") => Acces.Gestion,
        ("GET", var r) when r.StartsWith("/api/v1/lieux") || r.StartsWith("/api/v1/structures") => Acces.Public,
        (_, "/admin") => Acces.Equipe,
        ("GET", var r) when r.StartsWith("/api/v1/mediateurs") => Acces.Equipe,
        (_, "/admin/lieux/import" or "/api/v1/lieux/import") => Acces.Admin,
        (_, var r) when r.StartsWith("/admin/structures") || r.StartsWith("/api/v1/structures") => Acces.Admin,
        (_, var r) when r.StartsWith("/admin/lieux") || r.StartsWith("/api/v1/lieux") || r.StartsWith("/admin/mediateurs") || r.StartsWith("/api/v1/mediateurs") => Acces.Gestion,
        // Équiper: the donor's offer, its follow-up and receipt links, the buyer's receipt and the public page need no account (the token is the key);
        // the workshop, the sales and the receipts' issue are for managers and administrators.
        (_, "/api/v1/equipement/offres") => Acces.Public,
        ("GET", "/equipement" or "/equipement/chiffres" or "/equipement/don" or "/equipement/don/{jeton}" or "/equipement/don/{jeton}/recu" or "/equipement/achat/{jeton}") => Acces.Public,
        ("GET", "/equipement/don/{jeton}/recu.pdf" or "/equipement/don/{jeton}/effacements.pdf" or "/equipement/achat/{jeton}/recu.pdf") => Acces.Public,
        // The workshop (Atelier role, managers, administrators): devices, erasure proof, tests, stock, WEEE; the offers and the sales stay with managers.
        (_, var r) when r.StartsWith("/admin/equipement/offres") || r == "/admin/equipement/appareils/{id:int}/vente" => Acces.Gestion,
        (_, var r) when r == "/admin/equipement" || r.StartsWith("/admin/equipement/appareils") || r.StartsWith("/admin/equipement/lots")
            || r.StartsWith("/admin/equipement/scan") || r == "/admin/equipement/certificats" || r.StartsWith("/api/v1/equipement/appareils")
            || r is "/api/v1/equipement/effacements" or "/api/v1/equipement/deee" => Acces.Atelier,
        (_, var r) when r.StartsWith("/admin/equipement") || r.StartsWith("/api/v1/equipement") => Acces.Gestion,
        // Connecter: enrolments, ledger and lines for the staff who meet people (the managing or enrolling structure is checked per object);
        // programmes' aggregates for every team account (per programme: operators see only their programmes); a new programme: managers.
        ("POST", "/api/v1/connexion/programmes") or ("PUT", "/api/v1/connexion/programmes/{id:int}") or (_, "/admin/connexion/programmes/edition/{id:int?}") => Acces.Gestion,
        ("GET", "/api/v1/connexion/programmes/{id:int}/indicateurs.csv" or "/api/v1/connexion/programmes/{id:int}/indicateurs.xlsx") => Acces.Equipe,
        (_, "/api/v1/connexion/programmes/{id:int}/factures" or "/api/v1/connexion/programmes/{id:int}/bons" or "/api/v1/connexion/programmes/{id:int}/rapprochement") => Acces.Terrain,
        (_, var r) when r.StartsWith("/api/v1/connexion/aller-vers") => Acces.Terrain,
        ("GET", "/api/v1/connexion/programmes" or "/api/v1/connexion/programmes/{id:int}/indicateurs") => Acces.Equipe,
        (_, "/admin/connexion" or "/admin/connexion/diagnostics" or "/admin/connexion/programmes/{id:int}/indicateurs") => Acces.Equipe,
        (_, var r) when r.StartsWith("/api/v1/connexion/adhesions") || r.StartsWith("/admin/connexion") => Acces.Terrain,
        // Parcours: the public application and the learner's link need no account (the token is the key); the rest is for the team,
        // then checked per object (school, support team, funders of the programme: ParcoursTests).
        ("POST", "/api/v1/parcours/cohortes/{id:int}/candidatures") => Acces.Public,
        (_, "/parcours/moi/{jeton}" or "/parcours/candidater/{id:int}" or "/parcours/moi/{jeton}/competences") => Acces.Public,
        // The helpers' framework is the territory's: administrators only.
        (_, "/parcours/aidants/referentiel/{id:int?}") => Acces.Admin,
        (_, var r) when r.StartsWith("/parcours") || r.StartsWith("/api/v1/parcours") => Acces.Equipe,
        _ => throw new InvalidOperationException($"Route non déclarée dans le test d'accès : {methode} {route}"),
    };

    public static List<(string Methode, string Route)> Routes(IServiceProvider services)
    {
        var routes = new List<(string, string)>();
        foreach (var e in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (route.Length > 1) route = route.TrimEnd('/');
            var methodes = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null ? ["GET", "POST"] : ["GET"]);
            foreach (var m in methodes) routes.Add((m, route));
        }
        return routes.Distinct().ToList();
    }

    public static string Url(string route) => route
        .Replace("{id:int}", "1").Replace("{id:int?}", "1").Replace("{ligne:int}", "1").Replace("{membreId:int}", "1").Replace("{code:int}", "404").Replace("{documentName}", "v1")
        .Replace("{jeton}", "x").Replace("{userId}", "x").Replace("{code}", "x").Replace("{changedEmail}", "x");

    static HttpRequestMessage Requete(string methode, string route)
    {
        var r = new HttpRequestMessage(new HttpMethod(methode), Url(route));
        if (methode is "POST" or "PUT") r.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return r;
    }

    static bool Refuse(HttpResponseMessage r, bool api) =>
        api ? r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            : r.StatusCode == HttpStatusCode.Redirect && (r.Headers.Location?.ToString() is { } l && (l.Contains("/connexion") || l.Contains("/acces-refuse")))
              || r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;

    [Fact]
    public async Task Toutes_les_routes_sont_declarees_et_protegees()
    {
        var routes = Routes(app.Services);
        routes.Count.ShouldBeGreaterThan(30);
        var anonyme = app.ClientAnonyme();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.Tous)
        {
            clients[role + "-api"] = await app.ClientApiAsync(role);
            clients[role + "-page"] = await Formulaires.ConnecterAsync(app, role);
        }
        var echecs = new List<string>();
        foreach (var (methode, route) in routes)
        {
            var acces = Attendu(methode, route);
            var api = route.StartsWith("/api");
            var r = await anonyme.SendAsync(Requete(methode, route));
            switch (acces)
            {
                case Acces.Public:
                    if (api ? Refuse(r, api) : r.StatusCode == HttpStatusCode.Unauthorized || r.Headers.Location?.ToString().Contains("/connexion") == true) echecs.Add($"{methode} {route} devrait être public ({(int)r.StatusCode}).");
                    continue;
                case Acces.Bloque:
                    if (r.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed))
                        echecs.Add($"{methode} {route} devrait être fermé ({(int)r.StatusCode}).");
                    continue;
            }
            if (!Refuse(r, api)) echecs.Add($"{methode} {route} accessible sans connexion ({(int)r.StatusCode}).");
            string[] mauvaisRoles = acces switch
            {
                Acces.Admin => [Roles.Gestionnaire, Roles.Mediateur, Roles.Financeur, Roles.Atelier, Roles.Operateur],
                Acces.Gestion => [Roles.Mediateur, Roles.Financeur, Roles.Atelier, Roles.Operateur],
                Acces.Terrain => [Roles.Financeur, Roles.Atelier, Roles.Operateur],
                Acces.Financement => [Roles.Mediateur, Roles.Atelier, Roles.Operateur],
                Acces.Atelier => [Roles.Mediateur, Roles.Financeur, Roles.Operateur],
                _ => [],
            };
            foreach (var role in mauvaisRoles)
            {
                var rr = await clients[role + (api ? "-api" : "-page")].SendAsync(Requete(methode, route));
                if (!Refuse(rr, api)) echecs.Add($"{methode} {route} accessible au rôle {role} ({(int)rr.StatusCode}).");
            }
        }
        echecs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Inscription_libre_fermee()
    {
        var r = await app.ClientAnonyme().PostAsync("/api/v1/auth/register",
            new StringContent("{\"email\":\"pirate@exemple.fr\",\"password\":\"Motdepasse-1234\"}", System.Text.Encoding.UTF8, "application/json"));
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AvecDb(db => Task.FromResult(db.Users.Any(u => u.Email == "pirate@exemple.fr")))).ShouldBeFalse();
    }

    [Fact]
    public async Task Delai_apres_echecs_repetes_depuis_la_meme_adresse()
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Mediateur);
        var client = app.ClientAnonyme();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
        for (var i = 0; i < 5; i++)
        {
            var r = await client.PostAsync("/api/v1/auth/login", new StringContent($"{{\"email\":\"{email}\",\"password\":\"faux-{i}\"}}", System.Text.Encoding.UTF8, "application/json"));
            r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        // Even the right password is not heard now from that address; the account itself is not locked.
        var bon = await client.PostAsync("/api/v1/auth/login", new StringContent($"{{\"email\":\"{email}\",\"password\":\"{mdp}\"}}", System.Text.Encoding.UTF8, "application/json"));
        bon.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await bon.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!.ShouldEndWith("Réessayez dans 30 secondes.");
        (await app.AvecDb(db => Task.FromResult(db.Users.Single(u => u.Email == email).LockoutEnd))).ShouldBeNull();
    }

    [Fact]
    public async Task Connexion_par_formulaire_puis_espace_equipe()
    {
        var client = await Formulaires.ConnecterAsync(app, Roles.Administrateur);
        var page = await Formulaires.PageAsync(client, "/admin");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Espace équipe");
        page.QuerySelector("a[href='/admin/structures']").ShouldNotBeNull();
    }
}
