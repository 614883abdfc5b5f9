using Passerelle.Features.Reseau.Horaires;

namespace Passerelle.Tests.Features.Reseau.Horaires;

public class HorairesOsmTests
{
    static HorairesOsm Lire(string texte)
    {
        HorairesOsm.TryParse(texte, out var h, out var erreur).ShouldBeTrue(erreur);
        return h!;
    }

    static readonly TimeZoneInfo Paris = Territoire.Zone("Europe/Paris");

    [Fact]
    public void Plages_multiples_et_regles_separees_par_point_virgule()
    {
        var h = Lire("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
        h.Jour(0).Select(p => p.ToString()).ShouldBe(["09:00–12:00", "14:00–18:30"]);
        h.Jour(4).Count.ShouldBe(2);
        h.Jour(5).Single().ToString().ShouldBe("08:30–12:00");
        h.Jour(6).ShouldBeEmpty();
        h.JoursFeriesPrecises.ShouldBeFalse();
    }

    [Fact]
    public void Listes_de_jours_plages_qui_bouclent_et_24_7()
    {
        var h = Lire("Mo,We,Fr 10:00-12:00; Sa-Mo 15:00-16:00");
        h.Jour(0).Select(p => p.ToString()).ShouldBe(["15:00–16:00"]); // the later rule replaces Monday
        h.Jour(2).Single().ToString().ShouldBe("10:00–12:00");
        h.Jour(6).Single().ToString().ShouldBe("15:00–16:00");
        h.Jour(1).ShouldBeEmpty();
        Lire("24/7").Jour(3).Single().Fin.ShouldBe(1440);
    }

    [Fact]
    public void Une_regle_ulterieure_ferme_un_jour_et_off_ferme_tout()
    {
        var h = Lire("Mo-Fr 09:00-17:00; We off");
        h.Jour(2).ShouldBeEmpty();
        h.Jour(3).Count.ShouldBe(1);
        var ferme = Lire("off");
        Enumerable.Range(0, 7).ShouldAllBe(i => ferme.Jour(i).Count == 0);
    }

    [Fact]
    public void Jours_feries_fermes_avec_PH_off()
    {
        var h = Lire("Mo-Fr 08:30-12:30; PH off");
        h.JoursFeriesPrecises.ShouldBeTrue();
        // 14 juillet 2025 is a Monday, a public holiday: closed although Mondays are open.
        h.EstOuvert(new DateTimeOffset(2025, 7, 14, 8, 0, 0, TimeSpan.Zero), Paris, "13").ShouldBeFalse();
        h.EstOuvert(new DateTimeOffset(2025, 7, 21, 8, 0, 0, TimeSpan.Zero), Paris, "13").ShouldBeTrue();
        // Without PH in the rule, a holiday is an ordinary weekday.
        Lire("Mo-Fr 08:30-12:30").EstOuvert(new DateTimeOffset(2025, 7, 14, 8, 0, 0, TimeSpan.Zero), Paris, "13").ShouldBeTrue();
    }

    [Theory]
    [InlineData("Mo-Fr 9h-12h")]
    [InlineData("Jan-Mar Mo 10:00-12:00")]
    [InlineData("Mo-Fr 25:00-26:00")]
    [InlineData("Lundi 09:00-12:00")]
    [InlineData("Mo-Fr 09:00-12:00 \"sur rendez-vous\"")]
    [InlineData("")]
    public void Valeurs_non_reconnues_refusees_avec_un_message(string texte)
    {
        HorairesOsm.TryParse(texte, out var h, out var erreur).ShouldBeFalse();
        h.ShouldBeNull();
        erreur.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Ouvert_maintenant_au_passage_a_l_heure_d_ete()
    {
        // 30 mars 2025 (Sunday): Paris jumps from 02:00 CET to 03:00 CEST.
        var h = Lire("Su 01:00-04:00");
        h.EstOuvert(new DateTimeOffset(2025, 3, 30, 0, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue();  // 01:30 CET
        h.EstOuvert(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue();  // 03:30 CEST
        h.EstOuvert(new DateTimeOffset(2025, 3, 30, 2, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeFalse(); // 04:30 CEST
        // A UTC-based check would have said 02:30 "local" → open: the offset changed by one hour.
        var matin = Lire("Su 09:00-10:00");
        matin.EstOuvert(new DateTimeOffset(2025, 3, 30, 7, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue();  // 09:30 CEST
        matin.EstOuvert(new DateTimeOffset(2025, 3, 30, 8, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeFalse(); // 10:30 CEST
    }

    [Fact]
    public void Ouvert_maintenant_au_passage_a_l_heure_d_hiver()
    {
        // 26 octobre 2025: 03:00 CEST becomes 02:00 CET.
        var h = Lire("Su 08:00-09:00");
        h.EstOuvert(new DateTimeOffset(2025, 10, 26, 7, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue();  // 08:30 CET
        h.EstOuvert(new DateTimeOffset(2025, 10, 26, 6, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeFalse(); // 07:30 CET
        // The same UTC instant one week earlier (CEST) is 08:30 local.
        h.EstOuvert(new DateTimeOffset(2025, 10, 19, 6, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue();
    }

    [Fact]
    public void Ouvert_maintenant_dans_le_fuseau_des_outre_mer()
    {
        Territoire.Fuseau("97400").ShouldBe("Indian/Reunion");
        Territoire.Fuseau("97200").ShouldBe("America/Martinique");
        Territoire.Fuseau("13230").ShouldBe("Europe/Paris");
        var h = Lire("Mo-Fr 08:00-12:00");
        var instant = new DateTimeOffset(2025, 3, 12, 5, 0, 0, TimeSpan.Zero); // Wednesday 06:00 Paris, 09:00 Réunion
        h.EstOuvert(instant, Territoire.Zone(Territoire.Fuseau("97400")), "974").ShouldBeTrue();
        h.EstOuvert(instant, Paris, "13").ShouldBeFalse();
    }

    [Fact]
    public void Plage_qui_passe_minuit()
    {
        var h = Lire("Fr 22:00-02:00");
        h.EstOuvert(new DateTimeOffset(2025, 3, 15, 0, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeTrue(); // Saturday 01:30
        h.EstOuvert(new DateTimeOffset(2025, 3, 15, 1, 30, 0, TimeSpan.Zero), Paris, "75").ShouldBeFalse(); // Saturday 02:30
    }
}
