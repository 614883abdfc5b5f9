namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>One zone's row of the gap table (needs against offer) for a period. Counts of people under 5 are masked (null, and
/// <see cref="Masques"/> names the columns) outside the producing structure. Every reference figure carries its vintage.</summary>
/// <param name="Code">INSEE code of the commune, or QPV code « QN… ».</param>
/// <param name="Population">Inhabitants (municipal population), with <see cref="AnneePopulation"/> (census year) and <see cref="AnneeCog"/>.</param>
/// <param name="Fragilite">Fragility index score 1–10 with <see cref="ModeleFragilite"/> (model version and variant); null when not imported.</param>
/// <param name="HeuresHebdo">Weekly help hours: permanence hours actually held in the period (closures and absences removed) ÷ weeks.</param>
/// <param name="CreneauxHebdo">Bookable seats of slots per week in the period; <see cref="CreneauxPour1000"/> per 1 000 inhabitants.</param>
/// <param name="DistanceMinKm">Straight-line distance (km, haversine) from the zone's reference point to the nearest place offering a
/// service; null when the zone has no reference point or no place is geocoded.</param>
/// <param name="DemandeObservee">Accompaniments given to residents of the zone in the period (by residence, not by place).</param>
/// <param name="DemandeNonSatisfaite">Unmet demand (<see cref="Ecarts.DemandeNonSatisfaite.Formule"/>): waiting-list registrations never promoted
/// and sessions full, for sessions of the period in the zone's places (<paramref name="ListeAttenteNonServie"/>, <paramref name="SessionsCompletes"/>),
/// + <see cref="RecherchesSansCreneau"/> + <see cref="OrientationsRefusees"/>.</param>
/// <param name="IndicePriorite">See <see cref="CalculEcarts.FormulePriorite"/>.</param>
/// <param name="FoyersConnectes">Households living in the zone enrolled in a connectivity programme during the period (<see cref="IFoyersConnectes"/>);
/// null when no programme feature answers, or masked (1 to 4).</param>
public sealed record LigneEcart(string Code, string Nom, int? Population, int? AnneePopulation, int? AnneeCog,
    double? Fragilite, string? ModeleFragilite, int Lieux, double HeuresHebdo, double CreneauxHebdo, double? CreneauxPour1000,
    int Mediateurs, int ConseillersNumeriques, double? DistanceMinKm, int? DemandeObservee, int? Personnes, int? PremieresVisites,
    int ListeAttenteNonServie, int SessionsCompletes, int DemandeNonSatisfaite, double? IndicePriorite, IReadOnlyList<string> Masques,
    int? FoyersConnectes = null)
{
    /// <summary>Public slot searches of the period for the commune (typed name or one of its postcodes) that found no free slot within
    /// <see cref="Ecarts.DemandeNonSatisfaite.JoursSansCreneau"/> days; null at QPV level (a search names no QPV).</summary>
    public int? RecherchesSansCreneau { get; init; }
    /// <summary>Referrals of the period refused for lack of capacity, by the residence of the person referred.</summary>
    public int OrientationsRefusees { get; init; }
    /// <summary>Median wait in whole days before the first free slot, over the searches of the period for the zone that found one
    /// (<see cref="Ecarts.DemandeNonSatisfaite.DefinitionAttente"/>); null when no such search.</summary>
    public int? AttenteMedianeJours { get; init; }

    /// <summary>The mediators in words: « aucun médiateur », « 1 médiateur, conseiller numérique », « 3 médiateurs, dont 2 conseillers
    /// numériques », « 2 médiateurs, tous conseillers numériques ».</summary>
    public string MediateursEnLettres() => Mediateurs == 0 ? "aucun médiateur"
        : Web.Pluriel.De(Mediateurs, "médiateur") + (ConseillersNumeriques == 0 ? ""
            : ConseillersNumeriques >= Mediateurs ? (Mediateurs == 1 ? ", conseiller numérique" : ", tous conseillers numériques")
            : $", dont {Web.Pluriel.De(ConseillersNumeriques, "conseiller numérique", "conseillers numériques")}");
}

/// <summary>The gap table and how it was computed: the period, the level, and the formulas shown with it.</summary>
public sealed record TableEcarts(string Niveau, DateOnly Du, DateOnly Au, string? Epci, double Semaines, IReadOnlyList<LigneEcart> Lignes)
{
    /// <summary>Ids of the places counted in each zone (for the managers' scope; never published).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, List<int>> LieuxParZone { get; init; } = new Dictionary<string, List<int>>();

    /// <summary>The région asked (INSEE code), when the table was restricted to one.</summary>
    public string? Region { get; init; }

    public string Formule => CalculEcarts.FormulePriorite;

    /// <summary>How <c>demandeNonSatisfaite</c> and the median wait are computed, shown with the table.</summary>
    public string FormuleDemandeNonSatisfaite => DemandeNonSatisfaite.Formule;

    public string DefinitionAttente => DemandeNonSatisfaite.DefinitionAttente;
}
