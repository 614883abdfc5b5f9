using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Referentiels;
using Passerelle.Features.Referentiels.Territoires;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>Counts one public slot search (<see cref="RecherchesDuJour"/>) for territorial steering, when it can mean something and
/// says nothing of the person: a GET (not HEAD) naming a postcode or a commune the reference knows
/// (<see cref="RechercheCommunes.DesigneeAsync"/>; any other text is not counted and never stored), for no motif or an existing
/// one, at most once per client, Paris-local day, place and motif (<see cref="ClientsDuJour"/>, in memory, per instance). One
/// upsert statement; a failure to count is logged as a warning and never fails the search.</summary>
public sealed class CompterRecherche(AppDbContext db, ClientsDuJour clients, TimeProvider horloge, ILogger<CompterRecherche> journal)
{
    /// <param name="trouves">The free slots found, soonest first (the wait is read on the first).</param>
    /// <returns>True when the search was counted.</returns>
    /// <param name="lieu">What the typed text designates, as the search resolved it (<see cref="CommuneLue.Designee"/>); null: not counted.</param>
    public async Task<bool> ExecuterAsync(HttpContext http, CommuneDesignee? lieu, int? motifId, IReadOnlyList<CreneauLibre> trouves, CancellationToken ct)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || lieu is null) return false;
        try
        {
            var motif = motifId ?? 0;
            if (motif != 0 && !await db.Motifs.AnyAsync(m => m.Id == motif, ct)) return false;
            var cle = lieu.CodePostal is { } cp ? RecherchesDuJour.CleCodePostal(cp) : lieu.Cle;
            var jour = Territoire.AujourdHui(horloge);
            if (!clients.Premiere(http.Connection.RemoteIpAddress, cle, motif, jour)) return false;
            var delai = trouves.Count == 0 ? RecherchesDuJour.AucunCreneau
                : Math.Max(0, DateOnly.FromDateTime(Territoire.HeureLocale(trouves.Min(c => c.Debut))).DayNumber - jour.DayNumber);
            // INSERT … ON CONFLICT DO UPDATE: the same statement on SQLite and PostgreSQL, under the unique index of the key.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "RecherchesCreneaux" ("Jour", "CodePostal", "Commune", "MotifId", "DelaiJours", "Nombre")
                VALUES ({jour}, {lieu.CodePostal}, {cle}, {motif}, {delai}, 1)
                ON CONFLICT ("Jour", "Commune", "MotifId", "DelaiJours") DO UPDATE SET "Nombre" = "RecherchesCreneaux"."Nombre" + 1
                """, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            journal.LogWarning(e, "Recherche de créneaux non comptée");
            return false;
        }
    }
}
