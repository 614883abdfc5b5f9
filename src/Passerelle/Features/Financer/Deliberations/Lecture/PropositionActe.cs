namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Where a proposed value was read: a span of <see cref="PropositionActe.Texte"/>, in characters.</summary>
public sealed record Passage(int Debut, int Longueur);

/// <summary>A beneficiary an act authorises: name as printed, amount in euros (not cents: acts print euros, with
/// cents when any), nature « aide en numéraire » or « aide en nature » (SCDL Subventions 2.1 vocabulary).</summary>
public sealed record BeneficiairePropose(string Nom, decimal MontantEur, string Nature);

/// <summary>Vote counts as printed. Members who do not take part are counted apart (SCDL Délibérations 2.1.5).</summary>
public sealed record VotePropose(int Pour, int Contre, int Abstention, int NonParticipation);

/// <summary>Budget imputation: year, local sub-policy code (e.g. <c>E111</c>), chapter, nature (e.g. <c>65748</c>),
/// function — strings as printed; each null when not found.</summary>
public sealed record ImputationProposee(int? Annee, string? SousPolitique, string? Chapitre, string? Nature, string? Fonction);

/// <summary>Transmission to the prefecture: date of receipt (local date) and ACTES identifier
/// (e.g. <c>033-213304496-20201216-DG20_174-DE</c>); each null when not found.</summary>
public sealed record TransmissionProposee(DateOnly? Date, string? Identifiant);

/// <summary>The record the reader proposes for one act. Every field is null (or empty) when the reader did not find
/// it — never guessed. Field names mirror the keys of the development corpus's <c>expected.json</c>
/// (<c>collectivite</c>, <c>type_organe</c>, …); <see cref="Passages"/> is keyed by those same JSON names
/// (<c>numero</c>, <c>vote</c>, <c>beneficiaires[0]</c>, <c>imputation_budgetaire</c>, <c>engagements[1]</c>…).</summary>
public sealed record PropositionActe
{
    /// <summary>The text as read (after PDF extraction and normalisation); passages point into it.</summary>
    public required string Texte { get; init; }
    public string? Collectivite { get; init; }
    /// <summary>Organ code: <c>bureau</c>, <c>conseil_municipal</c>, <c>conseil_metropolitain</c>,
    /// <c>conseil_communautaire</c>, <c>commission_permanente</c>, <c>conseil_departemental</c>, <c>autre</c>.</summary>
    public string? TypeOrgane { get; init; }
    /// <summary>Act number exactly as printed (<c>CHL-019-13799/23/BM</c>, <c>DL.2022-330</c>…).</summary>
    public string? Numero { get; init; }
    public DateOnly? DateSeance { get; init; }
    public string? Objet { get; init; }
    /// <summary>ACTES level-2 matter code, e.g. <c>7.5</c>.</summary>
    public string? MatiereActesCode { get; init; }
    public string? President { get; init; }
    public string? Rapporteur { get; init; }
    /// <summary>Members in office (« Conseillers en exercice : 29 »), SCDL <c>VOTE_EFFECTIF</c>; null when not printed.</summary>
    public int? MembresEnExercice { get; init; }
    public int? Presents { get; init; }
    public int? Representes { get; init; }
    public int? Excuses { get; init; }
    public VotePropose? Vote { get; init; }
    public bool? Unanimite { get; init; }
    public bool? Adoptee { get; init; }
    /// <summary>Empty for a rejected act or an act that is not a grant.</summary>
    public IReadOnlyList<BeneficiairePropose> Beneficiaires { get; init; } = [];
    public decimal? MontantTotalEur { get; init; }
    public ImputationProposee? ImputationBudgetaire { get; init; }
    /// <summary>Budget charged, as printed (« Budget Primitif », « Budget principal »), SCDL <c>BUDGET_NOM</c>; null when the act
    /// names none.</summary>
    public string? BudgetNom { get; init; }
    /// <summary>Its year, four digits (SCDL <c>BUDGET_ANNEE</c>); null with <see cref="BudgetNom"/>.</summary>
    public string? BudgetAnnee { get; init; }
    public DateOnly? PeriodeDebut { get; init; }
    public DateOnly? PeriodeFin { get; init; }
    public TransmissionProposee? TransmissionPrefecture { get; init; }
    public string? Lieu { get; init; }
    public IReadOnlyList<string> Engagements { get; init; } = [];
    /// <summary>Passage each value was read from, keyed by the JSON field name.</summary>
    public IReadOnlyDictionary<string, Passage> Passages { get; init; } = new Dictionary<string, Passage>();
    /// <summary>Plain-French warnings (e.g. « Les votes (16) ne font pas le total des votants (18). »).</summary>
    public IReadOnlyList<string> Avertissements { get; init; } = [];
}

/// <summary>Reads an act's text and proposes its record. Runs locally, deterministic, never throws on odd text.</summary>
public interface ILecteurActes
{
    PropositionActe Lire(string texte);

    /// <summary>The same reading, abandoned between two rules once <paramref name="annulation"/> is cancelled.</summary>
    PropositionActe Lire(string texte, CancellationToken annulation)
    {
        annulation.ThrowIfCancellationRequested();
        return Lire(texte);
    }
}

/// <summary>Extracts the text layer of a PDF act.</summary>
public interface IExtracteurTextePdf
{
    /// <summary>Text of every page in order, pages separated by a form feed (<c>\f</c>).</summary>
    /// <exception cref="ActeIllisibleException">Not a PDF, damaged, encrypted, or no text layer (scanned): the message
    /// says so in plain French (« Ce PDF ne contient pas de texte : collez le texte de l'acte. »).</exception>
    string Extraire(Stream pdf, CancellationToken ct);
}

/// <summary>The act cannot be read (bad PDF, no text layer, binary file, empty file); message in plain French.</summary>
public sealed class ActeIllisibleException(string message) : Exception(message);

/// <summary>What the API and the reading page answer when a text holds nothing of a deliberation.</summary>
public static class ActeNonReconnu
{
    public const string Message = "Rien dans ce texte ne ressemble à une délibération (ni collectivité, ni organe, ni numéro, ni date de séance, ni objet) : vérifiez que vous avez joint le bon document.";

    /// <summary>True when the reader found none of the fields that name an act (body, organ, number, session date, subject).</summary>
    public static bool Est(PropositionActe p) => p is { Numero: null, DateSeance: null, Objet: null, Collectivite: null, TypeOrgane: null };
}
