using System.Text.RegularExpressions;
using Passerelle.Features.Referentiels;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>The checks a deliberation passes before it is saved, keyed by field name, in plain French. They are the SCDL
/// Délibérations 2.1.5 rules (SIRET key, ACTES range, budget year, cohesive and compared columns, votes summing to the voters)
/// plus the @ctes identifier's agreement with the body and the date (docs/standards/scdl-deliberations.md).</summary>
public static partial class ReglesDeliberation
{
    /// <param name="aujourdhui">Today in the territory (local date): a session after it is refused — an act is recorded once
    /// adopted. Null skips that check (pure format checks).</param>
    public static Dictionary<string, string[]> Verifier(DeliberationSaisie s, DateOnly? aujourdhui = null)
    {
        var e = new Dictionary<string, List<string>>();
        void Ajouter(string champ, string message) { if (!e.TryGetValue(champ, out var l)) e[champ] = l = []; l.Add(message); }
        void Longueur(string champ, string? valeur, int max) { if ((valeur?.Length ?? 0) > max) Ajouter(champ, $"{max} caractères au plus."); }

        if (string.IsNullOrWhiteSpace(s.CollectiviteNom)) Ajouter(nameof(s.CollectiviteNom), "Indiquez le nom de la collectivité qui a délibéré.");
        if (!Identifiants.SiretValide(s.CollectiviteSiret?.Replace(" ", "")))
            Ajouter(nameof(s.CollectiviteSiret), "Le SIRET de la collectivité doit compter 14 chiffres avec une clé valide (vérifiez-le sur l'annuaire des entreprises).");
        if (s.Organe is null || !Organes.Codes.Contains(s.Organe)) Ajouter(nameof(s.Organe), "Choisissez l'organe qui a délibéré (conseil municipal, bureau…).");
        if (string.IsNullOrWhiteSpace(s.Numero)) Ajouter(nameof(s.Numero), "Indiquez le numéro de l'acte tel qu'il est imprimé.");
        if (s.DateSeance is null) Ajouter(nameof(s.DateSeance), "Indiquez la date de la séance.");
        else if (s.DateSeance > aujourdhui) Ajouter(nameof(s.DateSeance), "La séance ne peut pas être dans le futur : une délibération s'enregistre une fois adoptée.");
        if (string.IsNullOrWhiteSpace(s.Objet)) Ajouter(nameof(s.Objet), "Indiquez l'objet de la délibération.");
        if (!MatieresActes.CodeValide(s.MatiereCode?.Trim()))
            Ajouter(nameof(s.MatiereCode), "La matière doit être un code ACTES de niveau 2 existant (de 1.1 à 9.4, par exemple 7.5 pour les subventions).");
        Longueur(nameof(s.CollectiviteNom), s.CollectiviteNom, 200); Longueur(nameof(s.Numero), s.Numero, 100); Longueur(nameof(s.Objet), s.Objet, 2000);
        Longueur(nameof(s.President), s.President, 200); Longueur(nameof(s.Rapporteur), s.Rapporteur, 200); Longueur(nameof(s.NomsPresence), s.NomsPresence, 4000);
        Longueur(nameof(s.BudgetNom), s.BudgetNom, 200); Longueur(nameof(s.Url), s.Url, 500); Longueur(nameof(s.Motif), s.Motif, 500);
        Longueur(nameof(s.ImputationSousPolitique), s.ImputationSousPolitique, 20);
        Longueur(nameof(s.ImputationChapitre), s.ImputationChapitre, 10); Longueur(nameof(s.ImputationNature), s.ImputationNature, 10);
        Longueur(nameof(s.ImputationFonction), s.ImputationFonction, 10);
        Longueur(nameof(s.Lieu), s.Lieu, 300); Longueur(nameof(s.Engagements), s.Engagements, 4000);
        if (s.PeriodeDebut is { } pd && s.PeriodeFin is { } pf && pf < pd)
            Ajouter(nameof(s.PeriodeFin), "La fin de la période ne peut pas précéder son début.");

        // Attendance and votes: counts are never negative; the three results come together, or « unanimité ».
        foreach (var (champ, v) in new[] { (nameof(s.MembresEnExercice), s.MembresEnExercice), (nameof(s.Presents), s.Presents), (nameof(s.Representes), s.Representes),
                     (nameof(s.Excuses), s.Excuses), (nameof(s.VotePour), s.VotePour), (nameof(s.VoteContre), s.VoteContre),
                     (nameof(s.VoteAbstention), s.VoteAbstention), (nameof(s.NonParticipation), s.NonParticipation) })
            if (v is < 0 or > 100_000) Ajouter(champ, "Ce nombre doit être compris entre 0 et 100 000.");
        var resultats = new[] { s.VotePour, s.VoteContre, s.VoteAbstention };
        if (resultats.Any(v => v is not null) && resultats.Any(v => v is null))
            Ajouter(nameof(s.VotePour), "Indiquez les trois résultats du vote (pour, contre, abstention), même à zéro, ou laissez-les tous vides.");
        if (s.Unanimite && s.Adoptee && (s.VoteContre > 0 || s.VoteAbstention > 0))
            Ajouter(nameof(s.Unanimite), "Un vote à l'unanimité ne compte ni voix contre ni abstention.");
        if (s.Unanimite && !s.Adoptee && (s.VotePour > 0 || s.VoteAbstention > 0))
            Ajouter(nameof(s.Unanimite), "Un acte rejeté à l'unanimité ne compte ni voix pour ni abstention.");
        var votants = s.VotePour + s.VoteContre + s.VoteAbstention;
        if (votants is { } n && s.Presents is { } p)
        {
            var presents = p + (s.Representes ?? 0);
            if (n + (s.NonParticipation ?? 0) > presents)
                Ajouter(nameof(s.VotePour), $"Les votes ({n}) et les non-participations ({s.NonParticipation ?? 0}) dépassent les membres présents ou représentés ({presents}).");
        }
        if (s.MembresEnExercice is { } effectif)
        {
            if (votants is { } v && v > effectif) Ajouter(nameof(s.VotePour), $"Les votants ({v}) ne peuvent pas dépasser les membres en exercice ({effectif}).");
            if (s.Presents + (s.Representes ?? 0) > effectif) Ajouter(nameof(s.Presents), $"Les présents et représentés dépassent les membres en exercice ({effectif}).");
        }
        // A tie can be carried by the president's casting vote: only a clear contradiction is refused.
        if (votants is not null && !s.Unanimite && s.Adoptee && s.VotePour < s.VoteContre)
            Ajouter(nameof(s.Adoptee), $"L'acte est dit adopté, mais il a {s.VotePour} voix pour et {s.VoteContre} contre.");
        if (votants is not null && !s.Unanimite && !s.Adoptee && s.VotePour > s.VoteContre)
            Ajouter(nameof(s.Adoptee), $"L'acte est dit rejeté, mais il a {s.VotePour} voix pour et {s.VoteContre} contre.");

        // Budget: SCDL BUDGET_ANNEE and the cohesive BUDGET_NOM.
        if (!string.IsNullOrWhiteSpace(s.BudgetAnnee))
        {
            if (!AnneeBudgetValide(s.BudgetAnnee.Trim()))
                Ajouter(nameof(s.BudgetAnnee), "L'année budgétaire s'écrit 2023, ou 2023/2024 (la seconde année après la première).");
            if (string.IsNullOrWhiteSpace(s.BudgetNom)) Ajouter(nameof(s.BudgetNom), "Indiquez le budget concerné (par exemple « Budget principal ») puisque l'année budgétaire est indiquée.");
        }
        if (s.ImputationAnnee is { } ia && (ia < 1990 || ia > 2100)) Ajouter(nameof(s.ImputationAnnee), "L'exercice budgétaire s'écrit sur quatre chiffres (par exemple 2023).");

        // Transmission and publication come after the session.
        if (!string.IsNullOrWhiteSpace(s.PrefId) && !PrefIdForme().IsMatch(s.PrefId.Trim()))
            Ajouter(nameof(s.PrefId), "Le service de contrôle s'écrit PREF013 (préfecture), SPREF0131 (sous-préfecture) ou SGAR013.");
        if (s.DateSeance is { } seance)
        {
            if (s.DateTransmission < seance) Ajouter(nameof(s.DateTransmission), "La transmission à la préfecture ne peut pas précéder la séance.");
            if (s.DatePublication < seance) Ajouter(nameof(s.DatePublication), "La publication ne peut pas précéder la séance.");
            foreach (var m in IdentifiantActes.Controler(s.IdentifiantActes, s.CollectiviteSiret?.Replace(" ", "") ?? "", seance)) Ajouter(nameof(s.IdentifiantActes), m);
        }
        if (!string.IsNullOrWhiteSpace(s.Url) && !(Uri.TryCreate(s.Url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            Ajouter(nameof(s.Url), "Le lien doit être une adresse complète commençant par https://.");

        // What the act authorises.
        if (s.Montants.Count > 200) Ajouter(nameof(s.Montants), "200 montants au plus par délibération.");
        if (!s.Adoptee && s.Montants.Count > 0) Ajouter(nameof(s.Montants), "Un acte rejeté n'autorise aucun montant : retirez les bénéficiaires.");
        for (var i = 0; i < s.Montants.Count; i++)
        {
            var l = s.Montants[i];
            if (string.IsNullOrWhiteSpace(l.Beneficiaire) || l.Beneficiaire.Length > 300) Ajouter($"Montants[{i}].Beneficiaire", $"Ligne {i + 1} : indiquez le bénéficiaire (300 caractères au plus).");
            if (l.MontantEur is not { } eur || eur <= 0 || eur > 10_000_000_000m || decimal.Round(eur, 2) != eur)
                Ajouter($"Montants[{i}].MontantEur", $"Ligne {i + 1} : le montant est un nombre d'euros positif, avec deux décimales au plus.");
            if (l.Nature is null || !MontantAutorise.Natures.Toutes.Contains(l.Nature)) Ajouter($"Montants[{i}].Nature", $"Ligne {i + 1} : la nature est « aide en numéraire » ou « aide en nature ».");
        }
        return e.ToDictionary(x => x.Key, x => x.Value.ToArray());
    }

    /// <summary>SCDL <c>BUDGET_ANNEE</c>: <c>^[0-9]{4}(\/[0-9]{4})?$</c>, and in <c>AAAA/AAAA</c> the second year is later
    /// (custom check <c>year-interval-value</c>).</summary>
    public static bool AnneeBudgetValide(string annee)
    {
        if (!AnneeForme().IsMatch(annee)) return false;
        return annee.Length == 4 || int.Parse(annee[5..]) > int.Parse(annee[..4]);
    }

    [GeneratedRegex(@"^[0-9]{4}(/[0-9]{4})?$")] private static partial Regex AnneeForme();
    /// <summary>SCDL <c>PREF_ID</c>: PREFNNN, SPREFNNNM or SGARNNN, NNN the département on 3 characters (02A/02B for Corsica).</summary>
    [GeneratedRegex(@"^(PREF(\d{3}|02A|02B)|SPREF(\d{3}|02A|02B)\d|SGAR(\d{3}|02A|02B))$")] public static partial Regex PrefIdForme();
}
