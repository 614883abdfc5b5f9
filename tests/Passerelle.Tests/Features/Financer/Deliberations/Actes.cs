using Passerelle.Features.Financer.Deliberations;

namespace Passerelle.Tests.Features.Financer.Deliberations;

/// <summary>Valid acts for the tests, each with its own number (the tests share one database per class).</summary>
public static class Actes
{
    public const string SiretMetropole = "20005480700017";
    public const string SiretCommune = "21330449600010";

    public static string Numero(string prefixe = "T") => $"{prefixe}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    /// <summary>A Bureau's grants: two lines, budget, imputation, counts that add up.</summary>
    public static DeliberationSaisie Subventions(string? numero = null) => new()
    {
        CollectiviteNom = "Métropole Aix-Marseille-Provence", CollectiviteSiret = SiretMetropole, Organe = "bureau", Numero = numero ?? Numero(),
        DateSeance = new DateOnly(2023, 5, 4), Objet = "Fabrique de l'inclusion numérique : subventions à deux associations", MatiereCode = "7.5",
        President = "La présidente", MembresEnExercice = 40, Presents = 30, Representes = 4, Excuses = 6, VotePour = 31, VoteContre = 1, VoteAbstention = 1,
        NonParticipation = 1, BudgetAnnee = "2023", BudgetNom = "Budget principal", ImputationAnnee = 2023, ImputationSousPolitique = "E111",
        ImputationNature = "65748", ImputationFonction = "52", DateTransmission = new DateOnly(2023, 5, 10),
        Montants = [new() { Beneficiaire = "Emmaüs Connect", MontantEur = 30_000, Nature = "aide en numéraire" },
            new() { Beneficiaire = "Urban Prod", MontantEur = 40_000.5m, Nature = "aide en numéraire" }],
    };

    /// <summary>The commune's act with its ACTES identifier (SIREN 213304496, 16 December 2020).</summary>
    public static DeliberationSaisie Commune(string numero) => new()
    {
        CollectiviteNom = "Commune de Saint-Médard-en-Jalles", CollectiviteSiret = SiretCommune, Organe = "conseil_municipal", Numero = numero,
        DateSeance = new DateOnly(2020, 12, 16), Objet = "Conseillers numériques", MatiereCode = "9.1", VotePour = 30, VoteContre = 9, VoteAbstention = 0,
        DateTransmission = new DateOnly(2020, 12, 21), IdentifiantActes = $"033-213304496-20201216-{numero}-DE",
    };
}
