using Passerelle.Features.Reseau.Horaires;

namespace Passerelle.Tests.Features.Reseau.Horaires;

/// <summary>Writing opening_hours back from day ranges, and proposing it from hours written in French.</summary>
public class EditeurHorairesTests
{
    [Theory]
    [InlineData("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off")]
    [InlineData("Mo,We,Fr 08:30-12:00; Tu 14:00-18:00")]
    [InlineData("Tu-Sa 10:00-12:30,13:30-18:00; PH off")]
    public void Lire_puis_ecrire_redonne_la_meme_valeur(string osm)
    {
        HorairesOsm.TryParse(osm, out var h, out _).ShouldBeTrue();
        var jours = h!.PourEditeur()!;
        HorairesOsm.Ecrire(jours, h.FermeJoursFeries).ShouldBe(osm);
    }

    [Fact]
    public void L_editeur_refuse_ce_qu_il_ne_sait_pas_montrer()
    {
        HorairesOsm.TryParse("Mo 08:00-09:00,10:00-11:00,14:00-15:00", out var trois, out _).ShouldBeTrue();
        trois!.PourEditeur().ShouldBeNull();
        HorairesOsm.TryParse("Fr 20:00-02:00", out var nuit, out _).ShouldBeTrue();
        nuit!.PourEditeur().ShouldBeNull();
        HorairesOsm.Ecrire([[], [], [], [], [], [], []], true).ShouldBeNull();
    }

    [Theory]
    [InlineData("Du lundi au vendredi de 9h à 12h et de 14h à 17h, samedi 9h30-12h", "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:30-12:00")]
    [InlineData("lundi : 09:00 - 12:00 / 13:30 - 17:00 ; mercredi 14h-18h ; fermé les jours fériés", "Mo 09:00-12:00,13:30-17:00; We 14:00-18:00; PH off")]
    [InlineData("Lundi fermé, mardi et jeudi 8h30-12h", "Tu,Th 08:30-12:00")]
    public void Une_conversion_est_proposee_pour_des_horaires_en_francais(string texte, string attendu) =>
        TexteLibreHoraires.Proposer(texte).ShouldBe(attendu);

    [Theory]
    [InlineData("Sur rendez-vous")]
    [InlineData("9h-12h")]
    [InlineData("")]
    public void Rien_n_est_propose_quand_le_texte_ne_dit_pas_les_jours(string texte) => TexteLibreHoraires.Proposer(texte).ShouldBeNull();
}
