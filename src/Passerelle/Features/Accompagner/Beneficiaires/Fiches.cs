using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <param name="DerniereActiviteLe">Last accompaniment, referral, diagnostic or change (what the retention job counts from).</param>
/// <param name="DernierAccompagnement">Date of the person's last accompaniment (individual record or workshop), what "last activity" means to a mediator.</param>
public sealed record BeneficiaireResume(int Id, bool Suivi, string Nom, int? AnneeNaissance, string? Commune, string? CodeQpv, DateTime DerniereActiviteLe,
    DateOnly? DernierAccompagnement = null);

/// <summary>What the use cases on personal files share. Every use case is given the structures the account may see
/// (<see cref="AccesBeneficiaires.StructuresAsync"/>) and refuses files of other structures.</summary>
public static class Fiches
{
    internal static DateTime Maintenant(TimeProvider h) => h.GetUtcNow().UtcDateTime;

    /// <summary>The file, tracked. Unknown id: <see cref="KeyNotFoundException"/> (404); another structure's file:
    /// <see cref="AccesRefuseException"/> (403).</summary>
    public static async Task<Beneficiaire> ChargerAsync(AppDbContext db, HashSet<int> structures, int id, CancellationToken ct)
    {
        var b = await db.Beneficiaires.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Fiche bénéficiaire introuvable.");
        if (!structures.Contains(b.StructureId)) throw new AccesRefuseException("Cette fiche appartient à une autre structure : vous ne pouvez pas l'ouvrir.");
        return b;
    }

    public static BeneficiaireResume Resume(Beneficiaire b) => new(b.Id, b.Suivi, b.NomAffiche, b.AnneeNaissance, b.Commune, b.CodeQpv, b.DerniereActiviteLe);

    /// <summary>Summaries with each person's last accompaniment: their own records and the workshops they took part in.</summary>
    public static async Task<List<BeneficiaireResume>> ResumesAsync(AppDbContext db, List<Beneficiaire> fiches, CancellationToken ct)
    {
        var ids = fiches.Select(b => b.Id).ToList();
        var dates = await AccompagnementsDesFiches.De(db).DerniersAsync(db, ids, ct);
        return fiches.Select(b => Resume(b) with { DernierAccompagnement = dates.TryGetValue(b.Id, out var d) ? d : null }).ToList();
    }

    /// <summary>The structure that will hold a new file: the one chosen (if the account works for it), or the account's only one.</summary>
    internal static int StructureChoisie(HashSet<int> structures, int? choisie, string champ, string siPlusieurs)
    {
        if (choisie is { } s) return structures.Contains(s) ? s : throw new RegleMetierException("Vous ne travaillez pas pour cette structure.", champ);
        return structures.Count == 1 ? structures.First() : throw new RegleMetierException(siPlusieurs, champ);
    }

    internal static async Task VerifierQpvAsync(AppDbContext db, BeneficiaireSaisie s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.CodeQpv)) return;
        var code = s.CodeQpv.Trim().ToUpperInvariant();
        var qpv = await db.Qpv.AsNoTracking().FirstOrDefaultAsync(q => q.Code == code, ct)
            ?? throw new RegleMetierException($"Quartier prioritaire « {s.CodeQpv} » inconnu de la liste QPV.", "CodeQpv");
        VerifierCommuneDuQpv(qpv, s);
    }

    /// <summary>The neighbourhood must lie in the commune typed (when the commune reference knows it).</summary>
    internal static void VerifierCommuneDuQpv(Qpv qpv, BeneficiaireSaisie s)
    {
        var insee = CommunesQpv.CodesInsee(s.Commune, s.CodePostal);
        if (insee.Count > 0 && !CommunesQpv.DansLaCommune(qpv, insee))
            throw new RegleMetierException($"Le quartier « {qpv.Nom} » n'est pas dans la commune indiquée : choisissez un quartier de la liste de la commune.", "CodeQpv");
    }
}
