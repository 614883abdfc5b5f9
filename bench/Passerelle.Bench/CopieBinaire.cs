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

    /// <summary>Writes the rows (one value per column, in <paramref name="colonnes"/>' order): binary COPY on PostgreSQL
    /// (<paramref name="sequence"/>: then moves the Id sequence past them), one prepared INSERT in a transaction otherwise (dates as
    /// ISO text, booleans as 0/1, as SQLite stores them).</summary>
    public static async Task EcrireAsync(System.Data.Common.DbConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes, bool sequence)
    {
        if (c is NpgsqlConnection pg)
        {
            await CopierAsync(pg, table, colonnes, lignes, sequence);
            return;
        }
        await using var tx = await c.BeginTransactionAsync();
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", colonnes.Select(x => $"\"{x}\""))}) VALUES ({string.Join(", ", colonnes.Select((_, i) => "@p" + i))})";
        var parametres = colonnes.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = "@p" + i; cmd.Parameters.Add(p); return p; }).ToArray();
        foreach (var l in lignes)
        {
            for (var i = 0; i < l.Length; i++)
                parametres[i].Value = l[i] switch
                {
                    null => DBNull.Value, DateOnly d => d.ToString("yyyy-MM-dd"), DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss"), TimeOnly h => h.ToString("HH:mm:ss"),
                    bool b => b ? 1 : 0, var v => v,
                };
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
