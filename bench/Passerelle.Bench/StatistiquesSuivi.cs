using System.Data.Common;
using Npgsql;

/// <summary>The follow-up of the people in the statistics bench's year, which the dashboard's referral and skills blocks read: referrals
/// (<c>Orientations</c>) and skills diagnostics (<c>Diagnostics</c> with their <c>NiveauxCompetences</c>). They are derived from the
/// records already in the base, with their own random sequence, so that the records (and every figure the bench printed before) stay
/// the same, and so that a base kept with --base from before they existed gets them too.
/// The proportions are assumptions: no public figure was found on referrals or diagnostics per accompaniment (the national Coop
/// export carries the referral category of a record, not the referrals' outcomes, nor any diagnostic):
/// <list type="bullet">
/// <item>a referral for 1 in 25 individual records linked to a file (about 2.5 % of the individual accompaniments), the person's,
/// dated on that record, to one of the 7 national categories (<c>VocabulaireCoop.Orientations</c>, drawn uniformly), towards a place
/// of the directory for half of them and a named recipient for the others. Outcome (<c>ResultatsOrientation</c>): still « En attente »
/// when made in the last 30 days of the year, otherwise Aboutie 45 %, Non aboutie 15 %, Refusée (capacité) 5 %, Inconnu 20 %, En
/// attente 15 % (never followed up), the outcome noted 7 to 30 days after the referral;</item>
/// <item>a diagnostic for 1 in 4 followed people met in the year (followed people are 3 in 10 files), on the day of their first record,
/// by a mediator who met them, rating 4 to 8 of the 16 competences of the CRCN (<c>Referentiel.Competences</c>) at a level from 0 to
/// 2 (most people come because they are not autonomous); a second diagnostic on their last record for half of those met over at
/// least 4 weeks, and a third one midway for 2 in 5 of those met over at least 8 weeks. A later diagnostic rates the same
/// competences, each one level up with probability 0.45, one down with 0.05, otherwise the same (within 0–3).</item>
/// </list>
/// At the default 5 M accompaniments, about 75 000 referrals, 140 000 diagnostics and 840 000 levels.</summary>
static partial class Statistiques
{
    static readonly string[] Categories = ["Administration (mairie, préfecture…)", "Autre structure de médiation numérique",
        "Opérateur ou organisme en charge de la démarche administrative", "Structure d'aide sociale (maison des solidarités, centre social…)",
        "Structure d'insertion professionnelle (France Travail, mission locale…)", "Structure d'aide aux démarches administratives (France Services…)", "Autre"];
    static readonly string[] Motifs = ["Démarche à finaliser sur place", "Ouverture de droits", "Recherche d'emploi", "Besoin d'un équipement",
        "Formation au numérique sur plusieurs séances", "Difficulté hors du champ numérique"];
    static readonly string[] Competences = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"];

    /// <summary>Writes the referrals and diagnostics (see the class summary) when the base has none; returns their counts
    /// (referrals, diagnostics, levels), zeros when some were already there.</summary>
    static async Task<(int Orientations, int Diagnostics, int Niveaux)> GenererSuiviAsync(DbConnection c)
    {
        if (await LireAsync(c, "SELECT (SELECT count(*) FROM \"Orientations\") + (SELECT count(*) FROM \"Diagnostics\")", r => r.GetInt64(0)) is [> 0])
            return (0, 0, 0);
        var rnd = new Random(43);
        var fin = new DateOnly(2025, 12, 31);
        var lieux = await LireAsync(c, "SELECT \"Id\" FROM \"Lieux\" ORDER BY \"Id\"", r => r.GetInt32(0));
        var references = await LireAsync(c, "SELECT \"BeneficiaireId\", \"Date\" FROM \"Activites\" WHERE \"BeneficiaireId\" IS NOT NULL "
            + "AND \"Type\" = 'Accompagnement individuel' AND \"Id\" % 25 = 0 ORDER BY \"Id\"", r => (Personne: r.GetInt32(0), Date: r.GetFieldValue<DateOnly>(1)));
        var orientations = references.Select((o, i) =>
        {
            var tirage = rnd.Next(100);
            var resultat = o.Date > fin.AddDays(-30) ? "En attente" : tirage < 45 ? "Aboutie" : tirage < 60 ? "Non aboutie" : tirage < 65 ? "Refusée (capacité)" : tirage < 85 ? "Inconnu" : "En attente";
            var versLieu = rnd.Next(2) == 0 && lieux.Count > 0;
            return new object?[] { i + 1, o.Personne, o.Date, Categories[rnd.Next(Categories.Length)], versLieu ? lieux[rnd.Next(lieux.Count)] : null,
                versLieu ? null : $"Structure partenaire {1 + rnd.Next(500)}", Motifs[rnd.Next(Motifs.Length)], resultat,
                resultat == "En attente" ? null : o.Date.AddDays(7 + rnd.Next(24)), null };
        }).ToList();
        await EcrireAsync(c, "Orientations", ["Id", "BeneficiaireId", "Date", "Categorie", "LieuId", "Destinataire", "Motif", "Resultat", "ResultatLe", "CreePar"],
            orientations, sequence: true);

        var suivis = await LireAsync(c, "SELECT a.\"BeneficiaireId\", min(a.\"Date\"), max(a.\"Date\"), min(a.\"MediateurId\") FROM \"Activites\" a "
            + "JOIN \"Beneficiaires\" b ON b.\"Id\" = a.\"BeneficiaireId\" WHERE b.\"Suivi\" GROUP BY a.\"BeneficiaireId\" ORDER BY a.\"BeneficiaireId\"",
            r => (Personne: r.GetInt32(0), Premier: r.GetFieldValue<DateOnly>(1), Dernier: r.GetFieldValue<DateOnly>(2), Mediateur: r.GetInt32(3)));
        var diagnostics = new List<object?[]>();
        var niveaux = new List<object?[]>();
        foreach (var s in suivis)
        {
            if (rnd.Next(4) != 0) continue;
            var jours = s.Dernier.DayNumber - s.Premier.DayNumber;
            var dates = new List<DateOnly> { s.Premier };
            if (jours >= 28 && rnd.Next(2) == 0)
            {
                if (jours >= 56 && rnd.Next(5) < 2) dates.Add(s.Premier.AddDays(jours / 2));
                dates.Add(s.Dernier);
            }
            var evaluees = Competences.OrderBy(_ => rnd.Next()).Take(4 + rnd.Next(5)).ToArray();
            var niveau = evaluees.Select(_ => rnd.Next(3)).ToArray();
            foreach (var date in dates)
            {
                var id = diagnostics.Count + 1;
                diagnostics.Add([id, s.Personne, date, s.Mediateur, null]);
                for (var k = 0; k < evaluees.Length; k++)
                {
                    if (date != s.Premier) niveau[k] = Math.Clamp(niveau[k] + (rnd.Next(100) is var x && x < 45 ? 1 : x < 50 ? -1 : 0), 0, 3);
                    niveaux.Add([id, evaluees[k], niveau[k]]);
                }
            }
        }
        await EcrireAsync(c, "Diagnostics", ["Id", "BeneficiaireId", "Date", "MediateurId", "Notes"], diagnostics, sequence: true);
        await EcrireAsync(c, "NiveauxCompetences", ["DiagnosticId", "Competence", "Niveau"], niveaux, sequence: false);
        await using (var analyse = c.CreateCommand())
        {
            analyse.CommandText = c is NpgsqlConnection ? "ANALYZE \"Orientations\", \"Diagnostics\", \"NiveauxCompetences\"" : "ANALYZE";
            analyse.CommandTimeout = 600;
            await analyse.ExecuteNonQueryAsync();
        }
        return (orientations.Count, diagnostics.Count, niveaux.Count);
    }

    static async Task<List<T>> LireAsync<T>(DbConnection c, string sql, Func<DbDataReader, T> ligne)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 1200;
        await using var r = await cmd.ExecuteReaderAsync();
        var liste = new List<T>();
        while (await r.ReadAsync()) liste.Add(ligne(r));
        return liste;
    }
}
