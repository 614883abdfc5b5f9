using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Financer.Subventions;

/// <summary>One grant as listed (API and pages). Amounts in cents; <c>reste</c> = <c>montant</c> − <c>paye</c>.</summary>
public sealed record SubventionDto(int Id, int Exercice, int FinanceurId, string Financeur, int BeneficiaireId, string Beneficiaire,
    string? BeneficiaireSiret, string Objet, long Montant, long Engage, long Paye, long Reste, string Statut, int? EnveloppeId, string? Enveloppe,
    int? DeliberationId, string? Deliberation, string Nature, string ConditionsVersement, DateOnly? VersementDebut, DateOnly? VersementFin);

/// <summary>One movement as listed; <c>par</c> is null for a funder's account (never a person's data).</summary>
public sealed record MouvementDto(long Id, string Type, long Montant, DateOnly Date, string? Numero, DateTime EnregistreLe, string? Par);

/// <summary>A grant with its ledger.</summary>
public sealed record SubventionDetailDto(SubventionDto Subvention, IReadOnlyList<MouvementDto> Mouvements);

/// <summary>Planned / voted / committed / paid / remaining of a budget line, in cents. <c>Reste</c> = voted − paid.</summary>
public sealed record Totaux(long Prevu, long Vote, long Engage, long Paye)
{
    public long Reste => Vote - Paye;
    public static readonly Totaux Zero = new(0, 0, 0, 0);
    public static Totaux operator +(Totaux a, Totaux b) => new(a.Prevu + b.Prevu, a.Vote + b.Vote, a.Engage + b.Engage, a.Paye + b.Paye);
}

/// <summary>One envelope on the board: its own line and its sub-envelopes rolled up.</summary>
public sealed record LigneEnveloppe(int? Id, int FinanceurId, string Financeur, string Libelle, string? Code, Totaux Totaux);

/// <summary>Criteria of <c>GET /api/v1/subventions</c>: <c>financeur</c> and <c>beneficiaire</c> are an id or a SIRET.</summary>
public sealed record CriteresSubventions(int? Annee, string? Financeur, string? Beneficiaire, string? Statut);

/// <summary>Read side of the funding chain, for the pages, the API and other features (conventions, reports).</summary>
public static class RequetesFinancement
{
    public static IQueryable<SubventionDto> Projeter(IQueryable<Subvention> q) => q.Select(s => new SubventionDto(s.Id, s.Exercice, s.FinanceurId,
        s.Financeur!.Nom, s.BeneficiaireId, s.Beneficiaire!.Nom, s.Beneficiaire.Siret, s.Objet, s.MontantCentimes, s.EngageCentimes, s.PayeCentimes,
        s.MontantCentimes - s.PayeCentimes, s.Statut, s.EnveloppeId, s.Enveloppe == null ? null : s.Enveloppe.Libelle, s.DeliberationId,
        s.Deliberation == null ? s.ReferenceDecision : s.Deliberation.Numero, s.Nature, s.ConditionsVersement, s.VersementDebut, s.VersementFin));

    /// <summary>The grants of one structure (as beneficiary), every funder and year, newest first — for the conventions and
    /// reports pages. The caller applies the account's perimeter when it has one (<paramref name="perimetre"/>).</summary>
    public static Task<List<SubventionDto>> SubventionsDeStructureAsync(AppDbContext db, int structureId, CancellationToken ct, PerimetreFinancement? perimetre = null) =>
        Projeter((perimetre ?? new PerimetreFinancement(true, null, [])).Filtrer(db.Set<Subvention>().AsNoTracking()).Where(s => s.BeneficiaireId == structureId)
            .OrderByDescending(s => s.Exercice).ThenBy(s => s.Financeur!.Nom).ThenBy(s => s.Id)).ToListAsync(ct);

    /// <summary>One grant and its ledger, or null when it does not exist or is outside the perimeter.</summary>
    public static async Task<SubventionDetailDto?> DetailAsync(AppDbContext db, int id, PerimetreFinancement p, CancellationToken ct)
    {
        var s = await Projeter(p.Filtrer(db.Set<Subvention>().AsNoTracking()).Where(x => x.Id == id)).FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var avecAuteur = !p.EstFinanceur;
        var m = await db.Set<MouvementSubvention>().AsNoTracking().Where(x => x.SubventionId == id).OrderBy(x => x.Date).ThenBy(x => x.Id)
            .Select(x => new MouvementDto(x.Id, x.Type, x.MontantCentimes, x.Date, x.Numero, x.EnregistreLe, avecAuteur ? x.EnregistrePar : null)).ToListAsync(ct);
        return new(s, m);
    }

    public static Dictionary<string, string[]> Verifier(CriteresSubventions c)
    {
        var e = new Dictionary<string, string[]>();
        if (c.Annee is < 2000 or > 2100) e["annee"] = ["L'année est entre 2000 et 2100."];
        if (c.Statut is not null && !StatutsSubvention.Existe(c.Statut)) e["statut"] = ["Statut inconnu : " + string.Join(", ", StatutsSubvention.Tous.Select(x => x.Code)) + "."];
        if (c.Financeur is { Length: > 0 } f && !int.TryParse(f, out _) && !(f.Length == 14 && f.All(char.IsAsciiDigit))) e["financeur"] = ["Le financeur est un identifiant ou un SIRET (14 chiffres)."];
        if (c.Beneficiaire is { Length: > 0 } b && !int.TryParse(b, out _) && !(b.Length == 14 && b.All(char.IsAsciiDigit)) && !(b.Length == 10 && b[0] is 'W' or 'w'))
            e["beneficiaire"] = ["Le bénéficiaire est un identifiant, un SIRET (14 chiffres) ou un numéro RNA."];
        return e;
    }

    /// <summary>The grants matching the criteria inside the perimeter, newest first, at most 1 000.</summary>
    public static Task<List<SubventionDto>> RechercherAsync(AppDbContext db, CriteresSubventions c, PerimetreFinancement p, CancellationToken ct)
    {
        var q = p.Filtrer(db.Set<Subvention>().AsNoTracking());
        if (c.Annee is { } a) q = q.Where(s => s.Exercice == a);
        if (c.Statut is { } st) q = q.Where(s => s.Statut == st);
        if (c.Financeur is { Length: > 0 } f)
            q = int.TryParse(f, out var fid) ? q.Where(s => s.FinanceurId == fid) : q.Where(s => s.Financeur!.Siret == f);
        if (c.Beneficiaire is { Length: > 0 } b)
            q = int.TryParse(b, out var bid) ? q.Where(s => s.BeneficiaireId == bid) : q.Where(s => s.Beneficiaire!.Siret == b || s.Beneficiaire.Rna == b.ToUpperInvariant());
        return Projeter(q.OrderByDescending(s => s.Exercice).ThenByDescending(s => s.Id).Take(1000)).ToListAsync(ct);
    }

    /// <summary>Voted / committed / paid per envelope of one exercise (grants without an envelope on a line of their funder),
    /// sub-envelopes rolled up into their top envelope; one grouped SQL query over the grants' running totals.</summary>
    public static async Task<List<LigneEnveloppe>> TableauAsync(AppDbContext db, int exercice, PerimetreFinancement p, CancellationToken ct)
    {
        var enveloppes = await p.Filtrer(db.Set<Enveloppe>().AsNoTracking()).Where(e => e.Exercice == exercice)
            .Select(e => new { e.Id, e.ParentId, e.FinanceurId, Financeur = e.Financeur!.Nom, e.Libelle, e.SousPolitique, e.Nature, e.Fonction, e.MontantPrevuCentimes }).ToListAsync(ct);
        var votes = Votes;
        var sommes = await p.Filtrer(db.Set<Subvention>().AsNoTracking()).Where(s => s.Exercice == exercice && votes.Contains(s.Statut))
            .GroupBy(s => new { s.FinanceurId, s.EnveloppeId })
            .Select(g => new { g.Key.FinanceurId, g.Key.EnveloppeId, Vote = g.Sum(s => s.MontantCentimes), Engage = g.Sum(s => s.EngageCentimes), Paye = g.Sum(s => s.PayeCentimes) })
            .ToListAsync(ct);
        var parId = enveloppes.ToDictionary(e => e.Id);
        int Racine(int id) { var e = parId[id]; var n = 0; while (e.ParentId is { } pid && parId.ContainsKey(pid) && n++ < 50) e = parId[pid]; return e.Id; }
        var lignes = new Dictionary<(int F, int? E), Totaux>();
        foreach (var e in enveloppes.Where(e => e.ParentId is null || !parId.ContainsKey(e.ParentId.Value)))
            lignes[(e.FinanceurId, e.Id)] = new Totaux(e.MontantPrevuCentimes, 0, 0, 0);
        var noms = await db.Set<Financeur>().AsNoTracking().Select(f => new { f.Id, f.Nom }).ToDictionaryAsync(f => f.Id, f => f.Nom, ct);
        foreach (var s in sommes)
        {
            int? cle = s.EnveloppeId is { } eid && parId.ContainsKey(eid) ? Racine(eid) : null;
            lignes[(s.FinanceurId, cle)] = lignes.GetValueOrDefault((s.FinanceurId, cle), Totaux.Zero) + new Totaux(0, s.Vote, s.Engage, s.Paye);
        }
        return lignes.Select(l =>
        {
            var e = l.Key.E is { } id ? parId[id] : null;
            return new LigneEnveloppe(l.Key.E, l.Key.F, noms.GetValueOrDefault(l.Key.F, "?"), e?.Libelle ?? "Hors enveloppe",
                e is null ? null : Code(e.SousPolitique, e.Nature, e.Fonction), l.Value);
        }).OrderBy(l => l.Financeur).ThenBy(l => l.Id is null).ThenBy(l => l.Libelle).ToList();
    }

    static readonly string[] Votes = GestionSubventions.Votes;

    public static string? Code(string? sousPolitique, string? nature, string? fonction) =>
        string.Join("/", new[] { sousPolitique, nature, fonction }.Where(x => !string.IsNullOrEmpty(x))) is { Length: > 0 } c ? c : null;

    /// <summary>An envelope's totals: its planned amount, and the voted / committed / paid of its grants and of every sub-envelope below it.</summary>
    public static async Task<(Totaux Totaux, List<int> Descendants)> TotauxEnveloppeAsync(AppDbContext db, Enveloppe e, CancellationToken ct)
    {
        var toutes = await db.Set<Enveloppe>().AsNoTracking().Where(x => x.FinanceurId == e.FinanceurId).Select(x => new { x.Id, x.ParentId }).ToListAsync(ct);
        var ids = new List<int> { e.Id };
        for (var i = 0; i < ids.Count && ids.Count < 10_000; i++) ids.AddRange(toutes.Where(x => x.ParentId == ids[i] && !ids.Contains(x.Id)).Select(x => x.Id));
        var votes = Votes;
        var s = await db.Set<Subvention>().AsNoTracking().Where(x => x.EnveloppeId != null && ids.Contains(x.EnveloppeId.Value) && votes.Contains(x.Statut))
            .GroupBy(_ => 1).Select(g => new { Vote = g.Sum(x => x.MontantCentimes), Engage = g.Sum(x => x.EngageCentimes), Paye = g.Sum(x => x.PayeCentimes) })
            .FirstOrDefaultAsync(ct);
        return (new Totaux(e.MontantPrevuCentimes, s?.Vote ?? 0, s?.Engage ?? 0, s?.Paye ?? 0), ids);
    }
}
