using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Features.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Beneficiaires;

/// <summary>People files — duplicates: detection and merge.</summary>
public static partial class GererBeneficiaires
{
    /// <summary>Pairs of files of the same structures that probably are one person: close names (same letters, swapped first and
    /// last name, or one or two typing differences) and the same phone, e-mail or birth year.</summary>
    public static async Task<List<Doublon>> DoublonsAsync(AppDbContext db, HashSet<int> structures, CancellationToken ct)
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
                        if (!vues.Add((a.Id, b.Id)) || nonDoublons.Contains((a.Id, b.Id)) || !NomsProches(a, b)) continue;
                        var raisons = new List<string> { "noms proches" };
                        if (a.Telephone is not null && a.Telephone == b.Telephone) raisons.Add("même téléphone");
                        if (a.Courriel is not null && a.Courriel == b.Courriel) raisons.Add("même courriel");
                        if (a.AnneeNaissance is not null && a.AnneeNaissance == b.AnneeNaissance) raisons.Add("même année de naissance");
                        paires.Add(new Doublon(Resume(a), Resume(b), string.Join(", ", raisons)));
                    }
            }
        }
        return paires.OrderBy(p => p.A.Nom).ToList();
    }

    static IEnumerable<string> Cles(Beneficiaire f)
    {
        if (f.Telephone is not null) yield return "t" + f.Telephone;
        if (f.Courriel is not null) yield return "c" + f.Courriel;
        if (f.AnneeNaissance is not null) yield return "a" + f.AnneeNaissance;
    }

    public static bool NomsProches(Beneficiaire a, Beneficiaire b)
    {
        string Nom(Beneficiaire x) => Texte.Compacter(x.Nom);
        string Prenom(Beneficiaire x) => Texte.Compacter(x.Prenom);
        var (na, pa, nb, pb) = (Nom(a), Prenom(a), Nom(b), Prenom(b));
        if (na.Length == 0 || nb.Length == 0) return false;
        return (Distance(na, nb) + Distance(pa, pb) <= 2) || (Distance(na, pb) + Distance(pa, nb) <= 1);
    }

    /// <summary>Levenshtein distance, stopping early: only "at most 2" matters.</summary>
    public static int Distance(string s, string t)
    {
        if (Math.Abs(s.Length - t.Length) > 2) return 3;
        var precedente = new int[t.Length + 1];
        var courante = new int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++) precedente[j] = j;
        for (var i = 1; i <= s.Length; i++)
        {
            courante[0] = i;
            for (var j = 1; j <= t.Length; j++)
                courante[j] = Math.Min(Math.Min(courante[j - 1] + 1, precedente[j] + 1), precedente[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
            (precedente, courante) = (courante, precedente);
        }
        return precedente[t.Length];
    }

    /// <summary>Merges <paramref name="absorberId"/> into <paramref name="garderId"/>: its records, workshop participations, referrals and
    /// diagnostics move over, empty fields are completed, and the absorbed file is deleted — in one transaction.</summary>
    public static async Task FusionnerAsync(AppDbContext db, HashSet<int> structures, int garderId, int absorberId, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        if (garderId == absorberId) throw new RegleMetierException("Choisissez deux fiches différentes.", "AbsorberId");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var garder = await ChargerAsync(db, structures, garderId, ct);
        var absorber = await ChargerAsync(db, structures, absorberId, ct);
        if (garder.StructureId != absorber.StructureId) throw new RegleMetierException("Les deux fiches doivent appartenir à la même structure.");
        if (garder.AnonymiseLe is not null || absorber.AnonymiseLe is not null) throw new RegleMetierException("Une fiche anonymisée ne se fusionne pas.");
        await db.Activites.Where(a => a.BeneficiaireId == absorberId).ExecuteUpdateAsync(u => u.SetProperty(a => a.BeneficiaireId, garderId), ct);
        // A workshop where both files took part keeps one participation.
        var communs = await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId && db.ParticipantsActivites.Any(q => q.ActiviteId == p.ActiviteId && q.BeneficiaireId == garderId))
            .Select(p => p.ActiviteId).ToListAsync(ct);
        if (communs.Count > 0)
        {
            await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId && communs.Contains(p.ActiviteId)).ExecuteDeleteAsync(ct);
            await db.Activites.Where(a => communs.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.ParticipantsNommes, a => a.ParticipantsNommes - 1), ct);
        }
        var participations = await db.ParticipantsActivites.Where(p => p.BeneficiaireId == absorberId).ToListAsync(ct);
        db.ParticipantsActivites.RemoveRange(participations);
        await db.SaveChangesAsync(ct);
        db.ParticipantsActivites.AddRange(participations.Select(p => new ParticipantActivite { ActiviteId = p.ActiviteId, BeneficiaireId = garderId }));
        await db.Orientations.Where(o => o.BeneficiaireId == absorberId).ExecuteUpdateAsync(u => u.SetProperty(o => o.BeneficiaireId, garderId), ct);
        await db.Diagnostics.Where(d => d.BeneficiaireId == absorberId).ExecuteUpdateAsync(u => u.SetProperty(d => d.BeneficiaireId, garderId), ct);
        garder.Telephone ??= absorber.Telephone;
        garder.Courriel ??= absorber.Courriel;
        garder.AnneeNaissance ??= absorber.AnneeNaissance;
        if (garder.Genre == VocabulaireCoop.NonCommunique) garder.Genre = absorber.Genre;
        if (garder.Statut == VocabulaireCoop.StatutNonCommunique) garder.Statut = absorber.Statut;
        if (garder.Commune is null) { garder.Commune = absorber.Commune; garder.CodePostal = absorber.CodePostal; garder.CodeQpv = absorber.CodeQpv; }
        if (absorber.Notes is not null) garder.Notes = garder.Notes is null ? absorber.Notes : $"{garder.Notes}\n{absorber.Notes}"[..Math.Min(2000, garder.Notes.Length + 1 + absorber.Notes.Length)];
        if (absorber.CreeLe < garder.CreeLe) garder.CreeLe = absorber.CreeLe;
        if (absorber.DerniereActiviteLe > garder.DerniereActiviteLe) garder.DerniereActiviteLe = absorber.DerniereActiviteLe;
        garder.ModifieLe = Maintenant(h);
        db.Beneficiaires.Remove(absorber);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Fusion", Journal.FicheBeneficiaire, garderId, $"fiche n° {absorberId} fusionnée dans celle-ci");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
