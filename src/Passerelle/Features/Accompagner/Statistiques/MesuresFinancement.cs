using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Rendezvous;
using Passerelle.Features.Financer.Indicateurs;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>The indicators of a funder's objectives that the activity records measure (issue 11 §3), counted as the statistics page
/// counts them (national rule: a workshop counts its participants as accompaniments): accompaniments, people, new people, share of
/// people living in a QPV among those whose residence is known, workshops and their participants, booked slots honoured.
/// Records of the structure's mediators (or, for a service convention, those delivered under it) dated in the period.</summary>
public sealed class MesuresFinancement : IMesuresIndicateurs
{
    public const string Accompagnements = "accompagnements", Personnes = "personnes", NouvellesPersonnes = "nouvelles-personnes",
        PartQpv = "part-qpv", Ateliers = "ateliers", Participants = "participants-ateliers", CreneauxHonores = "creneaux-honores";

    public IReadOnlyList<IndicateurMesure> Indicateurs { get; } =
    [
        new(Accompagnements, "Accompagnements réalisés", "accompagnements"),
        new(Personnes, "Personnes accompagnées", "personnes"),
        new(NouvellesPersonnes, "Nouvelles personnes accompagnées", "personnes"),
        new(PartQpv, "Part des personnes habitant un quartier prioritaire", "%"),
        new(Ateliers, "Ateliers collectifs tenus", "ateliers"),
        new(Participants, "Participations aux ateliers", "participations"),
        new(CreneauxHonores, "Rendez-vous individuels honorés", "rendez-vous"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal?>> MesurerAsync(AppDbContext db, PerimetreMesure p, IReadOnlyCollection<string> codes, TimeProvider horloge, CancellationToken ct)
    {
        var r = new Dictionary<string, decimal?>();
        var filtres = new FiltresStatistiques(p.Du, p.Au.AddDays(-1), null, p.ConventionId is null ? p.StructureId : null, null, null, null, p.ConventionId);
        var t = await CalculStatistiques.CalculerAsync(db, filtres, p.Masquer, horloge, ct);
        var connus = t.BeneficiairesParQpv.Where(l => l.Libelle != Referentiels.Quartiers.NonRenseigne).ToList();
        var residence = connus.Sum(l => l.Personnes ?? 0);
        var enQpv = connus.Where(l => l.Libelle == Referentiels.Quartiers.EnQpv).Sum(l => l.Personnes ?? 0);
        foreach (var c in codes)
        {
            r[c] = c switch
            {
                Accompagnements => t.Accompagnements,
                Personnes => t.Beneficiaires,
                NouvellesPersonnes => t.NouveauxBeneficiaires,
                PartQpv => connus.Any(l => l.Personnes is null) || residence == 0 ? null : Math.Round(100m * enQpv / residence, 1),
                Ateliers => t.Ateliers,
                Participants => t.Accompagnements is { } a && t.AccompagnementsIndividuels is { } i ? a - i : null,
                CreneauxHonores => await HonoresAsync(db, p, ct),
                _ => null,
            };
        }
        return r;
    }

    /// <summary>Bookings marked honoured on slots of the period: the convention's permanences, or those held at the structure's places.</summary>
    static async Task<int> HonoresAsync(AppDbContext db, PerimetreMesure p, CancellationToken ct)
    {
        var du = p.Du.ToDateTime(TimeOnly.MinValue);
        var au = p.Au.ToDateTime(TimeOnly.MinValue);
        var q = db.Reservations.AsNoTracking().Where(r => r.Statut == StatutReservation.Honoree && r.Creneau!.Debut >= du && r.Creneau.Debut < au);
        q = p.ConventionId is { } c
            ? q.Where(r => r.Creneau!.Permanence!.ConventionId == c)
            : q.Where(r => r.Creneau!.Permanence!.Lieu!.StructureId == p.StructureId);
        return await q.CountAsync(ct);
    }
}

public static class ServicesStatistiques
{
    /// <summary>Registers what the statistics offer to other features (the funding chain's measured indicators), the facts'
    /// change marks and their job.</summary>
    public static void AddStatistiques(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IMesuresIndicateurs, MesuresFinancement>();
        // Monthly facts (decision 0032): marked in the writing transaction, folded by a job under a lease.
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Faits.MarquageFaits>();
        if (Web.Reglages.TachesActives(builder.Configuration)) builder.Services.AddHostedService<Faits.TacheFaits>();
    }
}
