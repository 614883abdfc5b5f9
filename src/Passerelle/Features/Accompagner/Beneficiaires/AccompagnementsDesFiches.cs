using Microsoft.EntityFrameworkCore.Infrastructure;
using Passerelle.Data;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>One line of a person's history: a record where they are the person accompanied or a named workshop participant.</summary>
/// <param name="Themes">The record's themes, comma-separated (null when none).</param>
/// <param name="Mediateur">First name and name of the mediator who wrote the record.</param>
public sealed record AccompagnementDeLaFiche(int Id, DateOnly Date, string Type, string? Themes, string Mediateur);

/// <summary>A record as the person's RGPD export shows it (the JSON property names are part of the export).</summary>
/// <param name="Lieu">The place's name, or the commune when the record names no place.</param>
public sealed record AccompagnementExporte(DateOnly Date, string Type, int DureeMinutes, string TypeLieu, string? Lieu, string? Themes, string? ThemesDemarches,
    string? NomDemarche, string? Autonomie, string? Orientation, string? Notes);

/// <summary>What the files need of the records that name them (decision 0016: Beneficiaires sits below Activites, which implements
/// this and registers it). A person is in a record as the person accompanied or as a named workshop participant. Every call runs in
/// the caller's context and transaction; nothing is saved that the caller does not save.</summary>
public interface IAccompagnementsDesFiches
{
    /// <summary>The person's records, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AccompagnementDeLaFiche>> HistoriqueAsync(AppDbContext db, int beneficiaireId, int max, CancellationToken ct);

    /// <summary>How many records name the person (own records plus workshops taken part in).</summary>
    Task<int> NombreAsync(AppDbContext db, int beneficiaireId, CancellationToken ct);

    /// <summary>Date of each person's last record; persons with none are absent from the answer.</summary>
    Task<Dictionary<int, DateOnly>> DerniersAsync(AppDbContext db, IReadOnlyCollection<int> beneficiaires, CancellationToken ct);

    /// <summary>The records of <paramref name="absorberId"/> move to <paramref name="garderId"/>; a workshop where both took part keeps
    /// one participation (and counts one named participant less).</summary>
    Task FusionnerAsync(AppDbContext db, int garderId, int absorberId, CancellationToken ct);

    /// <summary>The free text of the persons' own records (notes, procedure name) and the details of those records' journal lines are erased.</summary>
    Task AnonymiserAsync(AppDbContext db, IReadOnlyCollection<int> beneficiaires, CancellationToken ct);

    /// <summary>Every record that names the person, oldest first, for the RGPD export.</summary>
    Task<IReadOnlyList<AccompagnementExporte>> ExporterAsync(AppDbContext db, int beneficiaireId, CancellationToken ct);
}

/// <summary>Finds the registered <see cref="IAccompagnementsDesFiches"/> from a context: the use cases are static and receive the context.</summary>
public static class AccompagnementsDesFiches
{
    /// <summary>The implementation registered in the application that created <paramref name="db"/>; throws
    /// <see cref="InvalidOperationException"/> when there is none (a merge or an erasure must never skip the records silently).</summary>
    public static IAccompagnementsDesFiches De(AppDbContext db) => db.GetService<IAccompagnementsDesFiches>();
}
