using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Features.Demo;
using Passerelle.Features.Former.Parcours;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Former.Parcours;

/// <summary>The demo school: a finished cohort whose outcomes include « sans nouvelles », a running one with candidates, the funder's account.</summary>
public class ParcoursDemoTests(AppFactoryDemo app) : IClassFixture<AppFactoryDemo>
{
    [Fact]
    public async Task L_ecole_de_demonstration_a_une_cohorte_terminee_avec_ses_resultats_et_une_en_cours()
    {
        _ = app.Server;
        var cohortes = await app.AvecDb(db => db.Set<Cohorte>().Where(c => c.Programme!.Demo).OrderBy(c => c.Debut).Select(c => new { c.Id, c.Statut }).ToListAsync());
        cohortes.Select(c => c.Statut).ShouldBe(["terminee", "en_cours"]);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>();
        var i = await CalculerIndicateurs.CohorteAsync(db, cohortes[0].Id, masquer: false, app.Horloge, default);
        (i.Contrat.Apprenants, i.Contrat.SortiesPositives.Sortie.D, i.Contrat.SansNouvelles.De("6mois").N).ShouldBe((14, 14, 2));
        i.Contrat.SortiesPositives.De("6mois").N.ShouldBe(8);
        (await db.Set<Inscription>().CountAsync(x => x.CohorteId == cohortes[1].Id && x.Statut == "candidat" && x.ReferentId == null)).ShouldBe(3);
        // The demo funder account is one of the school's funders (whichever funder it belongs to).
        var financeurs = await db.Set<Programme>().Where(p => p.Demo).Select(p => p.Financeurs).SingleAsync();
        var profil = await db.Set<Passerelle.Features.Comptes.ProfilCompte>().Join(db.Users.Where(u => u.Email == "financeur@demo.passerelle.test"),
            p => p.UtilisateurId, u => u.Id, (p, u) => p.Financeur).SingleAsync();
        financeurs.Split('|').ShouldContain(profil);
        financeurs.Split('|').ShouldContain(ParcoursDemo.Financeur);
    }
}
