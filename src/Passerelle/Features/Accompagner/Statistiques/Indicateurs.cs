using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>Dashboard filters. <paramref name="Qpv"/>: true = people living in a priority neighbourhood, false = people known to live outside one.</summary>
public sealed record FiltresStatistiques(DateOnly? Du, DateOnly? Au, int? Lieu, int? Structure, string? Commune, string? Type, string? Theme, int? Convention,
    bool? Qpv = null, int? Mediateur = null, bool? ConseillerNumerique = null, string? Etiquette = null);

/// <summary>One cell of a dimension; null = masked on a shared view (<see cref="Secret"/>).</summary>
public sealed record Ligne(string Libelle, int? Accompagnements, int? Activites);

/// <summary>People (distinct beneficiaries; each anonymous participant counts as one person).</summary>
public sealed record LignePersonnes(string Libelle, int? Personnes);

public sealed record ProgressionCompetence(string Code, string Nom, int? Personnes, double NiveauInitial, double NiveauActuel, int? EnProgres);

/// <summary>Figures counted as the national tool does: a workshop counts its participants as accompaniments.
/// Counts of people are null where a shared view masks them. Filled step by step by <see cref="CalculStatistiques.CalculerAsync"/>.</summary>
public sealed record Tableau
{
    public int? Accompagnements { get; init; }
    public int Ateliers { get; init; }
    public int? AccompagnementsIndividuels { get; init; }
    public int? Activites { get; init; }
    public int? Beneficiaires { get; init; }
    public int? BeneficiairesSuivis { get; init; }
    public int? BeneficiairesAnonymes { get; init; }
    public int? NouveauxBeneficiaires { get; init; }
    public IReadOnlyList<Ligne> ParMois { get; init; } = [];
    public IReadOnlyList<Ligne> ParTheme { get; init; } = [];
    public IReadOnlyList<Ligne> ParCanal { get; init; } = [];
    public IReadOnlyList<Ligne> ParDuree { get; init; } = [];
    public IReadOnlyList<Ligne> ParMateriel { get; init; } = [];
    public IReadOnlyList<Ligne> ParAutonomie { get; init; } = [];
    public IReadOnlyList<Ligne> ParLieu { get; init; } = [];
    public IReadOnlyList<Ligne> ParType { get; init; } = [];
    public IReadOnlyList<Ligne> ParThemeDemarches { get; init; } = [];
    public IReadOnlyList<Ligne> ParCommune { get; init; } = [];
    public IReadOnlyList<Ligne> ParEtiquette { get; init; } = [];
    public IReadOnlyList<Ligne> ParOrientation { get; init; } = [];
    public IReadOnlyList<Ligne> Qpv { get; init; } = [];
    public IReadOnlyList<LignePersonnes> ParGenre { get; init; } = [];
    public IReadOnlyList<LignePersonnes> ParTrancheAge { get; init; } = [];
    public IReadOnlyList<LignePersonnes> ParStatut { get; init; } = [];
    public IReadOnlyList<LignePersonnes> BeneficiairesParQpv { get; init; } = [];
    public IReadOnlyList<LignePersonnes> ResultatsOrientations { get; init; } = [];
    public IReadOnlyList<ProgressionCompetence> Competences { get; init; } = [];
    public bool Masque { get; init; }
}

