using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>The feature's one raw SQL (what LINQ cannot say): create the month's consumption row if absent, without failing when a
/// parallel top-up creates it first. <c>INSERT … ON CONFLICT DO NOTHING</c> is the same on SQLite (3.24+) and PostgreSQL.</summary>
public static class ConsommationsSql
{
    public static Task<int> CreerSiAbsenteAsync(AppDbContext db, int adhesionId, int mois, long plafond, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ConsommationsMensuelles" ("AdhesionId", "Mois", "ConsommeCentimes", "PlafondCentimes") VALUES ({adhesionId}, {mois}, {0L}, {plafond}) ON CONFLICT DO NOTHING
            """, ct);
}
