namespace Passerelle.Features.Financer.Deliberations;

/// <summary>A deliberation as typed in a form, posted to the API, read from an SCDL file or proposed by the reader; also the
/// content of each <see cref="VersionDeliberation"/> (JSON). Amounts in euros with at most two decimals (stored in cents).</summary>
public sealed class DeliberationSaisie
{
    public string? CollectiviteNom { get; set; }
    public string? CollectiviteSiret { get; set; }
    public string? Organe { get; set; }
    public string? Numero { get; set; }
    public DateOnly? DateSeance { get; set; }
    public string? Objet { get; set; }
    public string? MatiereCode { get; set; }
    public string? President { get; set; }
    public string? Rapporteur { get; set; }
    public int? MembresEnExercice { get; set; }
    public int? Presents { get; set; }
    public int? Representes { get; set; }
    public int? Excuses { get; set; }
    public string? NomsPresence { get; set; }
    public bool Unanimite { get; set; }
    public int? VotePour { get; set; }
    public int? VoteContre { get; set; }
    public int? VoteAbstention { get; set; }
    public int? NonParticipation { get; set; }
    public bool Adoptee { get; set; } = true;
    public string? BudgetAnnee { get; set; }
    public string? BudgetNom { get; set; }
    public string? PrefId { get; set; }
    public DateOnly? DateTransmission { get; set; }
    public string? IdentifiantActes { get; set; }
    public DateOnly? DatePublication { get; set; }
    public string? Url { get; set; }
    public int? ImputationAnnee { get; set; }
    public string? ImputationSousPolitique { get; set; }
    public string? ImputationChapitre { get; set; }
    public string? ImputationNature { get; set; }
    public string? ImputationFonction { get; set; }
    public DateOnly? PeriodeDebut { get; set; }
    public DateOnly? PeriodeFin { get; set; }
    public string? Lieu { get; set; }
    /// <summary>Commitments of the parties, one per line.</summary>
    public string? Engagements { get; set; }
    public List<LigneSaisie> Montants { get; set; } = [];
    /// <summary>Why a correction is made (shown in the history); ignored at creation.</summary>
    public string? Motif { get; set; }

    /// <summary>The record's current values, as a form or a version holds them.</summary>
    public static DeliberationSaisie De(Deliberation d) => new()
    {
        CollectiviteNom = d.CollectiviteNom, CollectiviteSiret = d.CollectiviteSiret, Organe = d.Organe, Numero = d.Numero, DateSeance = d.DateSeance,
        Objet = d.Objet, MatiereCode = d.MatiereCode, President = d.President, Rapporteur = d.Rapporteur, MembresEnExercice = d.MembresEnExercice,
        Presents = d.Presents, Representes = d.Representes, Excuses = d.Excuses, NomsPresence = d.NomsPresence, Unanimite = d.Unanimite,
        VotePour = d.VotePour, VoteContre = d.VoteContre, VoteAbstention = d.VoteAbstention, NonParticipation = d.NonParticipation, Adoptee = d.Adoptee,
        BudgetAnnee = d.BudgetAnnee, BudgetNom = d.BudgetNom, PrefId = d.PrefId, DateTransmission = d.DateTransmission, IdentifiantActes = d.IdentifiantActes,
        DatePublication = d.DatePublication, Url = d.Url, ImputationAnnee = d.ImputationAnnee, ImputationSousPolitique = d.ImputationSousPolitique,
        ImputationChapitre = d.ImputationChapitre, ImputationNature = d.ImputationNature, ImputationFonction = d.ImputationFonction,
        PeriodeDebut = d.PeriodeDebut, PeriodeFin = d.PeriodeFin, Lieu = d.Lieu, Engagements = d.Engagements,
        Montants = d.Montants.OrderBy(m => m.Rang).Select(m => new LigneSaisie { Beneficiaire = m.Beneficiaire, MontantEur = m.MontantCentimes / 100m, Nature = m.Nature }).ToList(),
    };
}

/// <summary>One authorised amount as typed: beneficiary, euros, nature (« aide en numéraire » or « aide en nature »).</summary>
public sealed class LigneSaisie
{
    public string? Beneficiaire { get; set; }
    public decimal? MontantEur { get; set; }
    public string? Nature { get; set; }
}
