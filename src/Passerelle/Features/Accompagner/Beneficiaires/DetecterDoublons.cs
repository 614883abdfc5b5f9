using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

public sealed record Doublon(BeneficiaireResume A, BeneficiaireResume B, string Raison);

/// <summary>Pairs of files of the same structures that probably are one person: close names (<see cref="RessemblanceNoms"/>) and the
/// same phone, e-mail or birth year. Pairs marked "two different people" (<see cref="MarquerNonDoublon"/>) are left out.</summary>
public static class DetecterDoublons
{
    public static async Task<List<Doublon>> ExecuterAsync(AppDbContext db, HashSet<int> structures, CancellationToken ct)
    {
        var fiches = await db.Beneficiaires.AsNoTracking().Where(b => structures.Contains(b.StructureId) && b.Suivi && b.AnonymiseLe == null).ToListAsync(ct);
        var paires = new List<Doublon>();
        var ids = fiches.Select(f => f.Id).ToList();
        var nonDoublons = (await db.Set<NonDoublon>().AsNoTracking().Where(n => ids.Contains(n.BeneficiaireA)).Select(n => new { n.BeneficiaireA, n.BeneficiaireB }).ToListAsync(ct))
            .Select(n => (n.BeneficiaireA, n.BeneficiaireB)).ToHashSet();
        foreach (var parStructure in fiches.GroupBy(f => f.StructureId))
        {
            var liste = parStructure.OrderBy(f => f.Id).ToList();
            // Compare within blocks sharing a contact or a birth year, so that large structures stay fast.
            var vues = new HashSet<(int, int)>();
            foreach (var bloc in liste.SelectMany(f => Cles(f).Select(k => (k, f))).GroupBy(x => x.k, x => x.f).Where(g => g.Count() > 1))
            {
                var membres = bloc.ToList();
                for (var i = 0; i < membres.Count; i++)
                    for (var j = i + 1; j < membres.Count; j++)
                    {
                        var (a, b) = (membres[i], membres[j]);
                        if (!vues.Add((a.Id, b.Id)) || nonDoublons.Contains((a.Id, b.Id)) || !RessemblanceNoms.Proches(a, b)) continue;
                        paires.Add(new Doublon(Fiches.Resume(a), Fiches.Resume(b), Raisons(a, b)));
                    }
            }
        }
        return paires.OrderBy(p => p.A.Nom).ToList();
    }

    /// <summary>Why two files with close names look like one person: « noms proches, même téléphone »…</summary>
    internal static string Raisons(Beneficiaire a, Beneficiaire b)
    {
        var raisons = new List<string> { "noms proches" };
        if (a.Telephone is not null && a.Telephone == b.Telephone) raisons.Add("même téléphone");
        if (a.Courriel is not null && a.Courriel == b.Courriel) raisons.Add("même courriel");
        if (a.AnneeNaissance is not null && a.AnneeNaissance == b.AnneeNaissance) raisons.Add("même année de naissance");
        return string.Join(", ", raisons);
    }

    /// <summary>The keys that put two files in the same comparison block: a file is compared only with files sharing its phone,
    /// e-mail or birth year.</summary>
    internal static IEnumerable<string> Cles(Beneficiaire f)
    {
        if (f.Telephone is not null) yield return "t" + f.Telephone;
        if (f.Courriel is not null) yield return "c" + f.Courriel;
        if (f.AnneeNaissance is not null) yield return "a" + f.AnneeNaissance;
    }
}
