namespace Passerelle.Tests.Features.Referentiels;

/// <summary>SIRET, RNA and phone numbers (moved from the place-validation tests).</summary>
public class IdentifiantsTests
{
    [Fact]
    public void Siret_rna_et_telephones()
    {
        Identifiants.SiretValide("43493312300029").ShouldBeTrue();
        Identifiants.SiretValide("43493312300028").ShouldBeFalse();
        Identifiants.SiretValide("3560000000000A").ShouldBeFalse();
        Identifiants.RnaValide("W133001234").ShouldBeTrue();
        Identifiants.RnaValide("W13300123").ShouldBeFalse();
        Identifiants.TelephoneInternational("0590 12 34 56").ShouldBe("+590590123456");
        Identifiants.TelephoneInternational("0033 4 42 86 50 70").ShouldBe("+33442865070");
    }
}
