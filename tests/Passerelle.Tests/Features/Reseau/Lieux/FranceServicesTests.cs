using System.Text;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Tests.Features.Reseau.Lieux;

public class FranceServicesTests
{
    [Fact]
    public void Horaires_en_texte_libre_convertis_en_syntaxe_osm()
    {
        FranceServices.HorairesOsm(["13:30 - 17:00", "09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 17:00",
                "09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 16:00", null])
            .ShouldBe("Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00; PH off");
        FranceServices.HorairesOsm(["08:30 - 12:00", null, "08:30 - 12:00", null, "08:30 - 12:00", "9:00 - 12:00"])
            .ShouldBe("Mo,We,Fr 08:30-12:00; Sa 09:00-12:00; PH off");
        FranceServices.HorairesOsm(["09:00 - 12:00", "09:00 - 12:00", null, null, null, null]).ShouldBe("Mo,Tu 09:00-12:00; PH off");
        FranceServices.HorairesOsm([null, null, null, null, null, null]).ShouldBeNull();
        FranceServices.HorairesOsm(["le matin", null]).ShouldBeNull();
    }

    [Fact]
    public void Chaque_conversion_de_la_liste_reelle_est_lisible_par_notre_analyseur()
    {
        var avertissements = new List<Probleme>();
        using var flux = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Seed", "france-services_2024-08-01.csv"));
        var fichier = FranceServices.Convertir(flux, null, new DateOnly(2024, 8, 1), avertissements);
        fichier.Lignes.Count.ShouldBe(2845);
        var horaires = fichier.Lignes.Select(l => l.Valeurs["horaires"]).Where(h => h is not null).ToList();
        horaires.Count.ShouldBeGreaterThan(2700);
        horaires.Where(h => !Passerelle.Features.Reseau.Horaires.HorairesOsm.TryParse(h, out var x, out var e)).ShouldBeEmpty();
        var bdr = FranceServices.Convertir(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Seed", "france-services_2024-08-01.csv")), "13", new DateOnly(2024, 8, 1), []);
        bdr.Lignes.Count.ShouldBe(34);
        var psl = bdr.Lignes.Single(l => l.Valeurs["commune"] == "Port-Saint-Louis-du-Rhône").Valeurs;
        psl["horaires"].ShouldBe("Mo-Fr 08:30-12:00,13:30-17:00; PH off");
        psl["telephone"].ShouldBe("04 42 86 50 70"); // converted by the validator, see below
        var problemes = new List<Probleme>();
        var ligne = ValidateurLieu.Valider(psl, 2, problemes);
        ligne.ShouldNotBeNull();
        ligne.Telephone.ShouldBe("+33442865070");
        ligne.DispositifProgrammesNationaux.ShouldBe("France Services");
    }

    [Fact]
    public void Un_fichier_qui_n_est_pas_la_liste_est_refuse()
    {
        using var flux = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));
        Should.Throw<System.ComponentModel.DataAnnotations.ValidationException>(() => FranceServices.Convertir(flux, null, new DateOnly(2024, 8, 1), []))
            .Message.ShouldContain("id_fs");
    }
}
