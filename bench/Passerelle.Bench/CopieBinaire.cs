using Npgsql;
using NpgsqlTypes;

/// <summary>The bulk load every scenario uses on PostgreSQL: rows written with the binary <c>COPY … FROM STDIN</c>.</summary>
static class CopieBinaire
{
    /// <summary>Writes <paramref name="lignes"/> (one value per column, in <paramref name="colonnes"/>' order; <c>DateOnly</c> as
    /// <c>date</c>, <c>DateTime</c> as <c>timestamptz</c> in UTC, <c>TimeOnly</c> as <c>time</c>) into <paramref name="table"/>. With
    /// <paramref name="sequence"/>, then moves the table's <c>Id</c> identity sequence past the ids written, so that the app's own
    /// inserts do not collide with them.</summary>
    public static async Task CopierAsync(NpgsqlConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes, bool sequence)
    {
        await using (var copie = await c.BeginBinaryImportAsync($"COPY \"{table}\" ({string.Join(", ", colonnes.Select(x => $"\"{x}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            copie.Timeout = TimeSpan.FromMinutes(30);
            foreach (var l in lignes)
            {
                await copie.StartRowAsync();
                foreach (var v in l)
                    await (v switch
                    {
                        null => copie.WriteNullAsync(),
                        DateOnly d => copie.WriteAsync(d, NpgsqlDbType.Date),
                        DateTime t => copie.WriteAsync(t, NpgsqlDbType.TimestampTz),
                        TimeOnly h => copie.WriteAsync(h, NpgsqlDbType.Time),
                        _ => copie.WriteAsync(v),
                    });
            }
            await copie.CompleteAsync();
        }
        if (!sequence) return;
        await using var seq = c.CreateCommand();
        seq.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT coalesce(max(\"Id\"), 1) FROM \"{table}\"))";
        await seq.ExecuteScalarAsync();
    }
}
