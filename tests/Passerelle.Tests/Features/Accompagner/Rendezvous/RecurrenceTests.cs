using Passerelle.Features.Accompagner.Permanences;

namespace Passerelle.Tests.Features.Accompagner.Rendezvous;

public class RecurrenceTests
{
    [Fact]
    public void Hebdomadaire_jours_choisis_une_semaine_sur_deux()
    {
        var r = new Recurrence(TypeRecurrence.Hebdomadaire, Recurrence.Masque(DayOfWeek.Tuesday, DayOfWeek.Thursday), 2, 1, DayOfWeek.Monday,
            new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 31));
        r.Dates(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)).ShouldBe([
            new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 18), new DateOnly(2025, 3, 20)]); // week of 3 March, then 17 March
        r.Description().ShouldBe("les mardis et jeudis, une semaine sur 2");
    }

    [Fact]
    public void Mensuelle_premier_mercredi_et_dernier_vendredi()
    {
        var premier = new Recurrence(TypeRecurrence.Mensuelle, 0, 1, 1, DayOfWeek.Wednesday, new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 31));
        premier.Dates(new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 31)).ShouldBe([
            new DateOnly(2024, 10, 2), new DateOnly(2024, 11, 6), new DateOnly(2024, 12, 4), new DateOnly(2025, 1, 1)]);
        premier.Description().ShouldBe("le premier mercredi du mois");
        var dernier = new Recurrence(TypeRecurrence.Mensuelle, 0, 1, -1, DayOfWeek.Friday, new DateOnly(2025, 1, 1), null);
        dernier.Dates(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)).ShouldBe([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 28)]);
    }

    [Fact]
    public void Absence_recurrente_le_mercredi_apres_midi()
    {
        var a = new Absence { DateDebut = new DateOnly(2025, 1, 1), DateFin = new DateOnly(2025, 12, 31), JoursSemaine = Recurrence.Masque(DayOfWeek.Wednesday),
            HeureDebut = new TimeOnly(13, 0), HeureFin = new TimeOnly(18, 0) };
        a.Couvre(new DateOnly(2025, 3, 12), new TimeOnly(14, 0), new TimeOnly(15, 0)).ShouldBeTrue();
        a.Couvre(new DateOnly(2025, 3, 12), new TimeOnly(9, 0), new TimeOnly(10, 0)).ShouldBeFalse();
        a.Couvre(new DateOnly(2025, 3, 13), new TimeOnly(14, 0), new TimeOnly(15, 0)).ShouldBeFalse();
    }
}
