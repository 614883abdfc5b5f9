using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>The register as SCDL « Délibérations » 2.1.5: 17 columns in the schema's order, UTF-8, <c>,</c>, one line per act,
/// dates <c>AAAA-MM-JJ</c>. What is known of the vote is published: <c>VOTE_REEL</c>, <c>VOTE_POUR</c>, <c>VOTE_CONTRE</c> and
/// <c>VOTE_ABSTENTION</c> together, <c>VOTE_REEL</c> = for + against + abstention (members not taking part are outside it, SCDL's
/// <c>sum-columns-value</c>); a unanimous act with no printed counts votes with every present or represented member who took part.
/// <c>VOTE_EFFECTIF</c> is the members in office, or, when the act does not say, present + represented + excused; when neither is
/// known it stays empty and the four others are still written — the schema's <c>cohesive-columns-value</c> only requires the four
/// once <c>VOTE_EFFECTIF</c> is filled (docs/standards/scdl-deliberations.md).</summary>
public static class ExportScdl
{
    public static readonly string[] Colonnes =
    [
        "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE",
        "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
    ];

    public const string Version = "2.1.5";
    public const string AdresseSchema = "https://schema.data.gouv.fr/scdl/deliberations/";

    /// <summary>(effectif, réel, pour, contre, abstention) as SCDL counts them, effectif null when unknown (or, inconsistently,
    /// below the voters); null when the act gives no vote.</summary>
    public static (int? Effectif, int Reel, int Pour, int Contre, int Abstention)? Votes(Deliberation d)
    {
        int pour, contre, abstention;
        if (d.VotePour is { } p && d.VoteContre is { } c && d.VoteAbstention is { } a) (pour, contre, abstention) = (p, c, a);
        else if (d.Unanimite && d.Presents is { } presents)
        {
            var votants = Math.Max(0, presents + (d.Representes ?? 0) - (d.NonParticipation ?? 0));
            (pour, contre, abstention) = d.Adoptee ? (votants, 0, 0) : (0, votants, 0);
        }
        else return null;
        var reel = pour + contre + abstention;
        var effectif = d.MembresEnExercice ?? (d.Presents is { } pr ? pr + (d.Representes ?? 0) + (d.Excuses ?? 0) : null);
        return (effectif >= reel ? effectif : null, reel, pour, contre, abstention);
    }

    static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    static string Nombre(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string[] Ligne(Deliberation d)
    {
        var v = Votes(d);
        // A budget name without a year is allowed; a year always comes with its name (the rules require both).
        return
        [
            d.CollectiviteNom, d.CollectiviteSiret, d.Numero, Date(d.DateSeance), d.MatiereCode, d.MatiereNom, d.Objet, d.BudgetAnnee ?? "",
            d.BudgetNom ?? "", d.PrefId ?? "", Date(d.DateTransmission), Nombre(v?.Effectif), Nombre(v?.Reel), Nombre(v?.Pour), Nombre(v?.Contre),
            Nombre(v?.Abstention), d.Url ?? "",
        ];
    }

    /// <summary>Writes the whole register, oldest session first, in pages of 2 000 acts (memory stays flat on large registers).</summary>
    public static async Task<int> EcrireAsync(AppDbContext db, TextWriter sortie, CancellationToken ct)
    {
        using var csv = new Csv.Ecrivain(sortie);
        csv.Ligne(Colonnes);
        var n = 0;
        var dernier = (Date: DateOnly.MinValue, Id: 0);
        while (true)
        {
            var (date, id) = dernier;
            // The columns the file needs, never the attached act's bytes.
            var page = await db.Deliberations.AsNoTracking()
                .Where(d => d.DateSeance > date || (d.DateSeance == date && d.Id > id))
                .OrderBy(d => d.DateSeance).ThenBy(d => d.Id).Take(2000)
                .Select(d => new Deliberation
                {
                    Id = d.Id, CollectiviteNom = d.CollectiviteNom, CollectiviteSiret = d.CollectiviteSiret, Numero = d.Numero, DateSeance = d.DateSeance,
                    MatiereCode = d.MatiereCode, Objet = d.Objet, BudgetAnnee = d.BudgetAnnee, BudgetNom = d.BudgetNom, PrefId = d.PrefId,
                    DateTransmission = d.DateTransmission, MembresEnExercice = d.MembresEnExercice, Presents = d.Presents, Representes = d.Representes,
                    Excuses = d.Excuses, Unanimite = d.Unanimite, VotePour = d.VotePour, VoteContre = d.VoteContre, VoteAbstention = d.VoteAbstention,
                    NonParticipation = d.NonParticipation, Adoptee = d.Adoptee, Url = d.Url,
                }).ToListAsync(ct);
            foreach (var d in page) csv.Ligne(Ligne(d));
            n += page.Count;
            if (page.Count < 2000) return n;
            dernier = (page[^1].DateSeance, page[^1].Id);
        }
    }

    public static async Task<string> TexteAsync(AppDbContext db, CancellationToken ct)
    {
        var texte = new StringWriter(CultureInfo.InvariantCulture);
        await EcrireAsync(db, texte, ct);
        return texte.ToString();
    }
}
