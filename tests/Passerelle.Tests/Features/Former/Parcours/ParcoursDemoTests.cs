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
        var cohortes = await app.AvecDb(db => db.Set<Cohorte>().Where(c => c.Programme!.Demo && c.Programme.Nature == Programme.NatureEcole).OrderBy(c => c.Debut).Select(c => new { c.Id, c.Statut }).ToListAsync());
        cohortes.Select(c => c.Statut).ShouldBe(["terminee", "en_cours"]);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>();
        var i = await CalculerIndicateurs.CohorteAsync(db, cohortes[0].Id, masquer: false, app.Horloge, default);
        (i.Contrat.Apprenants, i.Contrat.SortiesPositives.Sortie.D, i.Contrat.SansNouvelles.De("6mois").N).ShouldBe((14, 14, 2));
        i.Contrat.SortiesPositives.De("6mois").N.ShouldBe(8);
        (await db.Set<Inscription>().CountAsync(x => x.CohorteId == cohortes[1].Id && x.Statut == "candidat" && x.ReferentId == null)).ShouldBe(3);
        // The demo funder account is one of the school's funders (whichever funder it belongs to).
        var financeurs = await db.Set<Programme>().Where(p => p.Demo && p.Nature == Programme.NatureEcole).Select(p => p.Financeurs).SingleAsync();
        var profil = await db.Set<Passerelle.Features.Comptes.ProfilCompte>().Join(db.Users.Where(u => u.Email == "financeur@demo.passerelle.test"),
            p => p.UtilisateurId, u => u.Id, (p, u) => p.Financeur).SingleAsync();
        financeurs.Split('|').ShouldContain(profil);
        financeurs.Split('|').ShouldContain(ParcoursDemo.Financeur);
    }

    /// <summary>The school's 90 000 € grant has its report whose indicators are the pathways' computed ones (issue 14 §9): 26 entrants
    /// (14 who left, 12 in training), 8 of the 14 leavers in a positive situation at +6 months (57.1 %), 2 without news (14.3 %).</summary>
    [Fact]
    public async Task La_subvention_de_l_ecole_a_son_compte_rendu_lie_aux_indicateurs_des_parcours()
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Passerelle.Data.AppDbContext>();
        var programme = await db.Set<Programme>().Where(p => p.Demo && p.Nature == Programme.NatureEcole).Select(p => new { p.Id, p.StructureId }).SingleAsync();
        var subvention = await db.Set<Passerelle.Features.Financer.Subventions.Subvention>().Where(s => s.BeneficiaireId == programme.StructureId)
            .Select(s => new { s.Id, s.MontantCentimes, s.Demo }).SingleAsync();
        (subvention.MontantCentimes, subvention.Demo).ShouldBe((9_000_000L, true));
        var rapport = await db.Set<Passerelle.Features.Financer.Rapports.RapportFinancier>().Where(r => r.SubventionId == subvention.Id).Select(r => new { r.Id, r.Demo }).SingleAsync();
        rapport.Demo.ShouldBeTrue();
        var mesures = await db.Set<Passerelle.Features.Financer.Rapports.IndicateurRapport>().Where(i => i.RapportId == rapport.Id && i.Indicateur != null)
            .ToDictionaryAsync(i => i.Indicateur!, i => i.Mesure);
        var calcul = await CalculerIndicateurs.ProgrammeAsync(db, programme.Id, masquer: false, app.Horloge, default);
        mesures[MesuresParcours.Apprenants].ShouldBe(calcul.Contrat.Apprenants);
        mesures[MesuresParcours.Apprenants].ShouldBe(26m);
        mesures[MesuresParcours.SortiesPositives6Mois].ShouldBe(57.1m);
        mesures[MesuresParcours.SansNouvelles6Mois].ShouldBe(14.3m);
    }
}
