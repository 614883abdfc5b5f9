using System.Data.Common;
using Npgsql;

/// <summary>The statistics bench's national year, written straight into the database (COPY on PostgreSQL, one prepared INSERT in a
/// transaction on SQLite).</summary>
static partial class Statistiques
{
    static readonly string[] Themes = ["Diagnostic numérique", "Prendre en main du matériel", "Navigation sur internet", "E-mail", "Bureautique", "Santé",
        "Banque et achats en ligne", "Insertion professionnelle", "Prévention en sécurité numérique", "Aide aux démarches administratives"];
    static readonly string[] Lieux = ["Lieu d'activité", "Lieu d'activité", "Lieu d'activité", "À distance", "À domicile", "Autre lieu"];
    static readonly int[] Durees = [15, 30, 45, 60, 90, 120];
    static readonly string[] Communes = ["Paris", "Marseille", "Lyon", "Toulouse", "Nantes", "Martigues", "Brest", "Reims"];
    static readonly string[] Genres = ["Masculin", "Féminin", "Non communiqué"];
    static readonly string[] Statuts = ["Retraité", "Sans emploi", "En emploi", "Scolarisé", "Non communiqué ou hétérogène"];

    /// <summary>Structures, mediators with their employment, people, and records until the wanted number of accompaniments;
    /// returns a typical structure (about the median size) and the number of records.</summary>
    static async Task<(int Structure, int Activites)> GenererAsync(DbConnection c, int nbMediateurs, int accompagnements)
    {
        var rnd = new Random(42);
        var nbStructures = Math.Max(1, nbMediateurs / 4);
        var lieux = new List<int>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Id\" FROM \"Lieux\" ORDER BY \"Id\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lieux.Add(r.GetInt32(0));
        }
        var qpv = new List<string>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Code\" FROM \"Qpv\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) qpv.Add(r.GetString(0));
        }
        var nbBeneficiaires = accompagnements / 4;
        var maintenant = new DateTime(2025, 12, 31, 12, 0, 0, DateTimeKind.Utc);
        var debut = new DateOnly(2025, 1, 1);
        var lignesStructures = Enumerable.Range(1, nbStructures).Select(i => new object?[] { i, $"Structure {i}", "ASSO", false, false });
        var lignesMediateurs = Enumerable.Range(1, nbMediateurs).Select(i => new object?[] { i, "Médiateur", $"N{i}", rnd.Next(2) == 0, false, false, false });
        var lignesEmplois = Enumerable.Range(1, nbMediateurs).Select(i => new object?[] { i, i, 1 + (i - 1) % nbStructures, new DateOnly(2024, 1, 1) });
        // Person p belongs to structure 1 + (p - 1) % nbStructures, so that records link people of the mediator's own structure.
        var lignesBeneficiaires = Enumerable.Range(1, nbBeneficiaires).Select(i =>
        {
            var suivi = rnd.Next(10) < 3;
            return new object?[] { i, 1 + (i - 1) % nbStructures, suivi, suivi ? $"Personne{i}" : null, rnd.Next(1935, 2010), Genres[rnd.Next(3)], Statuts[rnd.Next(5)],
                "Commune", qpv.Count > 0 && rnd.Next(10) == 0 ? qpv[rnd.Next(qpv.Count)] : null, suivi ? maintenant : null, maintenant, maintenant, maintenant };
        });
        var total = 0;
        var n = 0;
        IEnumerable<object?[]> Activites()
        {
            while (total < accompagnements)
            {
                n++;
                var m = 1 + rnd.Next(nbMediateurs);
                var structure = 1 + (m - 1) % nbStructures;
                var collectif = rnd.Next(10) == 0;
                var participants = collectif ? rnd.Next(3, 13) : 0;
                total += collectif ? participants : 1;
                var typeLieu = Lieux[rnd.Next(Lieux.Length)];
                var themes = string.Join('|', Enumerable.Range(0, 1 + rnd.Next(3)).Select(_ => Themes[rnd.Next(Themes.Length)]).Distinct());
                int? beneficiaire = !collectif && rnd.Next(10) < 7 ? Math.Min(nbBeneficiaires, structure + nbStructures * rnd.Next(Math.Max(1, nbBeneficiaires / nbStructures))) : null;
                if (beneficiaire is { } b && 1 + (b - 1) % nbStructures != structure) beneficiaire = null; // beyond the last person of the structure
                yield return [n, m, collectif ? "Atelier collectif" : "Accompagnement individuel", debut.AddDays(rnd.Next(365)), Durees[rnd.Next(Durees.Length)], typeLieu,
                    typeLieu == "Lieu d'activité" ? lieux[m % lieux.Count] : null, typeLieu is "À domicile" or "Autre lieu" ? Communes[rnd.Next(Communes.Length)] : null,
                    rnd.Next(2) == 0 ? "Ordinateur" : "Téléphone", themes, collectif ? null : "Autonome", participants, 0, beneficiaire, maintenant, maintenant];
            }
        }
        var tables = new (string Table, string[] Colonnes, IEnumerable<object?[]> Lignes)[]
        {
            ("Structures", ["Id", "Nom", "Typologie", "Archivee", "Demo"], lignesStructures),
            ("Mediateurs", ["Id", "Prenom", "Nom", "ConseillerNumerique", "AidantsConnect", "Archive", "Demo"], lignesMediateurs),
            ("Emplois", ["Id", "MediateurId", "StructureId", "Debut"], lignesEmplois),
            ("Beneficiaires", ["Id", "StructureId", "Suivi", "Nom", "AnneeNaissance", "Genre", "Statut", "Commune", "CodeQpv", "ConsentementLe", "CreeLe", "ModifieLe", "DerniereActiviteLe"], lignesBeneficiaires),
            ("Activites", ["Id", "MediateurId", "Type", "Date", "DureeMinutes", "TypeLieu", "LieuId", "Commune", "Materiel", "Themes", "Autonomie", "ParticipantsAnonymes",
                "ParticipantsNommes", "BeneficiaireId", "CreeLe", "ModifieLe"], Activites()),
        };
        foreach (var (table, colonnes, lignes) in tables) await EcrireAsync(c, table, colonnes, lignes, sequence: true);
        await using (var analyse = c.CreateCommand())
        {
            analyse.CommandText = "ANALYZE";
            analyse.CommandTimeout = 600;
            await analyse.ExecuteNonQueryAsync();
        }
        return (1 + nbStructures / 2, n);
    }

    static Task EcrireAsync(DbConnection c, string table, string[] colonnes, IEnumerable<object?[]> lignes, bool sequence) =>
        CopieBinaire.EcrireAsync(c, table, colonnes, lignes, sequence);
}
