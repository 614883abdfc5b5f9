using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Activites;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Statistiques;

/// <summary>How the steps group records in the database and order the lines of a dimension.</summary>
static class Groupements
{
    /// <summary>Accompaniments of a record: 1 for an individual one, its participants for a workshop — only those in (or out of) a QPV under the QPV filter.</summary>
    static Expression<Func<Activite, int>> Acc(bool? qpv) => qpv switch
    {
        true => a => a.Type == VocabulaireCoop.Collectif ? a.Participants.Count(p => p.Beneficiaire!.CodeQpv != null) : 1,
        false => a => a.Type == VocabulaireCoop.Collectif ? a.Participants.Count(p => p.Beneficiaire!.CodeQpv == null && p.Beneficiaire.Commune != null) : 1,
        _ => a => a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes + a.ParticipantsNommes : 1,
    };

    sealed record Projection<TCle>(TCle Cle, int Acc, int Anon);

    /// <summary>One GROUP BY in the database per dimension; multi-valued fields are grouped by their |-joined value and split here.
    /// Returns per key: accompaniments, records, and anonymous workshop participants.</summary>
    public static async Task<List<(TCle Cle, int Acc, int N, int Anon)>> GrouperAsync<TCle>(IQueryable<Activite> q, Expression<Func<Activite, TCle>> cle, bool? qpv, CancellationToken ct)
    {
        var acc = Acc(qpv);
        Expression<Func<Activite, int>> anon = a => a.Type == VocabulaireCoop.Collectif ? a.ParticipantsAnonymes : 0;
        var p = Expression.Parameter(typeof(Activite), "a");
        var type = typeof(Projection<TCle>);
        var corps = Expression.New(type.GetConstructors()[0], [Expression.Invoke(cle, p), Expression.Invoke(acc, p), Expression.Invoke(anon, p)],
            type.GetProperty("Cle")!, type.GetProperty("Acc")!, type.GetProperty("Anon")!);
        var projection = q.Select(Expression.Lambda<Func<Activite, Projection<TCle>>>(corps, p));
        var lignes = await projection.GroupBy(x => x.Cle).Select(g => new { g.Key, Acc = g.Sum(x => x.Acc), N = g.Count(), Anon = g.Sum(x => x.Anon) }).ToListAsync(ct);
        return lignes.Select(l => (l.Key, l.Acc, l.N, l.Anon)).ToList();
    }

    /// <summary>Lines of a dimension summed by label, empty ones left out; ordered by label, by the given national order, or by size.</summary>
    public static List<Ligne> Ranger(IEnumerable<(string Cle, int Acc, int N)> valeurs, IEnumerable<string>? ordre = null, bool parLibelle = false)
    {
        var groupes = valeurs.GroupBy(v => v.Cle).Select(g => new Ligne(g.Key, g.Sum(x => x.Acc), g.Sum(x => x.N))).Where(l => l.Accompagnements > 0 || l.Activites > 0);
        var ordreListe = ordre?.ToList();
        return parLibelle ? groupes.OrderBy(g => g.Libelle).ToList()
            : ordreListe is null ? groupes.OrderByDescending(g => g.Accompagnements).ThenBy(g => g.Libelle).ToList()
            : groupes.OrderBy(g => ordreListe.IndexOf(g.Libelle) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Libelle).ToList();
    }

    /// <summary>A multi-valued field grouped by its |-joined value, split into one line per value (empty = "Non renseigné").</summary>
    public static IEnumerable<(string, int, int)> Eclater(List<(string? Cle, int Acc, int N, int Anon)> l) =>
        l.SelectMany(x => (string.IsNullOrEmpty(x.Cle) ? [CalculStatistiques.NonRenseigne] : x.Cle.Split('|')).Select(v => (v, x.Acc, x.N)));
}
