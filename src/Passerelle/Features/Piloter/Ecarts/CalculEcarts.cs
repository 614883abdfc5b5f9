using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Piloter.Ecarts;

/// <summary>The gap table per commune or QPV for a period (standards file « pilotage territorial », § 2): offer attributed by
/// place location, demand by residence. Every source is read in SQL for the asked zones only (<see cref="PerimetreEcarts"/>: EPCI
/// and/or région) and counts are aggregated there (one query per source); hours, the placing of places and residences, and
/// distances are done in memory on those rows.</summary>
public static class CalculEcarts
{
    public const string Commune = "commune", Qpv = "qpv";
    public const string FormulePriorite = "indice de priorité = (population ÷ 1 000 × (fragilité ÷ 5, ou 1 sans indice) + demande non satisfaite) ÷ (1 + heures d'aide hebdomadaires)";
    /// <summary>A QPV has no geometry here: its offer is that of the places within this distance of its reference point.</summary>
    public const double RayonQpvKm = 0.5;

    sealed record Zone(string Code, string Nom, int? Population, int? AnneePopulation, int? AnneeCog, double? Lat, double? Lon);
    sealed record LieuZone(int Id, string? CodeInsee, string CodePostal, string Commune, double? Lat, double? Lon, bool Services);

    public static async Task<TableEcarts> ExecuterAsync(AppDbContext db, string niveau, DateOnly du, DateOnly au, string? epci, CancellationToken ct,
        IFoyersConnectes? foyers = null, string? region = null)
    {
        var semaines = (au.DayNumber - du.DayNumber + 1) / 7.0;
        var perimetre = PerimetreEcarts.Pour(epci, region);
        var communesZone = await perimetre.Communes(db).ToListAsync(ct);
        var codesCommunes = communesZone.Select(c => c.CodeInsee).ToHashSet();
        var codesInseeQ = perimetre.CodesInsee(db);
        var codesPostaux = perimetre.Tout ? [] : (await db.Set<Referentiels.Territoires.Commune>().AsNoTracking()
            .Where(c => codesInseeQ.Contains(c.CodeInsee)).Select(c => c.CodesPostaux).ToListAsync(ct))
            .SelectMany(l => l.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        List<Zone> zones;
        if (niveau == Qpv)
            zones = (await db.Qpv.AsNoTracking().ToListAsync(ct))
                .Where(q => perimetre.Tout || q.CodesInsee.Split('|').Any(codesCommunes.Contains))
                .Select(q => new Zone(q.Code, q.Nom, q.Population, q.AnneePopulation, null, q.Latitude, q.Longitude)).ToList();
        else zones = communesZone.Select(c => new Zone(c.CodeInsee, c.Nom, c.Population, c.AnneePopulation, c.AnneeCog, c.Latitude, c.Longitude)).ToList();
        var reference = await perimetre.ReferenceAsync(db, codesCommunes, ct);
        var points = zones.Where(z => z.Lat is not null && z.Lon is not null).Select(z => (z.Lat!.Value, z.Lon!.Value)).ToList();

        // The places counted in the zones, read in SQL: those of its communes, or those near a QPV's reference point.
        var lieuxZoneQ = niveau == Qpv ? (perimetre.Tout ? db.Lieux.AsNoTracking().Where(l => !l.Archive) : PerimetreEcarts.LieuxAutourDe(db, points, RayonQpvKm + 0.1))
            : perimetre.LieuxDesCommunes(db, codesPostaux);
        var lieux = await lieuxZoneQ.Select(l => new LieuZone(l.Id, l.CodeInsee, l.CodePostal, l.Commune, l.Latitude, l.Longitude, l.Services != null && l.Services != "")).ToListAsync(ct);
        var idsQ = lieuxZoneQ.Select(l => l.Id);
        // Which zones each place serves: its commune, or the QPV whose reference point lies within RayonQpvKm.
        var zonesDuLieu = lieux.ToDictionary(l => l.Id, l => niveau == Qpv
            ? zones.Where(z => z.Lat is { } la && z.Lon is { } lo && l.Lat is { } pla && l.Lon is { } plo && ZonesDeReference.Distance(la, lo, pla, plo) <= RayonQpvKm).Select(z => z.Code).ToList()
            : reference.CodeCommune(l.CodeInsee, l.Commune, l.CodePostal) is { } c && (perimetre.Tout || codesCommunes.Contains(c)) ? [c] : new List<string>());

        var offre = await OffreHebdo.CalculerAsync(db, du, au, ct, perimetre.Tout ? null : idsQ);
        var (debutUtc, finUtc) = (du.ToDateTime(TimeOnly.MinValue), au.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var creneaux = await db.Creneaux.AsNoTracking().Where(c => !c.Ferme && c.Debut >= debutUtc && c.Debut < finUtc && idsQ.Contains(c.LieuId))
            .GroupBy(c => c.LieuId).Select(g => new { g.Key, Places = g.Sum(c => c.Capacite) }).ToDictionaryAsync(x => x.Key, x => x.Places, ct);
        var completes = await db.SessionsAteliers.AsNoTracking().Where(s => !s.Annulee && s.Debut >= debutUtc && s.Debut < finUtc && s.Inscrits >= s.Capacite && idsQ.Contains(s.LieuId))
            .GroupBy(s => s.LieuId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var attente = await db.Inscriptions.AsNoTracking()
            .Where(i => i.Statut == StatutInscription.ListeAttente && i.Session!.Debut >= debutUtc && i.Session.Debut < finUtc && !i.Session.Annulee && idsQ.Contains(i.Session.LieuId))
            .GroupBy(i => i.Session!.LieuId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var demande = await DemandeParResidence.CalculerAsync(db, du, au, ct,
            perimetre.Residents(db, niveau, codesPostaux, zones.Select(z => z.Code).ToList()));
        var refus = await DemandeNonSatisfaite.RefusAsync(db, du, au, perimetre.Residents(db, niveau, codesPostaux, zones.Select(z => z.Code).ToList()), ct);
        // Searches name a commune or a postcode, never a QPV: they count at commune level only.
        var recherches = niveau == Qpv ? [] : DemandeNonSatisfaite.ParZone(await DemandeNonSatisfaite.RecherchesAsync(db, du, au, perimetre.Tout ? null : codesPostaux, perimetre.Tout ? null : codesInseeQ, ct), reference);
        var codesZones = zones.Select(z => z.Code).ToList();
        var fragilite = (await db.Set<IndiceFragilite>().AsNoTracking().Where(i => i.Niveau == niveau && (perimetre.Tout || codesZones.Contains(i.Code))).ToListAsync(ct))
            .GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.VersionModele).ThenBy(i => i.Variante == "tout-age" ? 0 : 1).First());
        var distances = await DistancesMinimales.CalculerAsync(db, zones.Select(z => (z.Code, z.Lat, z.Lon)).ToList(), ct);

        // Demand by residence, per zone.
        var demandeZone = new Dictionary<string, (int Acc, int Pers, int Prem)>();
        foreach (var d in demande)
        {
            var code = niveau == Qpv ? d.CodeQpv : reference.CodeCommune(null, d.Commune, d.CodePostal);
            if (code is null) continue;
            var v = demandeZone.GetValueOrDefault(code);
            demandeZone[code] = (v.Acc + d.Accompagnements, v.Pers + d.Personnes, v.Prem + d.Premieres);
        }
        var refusZone = new Dictionary<string, int>();
        foreach (var r in refus)
            if ((niveau == Qpv ? r.CodeQpv : reference.CodeCommune(null, r.Commune, r.CodePostal)) is { } code)
                refusZone[code] = refusZone.GetValueOrDefault(code) + r.Refus;
        // Households connected, by residence (commune as typed at enrolment, read by its name; QPV code).
        Dictionary<string, int>? foyersZone = null;
        if (foyers is not null)
        {
            foyersZone = [];
            foreach (var f in await foyers.ParResidenceAsync(du, au, ct))
                if ((niveau == Qpv ? f.CodeQpv : reference.CodeCommuneParNom(f.Commune)) is { } code)
                    foyersZone[code] = foyersZone.GetValueOrDefault(code) + f.Foyers;
        }
        var seuil = Accompagner.Statistiques.CalculStatistiques.SeuilMasquage;
        var lignes = new List<LigneEcart>(zones.Count);
        var lieuxParZone = new Dictionary<string, List<int>>();
        foreach (var z in zones)
        {
            var ids = lieuxParZone[z.Code] = lieux.Where(l => zonesDuLieu[l.Id].Contains(z.Code)).Select(l => l.Id).ToList();
            var heures = ids.Sum(id => offre.Heures.GetValueOrDefault(id)) / semaines;
            var mediateurs = ids.SelectMany(id => offre.Mediateurs.GetValueOrDefault(id) ?? []).Distinct().ToList();
            var places = ids.Sum(id => creneaux.GetValueOrDefault(id)) / semaines;
            double? distance = distances.TryGetValue(z.Code, out var km) ? Math.Round(km, 1) : null;
            var (acc, pers, prem) = demandeZone.GetValueOrDefault(z.Code);
            var nonServie = ids.Sum(id => attente.GetValueOrDefault(id));
            var pleines = ids.Sum(id => completes.GetValueOrDefault(id));
            var refusees = refusZone.GetValueOrDefault(z.Code);
            var (sansCreneau, attentes) = recherches.TryGetValue(z.Code, out var rz) ? rz : (0, []);
            var nonSatisfaite = nonServie + pleines + sansCreneau + refusees;
            var f = fragilite.GetValueOrDefault(z.Code);
            double? indice = z.Population is > 0 ? Math.Round((z.Population.Value / 1000.0 * (f is null ? 1 : f.Score / 5) + nonSatisfaite) / (1 + heures), 2) : null;
            var masque = pers > 0 && pers < seuil;
            int? connectes = foyersZone?.GetValueOrDefault(z.Code);
            var foyersMasques = connectes is > 0 && connectes < seuil;
            lignes.Add(new LigneEcart(z.Code, z.Nom, z.Population, z.AnneePopulation, z.AnneeCog, f?.Score, f is null ? null : $"modèle {f.VersionModele}, {f.Variante}",
                ids.Count, Math.Round(heures, 1), Math.Round(places, 1), z.Population is > 0 ? Math.Round(places * 1000 / z.Population.Value, 2) : null,
                mediateurs.Count, mediateurs.Count(m => m.ConseillerNumerique), distance,
                masque ? null : acc, masque ? null : pers, masque ? null : prem, nonServie, pleines, nonSatisfaite, indice,
                [.. masque ? ["demandeObservee", "personnes", "premieresVisites"] : Array.Empty<string>(), .. foyersMasques ? ["foyersConnectes"] : Array.Empty<string>()],
                foyersMasques ? null : connectes)
            {
                RecherchesSansCreneau = niveau == Qpv ? null : sansCreneau, OrientationsRefusees = refusees,
                AttenteMedianeJours = DemandeNonSatisfaite.Mediane(attentes),
            });
        }
        return new TableEcarts(niveau, du, au, epci, Math.Round(semaines, 2), lignes.OrderByDescending(l => l.IndicePriorite ?? -1).ThenBy(l => l.Code, StringComparer.Ordinal).ToList())
        { LieuxParZone = lieuxParZone, Region = region };
    }
}
