namespace Passerelle.Tests.Features.Referentiels;

/// <summary>French public holidays, common and local (moved from the opening-hours tests).</summary>
public class JoursFeriesTests
{
    [Fact]
    public void Jours_feries_francais_et_locaux()
    {
        JoursFeries.Paques(2025).ShouldBe(new DateOnly(2025, 4, 20));
        JoursFeries.Paques(2024).ShouldBe(new DateOnly(2024, 3, 31));
        JoursFeries.EstFerie(new DateOnly(2025, 5, 29), "13").ShouldBeTrue(); // Ascension
        JoursFeries.EstFerie(new DateOnly(2025, 6, 9), "13").ShouldBeTrue();  // Pentecost Monday
        JoursFeries.EstFerie(new DateOnly(2025, 12, 26), "13").ShouldBeFalse();
        JoursFeries.EstFerie(new DateOnly(2025, 12, 26), "67").ShouldBeTrue(); // Alsace
        JoursFeries.EstFerie(new DateOnly(2025, 4, 18), "57").ShouldBeTrue();  // Good Friday, Moselle
        JoursFeries.EstFerie(new DateOnly(2025, 12, 20), "974").ShouldBeTrue();
    }
}
