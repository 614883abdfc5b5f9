using Passerelle.Data;
using Passerelle.Features.Financer.Deliberations;

namespace Passerelle.Features.Demo;

/// <summary>The programme's real acts, as published (issue 10): only the president is named; attendance and votes are the counts
/// the acts give. The SIRETs are the bodies' SIREN (the ACTES identifier's for Saint-Médard-en-Jalles) with the head office's
/// establishment number — to verify on the SIRENE directory before any real publication.</summary>
public static class DeliberationsDemo
{
    public const string NumeroConventionPortSaintLouis = "CHL-038-16533/24/BM";
    const string Metropole = "Métropole Aix-Marseille-Provence";
    const string SiretMetropole = "20005480700017";
    const string PresidenteMetropole = "Martine Vassal";

    /// <summary>Seeds the five acts; returns the id of the one that authorises the demo convention.</summary>
    public static async Task<int> SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        DeliberationSaisie Bureau(string numero, DateOnly date, string objet, string matiere) => new()
        {
            CollectiviteNom = Metropole, CollectiviteSiret = SiretMetropole, Organe = Organes.Bureau, Numero = numero, DateSeance = date, Objet = objet,
            MatiereCode = matiere, President = PresidenteMetropole,
        };
        static LigneSaisie L(string nom, decimal eur) => new() { Beneficiaire = nom, MontantEur = eur, Nature = MontantAutorise.Natures.Numeraire };

        var actes = new List<DeliberationSaisie>
        {
            Completer(Bureau("IVIS 011-9466/21/BM", new(2021, 2, 18), "Attribution d'une subvention de fonctionnement de 90 000 € à l'association La Plateforme_Marseille, école gratuite "
                + "de codage labellisée Grande École du Numérique (4 % d'un budget de 2 224 070 €)", "7.5"), x =>
            {
                x.BudgetAnnee = "2021"; x.BudgetNom = "Budget principal"; x.DateTransmission = new DateOnly(2021, 3, 10);
                x.ImputationAnnee = 2021; x.ImputationSousPolitique = "B370"; x.ImputationChapitre = "65"; x.ImputationNature = "65748"; x.ImputationFonction = "67";
                x.Montants = [L("La Plateforme_Marseille", 90_000)];
            }),
            Completer(Bureau("CHL-019-13799/23/BM", new(2023, 5, 4), "Fabrique de l'inclusion numérique, phase III : attribution de subventions de fonctionnement à quatre "
                + "associations (150 000 €) et approbation des conventions", "7.5"), x =>
            {
                x.ImputationAnnee = 2023; x.ImputationSousPolitique = "E111"; x.ImputationNature = "65748"; x.ImputationFonction = "52";
                x.Montants = [L("Emmaüs Connect", 30_000), L("Anonymal", 10_000), L("Urban Prod", 40_000),
                    L("Association Régionale de Soutien aux Espaces Numériques de l'Information et de la Communication", 70_000)];
            }),
            Completer(Bureau(NumeroConventionPortSaintLouis, new(2024, 10, 10), "Approbation d'une convention de partenariat à titre gratuit avec la commune de "
                + "Port-Saint-Louis-du-Rhône : 5 créneaux hebdomadaires de médiation numérique et un atelier collectif mensuel à la Maison France Service, "
                + "4 rue Jean Rouget, du 1er octobre 2024 au 1er octobre 2025", "1.4"), x =>
            {
                (x.PeriodeDebut, x.PeriodeFin) = (new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1));
                x.Lieu = "Maison France Service, 4 rue Jean Rouget, Port-Saint-Louis-du-Rhône";
                x.Engagements = "5 créneaux hebdomadaires de médiation numérique\n1 atelier collectif mensuel";
            }),
            new()
            {
                CollectiviteNom = "Ville d'Aix-en-Provence", CollectiviteSiret = "21130001700012", Organe = Organes.ConseilMunicipal, Numero = "DL.2022-330",
                DateSeance = new(2022, 10, 14), MatiereCode = "7.5", President = "Sophie Joissains",
                Objet = "Étude de stratégie territoriale d'inclusion numérique dans les quartiers prioritaires (19 700 € TTC) : demande de cofinancement "
                    + "à la CAF des Bouches-du-Rhône à hauteur de 50 % (9 850 €)",
                VotePour = 53, VoteContre = 0, VoteAbstention = 0, MembresEnExercice = 55 /* CGCT L2121-2: communes of 100 000 to 149 999 inhabitants */, Montants = [L("Ville d'Aix-en-Provence", 9_850)],
            },
            new()
            {
                CollectiviteNom = "Commune de Saint-Médard-en-Jalles", CollectiviteSiret = "21330449600010", Organe = Organes.ConseilMunicipal, Numero = "DG20_174",
                DateSeance = new(2020, 12, 16), MatiereCode = "9.1", President = "Stéphane Delpeyrat",
                Objet = "Candidature à l'appel à manifestation d'intérêt « Conseillers numériques France Services » : deux conseillers numériques mutualisés "
                    + "(subvention de l'État de 50 000 € par poste, versée en trois fois)",
                VotePour = 30, VoteContre = 9, VoteAbstention = 0, MembresEnExercice = 39 /* CGCT L2121-2: communes of 30 000 to 39 999 inhabitants */, DateTransmission = new(2020, 12, 21), IdentifiantActes = "033-213304496-20201216-DG20_174-DE",
                Montants = [L("Commune de Saint-Médard-en-Jalles", 100_000)],
            },
        };
        var idConvention = 0;
        foreach (var s in actes)
        {
            var d = await EnregistrerDeliberation.CreerAsync(db, s, "démonstration", horloge, ct);
            if (d.Numero == NumeroConventionPortSaintLouis) idConvention = d.Id;
        }
        return idConvention;
    }

    static DeliberationSaisie Completer(DeliberationSaisie s, Action<DeliberationSaisie> action)
    {
        action(s);
        return s;
    }
}
