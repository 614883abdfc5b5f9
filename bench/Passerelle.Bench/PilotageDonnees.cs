using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

/// <summary>The territory of the pilotage bench, written straight into the database (COPY on PostgreSQL, one prepared INSERT in a
/// transaction on SQLite): synthetic communes (code « A0000 »…, one postcode each, 30 communes per EPCI, reference point, census
/// population; the first <see cref="CommunesRegionMesuree"/> in région <see cref="RegionMesuree"/>, the size of Grand Est, the largest
/// région, the others spread over eleven other régions) next to the shipped Métropole (région 93); the imported places outside the Métropole spread over them; one weekly permanence
/// (Monday and Wednesday 9–12) and one 6-seat slot a month per place; people living in a commune (a tenth of them in the
/// Métropole) and individual accompaniments over 2024–2025 until the wanted number (a quarter of them in 2024, for first visits).</summary>
static class TerritoireBench
{
    public const string RegionMesuree = "44";
    public const int CommunesRegionMesuree = 5100;
    static readonly string[] AutresRegions = ["11", "24", "27", "28", "32", "52", "53", "75", "76", "84", "94"];

    public static async Task SqlAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 1200;
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task<List<T>> LireAsync<T>(DbConnection c, string sql, Func<DbDataReader, T> lire)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var liste = new List<T>();
        while (await r.ReadAsync()) liste.Add(lire(r));
        return liste;
    }

    public static async Task<string> GenererAsync(DbConnection c, int nbCommunes, int accompagnements)
    {
        var rnd = new Random(15);
        var maintenant = new DateTime(2025, 12, 31, 12, 0, 0, DateTimeKind.Utc);
        // The shipped reference (the Métropole's communes) stays; synthetic communes fill up to the national count.
        var livrees = await LireAsync(c, "SELECT \"CodeInsee\", \"CodesPostaux\", \"Nom\" FROM \"Communes\" WHERE \"Type\" = 'commune'",
            r => (Code: r.GetString(0), Cp: r.GetString(1).Split('|')[0], Nom: r.GetString(2)));
        var synthetiques = Math.Max(0, nbCommunes - livrees.Count);
        static string Code(int i) => $"{(char)('A' + i / 10000)}{i % 10000:0000}";
        await InsererAsync(c, "Communes", ["CodeInsee", "Nom", "Type", "CodesPostaux", "Siren", "Population", "AnneePopulation", "EpciSiren", "EpciNom", "AnneeCog",
            "Latitude", "Longitude", "NomRecherche", "ImporteLe", "CodeRegion"], Enumerable.Range(0, synthetiques).Select(i => new object?[]
        {
            Code(i), $"Bourg {Code(i)}", "commune", Code(i), $"9{i:00000000}", rnd.Next(50, 30000), 2023, $"8{i / 30:00000000}", $"EPCI bench {i / 30}", 2026,
            42.5 + rnd.NextDouble() * 8, -1.5 + rnd.NextDouble() * 8.5, $"bourg{Code(i).ToLowerInvariant()}", maintenant,
            i < CommunesRegionMesuree ? RegionMesuree : AutresRegions[i % AutresRegions.Length],
        }), sequence: false);
        // Places: those imported for Marseille, Martigues and Aubagne stay in the Métropole; the others go to synthetic communes.
        if (synthetiques > 0)
            await SqlAsync(c, c is NpgsqlConnection
                ? $"UPDATE \"Lieux\" SET \"CodeInsee\" = chr(65 + (\"Id\" % {synthetiques}) / 10000) || lpad(((\"Id\" % {synthetiques}) % 10000)::text, 4, '0') WHERE \"Commune\" NOT IN ('Marseille', 'Martigues', 'Aubagne')"
                : $"UPDATE \"Lieux\" SET \"CodeInsee\" = char(65 + (\"Id\" % {synthetiques}) / 10000) || substr('0000' || ((\"Id\" % {synthetiques}) % 10000), -4) WHERE \"Commune\" NOT IN ('Marseille', 'Martigues', 'Aubagne')");
        var lieux = await LireAsync(c, "SELECT \"Id\", \"CodePostal\" FROM \"Lieux\" ORDER BY \"Id\"", r => (Id: r.GetInt32(0), Cp: r.GetString(1)));
        await InsererAsync(c, "Permanences", ["Id", "LieuId", "MotifId", "Type", "JoursSemaine", "IntervalleSemaines", "Rang", "JourDuMois", "HeureDebut", "HeureFin",
            "DateDebut", "Archivee"], lieux.Select((l, i) => new object?[] { i + 1, l.Id, 2, "Hebdomadaire", 5, 1, 0, "Monday", new TimeOnly(9, 0), new TimeOnly(12, 0), new DateOnly(2024, 1, 1), false }));
        await InsererAsync(c, "Creneaux", ["Id", "PermanenceId", "LieuId", "MotifId", "Debut", "Fin", "Capacite", "Reserves", "Ferme", "EnLigne", "OuvertureEnLigne",
            "FermetureEnLigne", "CodePostal", "CommuneRecherche"], lieux.SelectMany((l, i) => Enumerable.Range(0, 12).Select(m => new object?[]
        {
            i * 12 + m + 1, i + 1, l.Id, 2, new DateTime(2025, 1 + m, 6, 9, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1 + m, 6, 12, 0, 0, DateTimeKind.Utc), 6, 0, false, false,
            new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1 + m, 5, 0, 0, 0, DateTimeKind.Utc), l.Cp, "",
        })));
        // One structure, 2 000 mediators; people living in a commune (a tenth in the Métropole, named by its postcode).
        await SqlAsync(c, "INSERT INTO \"Structures\" (\"Id\", \"Nom\", \"Typologie\", \"Archivee\", \"Demo\") VALUES (1, 'Structure bench', 'ASSO', " + (c is NpgsqlConnection ? "false, false)" : "0, 0)"));
        await InsererAsync(c, "Mediateurs", ["Id", "Prenom", "Nom", "ConseillerNumerique", "AidantsConnect", "Archive", "Demo"],
            Enumerable.Range(1, 2000).Select(i => new object?[] { i, "Médiateur", $"B{i}", i % 3 == 0, false, false, false }));
        var nbPersonnes = Math.Max(1, accompagnements / 4);
        await InsererAsync(c, "Beneficiaires", ["Id", "StructureId", "Suivi", "Genre", "Statut", "Commune", "CodePostal", "CreeLe", "ModifieLe", "DerniereActiviteLe"],
            Enumerable.Range(1, nbPersonnes).Select(i =>
            {
                string cp, nom;
                if (rnd.Next(10) == 0 || synthetiques == 0) (_, cp, nom) = livrees[rnd.Next(livrees.Count)];
                else { cp = Code(rnd.Next(synthetiques)); nom = $"Bourg {cp}"; }
                return new object?[] { i, 1, false, "Non communiqué", "Non communiqué ou hétérogène", nom, cp, maintenant, maintenant, maintenant };
            }));
        var debut = new DateOnly(2024, 1, 1);
        await InsererAsync(c, "Activites", ["Id", "MediateurId", "Type", "Date", "DureeMinutes", "TypeLieu", "LieuId", "Materiel", "Themes", "Autonomie",
            "ParticipantsAnonymes", "ParticipantsNommes", "BeneficiaireId", "CreeLe", "ModifieLe"], Enumerable.Range(1, accompagnements).Select(i => new object?[]
        {
            i, 1 + rnd.Next(2000), "Accompagnement individuel", rnd.Next(4) == 0 ? debut.AddDays(rnd.Next(366)) : new DateOnly(2025, 1, 1).AddDays(rnd.Next(365)), 30,
            "Lieu d'activité", lieux[rnd.Next(lieux.Count)].Id, "Ordinateur", "Aide aux démarches administratives", "Autonome", 0, 0, 1 + rnd.Next(nbPersonnes), maintenant, maintenant,
        }));
        await SqlAsync(c, "ANALYZE");
        return $"{synthetiques:N0} communes synthétiques (+ {livrees.Count} livrées), {lieux.Count:N0} lieux, autant de permanences, {lieux.Count * 12:N0} créneaux, {nbPersonnes:N0} personnes, {accompagnements:N0} accompagnements";
    }

    static Task InsererAsync(DbConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes, bool sequence = true) =>
        CopieBinaire.EcrireAsync(c, table, colonnes, lignes, sequence);
}
