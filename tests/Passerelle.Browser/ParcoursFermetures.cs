using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Features.Notifications;
using Passerelle.Features.Accompagner.Rendezvous;

namespace Passerelle.Browser;

[Collection("navigateur")]
public class ParcoursFermetures(Navigateur app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => app.FermerPagesAsync();

    sealed record Creee(int Id, string Jeton);
    sealed record Libres(int Total);

    [Fact]
    public async Task Un_gestionnaire_ferme_un_lieu_un_jour_de_rendez_vous_pris_et_annules()
    {
        // A day at least a week ahead at the demo France Services, with a booking cancelled by its person and an active one.
        var (lieuId, structureId, creneaux) = await app.AvecDb(async db =>
        {
            var lieu = await db.Lieux.FirstAsync(l => l.IdLocal == "demo-mfs-port-saint-louis");
            var apres = app.Maintenant.AddDays(7);
            var libres = await db.Creneaux.Where(c => c.LieuId == lieu.Id && c.Debut > apres && c.EnLigne && !c.Ferme && c.Reserves < c.Capacite)
                .OrderBy(c => c.Debut).Take(1).ToListAsync();
            var jour = libres.Single().Debut.Date;
            var duJour = await db.Creneaux.Where(c => c.LieuId == lieu.Id && c.Debut >= jour && c.Debut < jour.AddDays(1) && c.EnLigne && !c.Ferme && c.Reserves < c.Capacite)
                .OrderBy(c => c.Debut).Select(c => c.Id).ToListAsync();
            return (lieu.Id, lieu.StructureId!.Value, duJour);
        });
        var jourLocal = await app.AvecDb(async db => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(
            (await db.Creneaux.SingleAsync(c => c.Id == creneaux[0])).Debut, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))));
        using var http = new HttpClient { BaseAddress = new Uri(app.Adresse) };
        async Task<Creee> Reserver(string prenom, string telephone)
        {
            var r = await http.PostAsJsonAsync("/api/v1/reservations", new { creneauId = creneaux[0], prenom, nom = "Ferrand", telephone, consentement = true });
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<Creee>())!;
        }
        var annulee = await Reserver("Gérard", "06 21 43 65 87");
        (await http.DeleteAsync($"/api/v1/reservations/{annulee.Jeton}")).EnsureSuccessStatusCode();
        var active = await Reserver("Odile", "06 31 42 53 64");

        // The manager of the structure that runs the place.
        var (email, mdp) = await app.CompteAsync(Passerelle.Features.Comptes.Roles.Gestionnaire);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.GestionsStructures.Add(new() { UtilisateurId = id, StructureId = structureId });
            return await db.SaveChangesAsync();
        });
        var page = await app.ConnecterAsync(email, mdp);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer les fermetures et absences" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/fermetures");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByLabel("Lieu").SelectOptionAsync(lieuId.ToString());
        await page.Locator("#fermdu").FillAsync(jourLocal.ToString("yyyy-MM-dd"));
        await page.Locator("#fermau").FillAsync(jourLocal.ToString("yyyy-MM-dd"));
        await page.Locator("#fermraison").FillAsync("Dégât des eaux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fermeture" }).ClickAsync();
        await page.AttendreAdresseAsync("**/admin/fermetures/fait");
        var confirmation = (await page.Locator("#confirmation").InnerTextAsync())!;
        confirmation.ShouldContain("Fermeture enregistrée");
        // Odile's, and any other booking the demo holds that day.
        confirmation.ShouldMatch(@"(?s).*\d+ rendez-vous (a été annulé|ont été annulés).*");
        await Navigateur.VerifierAccessibiliteAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir toutes les fermetures et absences" }).ClickAsync();
        (await page.Locator("#fermetures").InnerTextAsync()).ShouldContain("Dégât des eaux");
        await Navigateur.VerifierAccessibiliteAsync(page);

        // The booked person's link shows the cancellation and why; their message is queued.
        var lien = await app.NouvellePageAsync();
        await lien.GotoAsync($"/mon-rendez-vous/{active.Jeton}");
        (await lien.Locator("#etat").TextContentAsync()).ShouldBe("Annulé");
        (await lien.Locator("#motif-annulation").TextContentAsync())!.ShouldContain("Dégât des eaux");
        await Navigateur.VerifierAccessibiliteAsync(lien);
        (await app.AvecDb(db => db.Notifications.CountAsync(n => n.ReservationId == active.Id && n.Type == Avis.Annulation && n.Etat == EtatNotification.EnAttente))).ShouldBe(1);

        // The day offers no slot any more.
        var jour = jourLocal.ToString("yyyy-MM-dd");
        (await http.GetFromJsonAsync<Libres>($"/api/v1/creneaux?lieu={lieuId}&du={jour}&au={jour}"))!.Total.ShouldBe(0);
    }
}
