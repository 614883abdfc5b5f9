using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Features.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Beneficiaires;

/// <param name="DerniereActiviteLe">Last accompaniment, referral, diagnostic or change (what the retention job counts from).</param>
/// <param name="DernierAccompagnement">Date of the person's last accompaniment (individual record or workshop), what "last activity" means to a mediator.</param>
public sealed record BeneficiaireResume(int Id, bool Suivi, string Nom, int? AnneeNaissance, string? Commune, string? CodeQpv, DateTime DerniereActiviteLe,
    DateOnly? DernierAccompagnement = null);

public sealed record OrientationDto(int Id, DateOnly Date, string Categorie, int? LieuId, string? Destinataire, string Motif, string Resultat, DateOnly? ResultatLe);

public sealed record DiagnosticDto(int Id, DateOnly Date, IReadOnlyDictionary<string, int> Niveaux, string? Notes);

public sealed record BeneficiaireDto(int Id, int StructureId, bool Suivi, string? Prenom, string? Nom, string? Telephone, string? Courriel, int? AnneeNaissance,
    string TrancheAge, string Genre, string Statut, string? Commune, string? CodePostal, string? CodeQpv, string? NomQpv, DateTime? ConsentementLe, string? Notes,
    DateTime CreeLe, DateTime DerniereActiviteLe, DateTime? AnonymiseLe, int Accompagnements, IReadOnlyList<OrientationDto> Orientations, IReadOnlyList<DiagnosticDto> Diagnostics);

public sealed record Doublon(BeneficiaireResume A, BeneficiaireResume B, string Raison);

public sealed record OrientationSaisie(DateOnly? Date, string? Categorie, int? LieuId, string? Destinataire, string? Motif);

public sealed record ResultatSaisie(string? Resultat, DateOnly? Le);

public sealed record DiagnosticSaisie(DateOnly? Date, Dictionary<string, int>? Niveaux, string? Notes);

public sealed record FusionSaisie(int? AbsorberId);

public sealed record RapportImportBeneficiaires(int Crees, IReadOnlyList<string> Erreurs, string? NoteEncodage = null);

/// <summary>Use cases on personal files. Every entry point is given the structures the account may see
/// (<see cref="AccesBeneficiaires.StructuresAsync"/>) and refuses files of other structures.</summary>
public static partial class GererBeneficiaires
{
    public sealed class AccesRefuseException() : Exception("Cette fiche appartient à une autre structure : vous ne pouvez pas l'ouvrir.");

    static DateTime Maintenant(TimeProvider h) => h.GetUtcNow().UtcDateTime;

    public static async Task<Beneficiaire> ChargerAsync(AppDbContext db, HashSet<int> structures, int id, CancellationToken ct)
    {
        var b = await db.Beneficiaires.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException("Fiche bénéficiaire introuvable.");
        if (!structures.Contains(b.StructureId)) throw new AccesRefuseException();
        return b;
    }

    public static async Task<List<BeneficiaireResume>> ListerAsync(AppDbContext db, HashSet<int> structures, string? recherche, int max, CancellationToken ct)
    {
        var q = db.Beneficiaires.AsNoTracking().Where(b => structures.Contains(b.StructureId));
        if (!string.IsNullOrWhiteSpace(recherche)) q = Filtrer(q, recherche.Trim());
        var liste = await q.OrderByDescending(b => b.Suivi).ThenBy(b => b.NomRecherche).ThenByDescending(b => b.Id).Take(max).ToListAsync(ct);
        return await ResumesAsync(db, liste, ct);
    }

    /// <summary>Summaries with each person's last accompaniment: their own records and the workshops they took part in.</summary>
    public static async Task<List<BeneficiaireResume>> ResumesAsync(AppDbContext db, List<Beneficiaire> fiches, CancellationToken ct)
    {
        var ids = fiches.Select(b => b.Id).ToList();
        var dates = (await db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value))
                .GroupBy(a => a.BeneficiaireId!.Value).Select(g => new { Id = g.Key, Date = g.Max(a => a.Date) }).ToListAsync(ct))
            .Concat(await (from p in db.ParticipantsActivites join a in db.Activites on p.ActiviteId equals a.Id where ids.Contains(p.BeneficiaireId)
                           group a.Date by p.BeneficiaireId into g select new { Id = g.Key, Date = g.Max() }).ToListAsync(ct))
            .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Max(x => x.Date));
        return fiches.Select(b => Resume(b) with { DernierAccompagnement = dates.TryGetValue(b.Id, out var d) ? d : null }).ToList();
    }

    /// <summary>Finds a file as people type: a phone number in any French writing (06 11 11 11 11, 0611111111, +33 6…), the start or end
    /// of one, a name with or without its apostrophes, hyphens, accents and capitals, in any order ("Ndiaye" finds "N'Diaye Jean-Baptiste"),
    /// an e-mail address whatever its case, or a file number. Names are compared the way duplicate detection does (<see cref="Texte.Compacter"/>).</summary>
    static IQueryable<Beneficiaire> Filtrer(IQueryable<Beneficiaire> q, string brut)
    {
        if (Identifiants.TelephoneInternational(brut) is { } telephone) return q.Where(b => b.Telephone == telephone);
        if (brut.Contains('@')) { var courriel = brut.ToLowerInvariant(); return q.Where(b => b.Courriel == courriel); }
        if (brut.Any(char.IsAsciiDigit) && brut.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')'))
        {
            var chiffres = new string(brut.Where(char.IsAsciiDigit).ToArray());
            var numero = brut[0] != '0' && chiffres.Length <= 9 && int.TryParse(chiffres, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (chiffres.Length < 4) return q.Where(b => b.Id == numero);
            // Stored numbers are international (+33…): a national start "06 11" is "+33611".
            var debut = brut[0] == '0' ? "+33" + chiffres[1..] : brut[0] == '+' ? "+" + chiffres : null;
            return debut is not null ? q.Where(b => b.Telephone!.StartsWith(debut)) : q.Where(b => b.Id == numero || b.Telephone!.Contains(chiffres));
        }
        foreach (var mot in brut.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Texte.Compacter).Where(m => m.Length > 0).Take(5))
            q = q.Where(b => b.NomRecherche!.Replace(" ", "").Contains(mot));
        return q;
    }

    public static BeneficiaireResume Resume(Beneficiaire b) => new(b.Id, b.Suivi, b.NomAffiche, b.AnneeNaissance, b.Commune, b.CodeQpv, b.DerniereActiviteLe);

    static async Task VerifierQpvAsync(AppDbContext db, BeneficiaireSaisie s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.CodeQpv)) return;
        var code = s.CodeQpv.Trim().ToUpperInvariant();
        var qpv = await db.Qpv.AsNoTracking().FirstOrDefaultAsync(q => q.Code == code, ct)
            ?? throw new RegleMetierException($"Quartier prioritaire « {s.CodeQpv} » inconnu de la liste QPV.", "CodeQpv");
        VerifierCommuneDuQpv(qpv, s);
    }

    /// <summary>The neighbourhood must lie in the commune typed (when the commune reference knows it).</summary>
    static void VerifierCommuneDuQpv(Qpv qpv, BeneficiaireSaisie s)
    {
        var insee = CommunesQpv.CodesInsee(s.Commune, s.CodePostal);
        if (insee.Count > 0 && !CommunesQpv.DansLaCommune(qpv, insee))
            throw new RegleMetierException($"Le quartier « {qpv.Nom} » n'est pas dans la commune indiquée : choisissez un quartier de la liste de la commune.", "CodeQpv");
    }

    /// <summary>The priority neighbourhoods of the commune typed (name and/or postcode); none until a known commune is typed.</summary>
    public static async Task<List<Qpv>> QuartiersDeLaCommuneAsync(AppDbContext db, string? commune, string? codePostal, CancellationToken ct)
    {
        var insee = CommunesQpv.CodesInsee(commune, codePostal);
        if (insee.Count == 0) return [];
        var departements = insee.Select(c => c[..2]).Distinct().ToList();
        var liste = await db.Qpv.AsNoTracking().Where(q => departements.Contains(q.Departement)).OrderBy(q => q.Nom).ToListAsync(ct);
        return liste.Where(q => CommunesQpv.DansLaCommune(q, insee)).ToList();
    }

    /// <summary>Followed files of the structure that are probably the person being created (same rules as <see cref="DoublonsAsync"/>),
    /// so that the form can warn before a second file is made.</summary>
    public static async Task<List<BeneficiaireResume>> DoublonsPossiblesAsync(AppDbContext db, HashSet<int> structures, BeneficiaireSaisie s, TimeProvider h, CancellationToken ct)
    {
        if (!s.Suivi || string.IsNullOrWhiteSpace(s.Nom)) return [];
        var structure = s.StructureId ?? (structures.Count == 1 ? structures.First() : 0);
        if (!structures.Contains(structure)) return [];
        var candidat = new Beneficiaire { StructureId = structure };
        try { candidat.Modifier(s with { Consentement = true }, Maintenant(h).Year, Maintenant(h), null); }
        catch (RegleMetierException) { return []; }
        var (telephone, courriel, annee) = (candidat.Telephone, candidat.Courriel, candidat.AnneeNaissance);
        if (telephone is null && courriel is null && annee is null) return [];
        var proches = await db.Beneficiaires.AsNoTracking().Where(b => b.StructureId == structure && b.Suivi && b.AnonymiseLe == null
            && ((telephone != null && b.Telephone == telephone) || (courriel != null && b.Courriel == courriel) || (annee != null && b.AnneeNaissance == annee)))
            .Take(500).ToListAsync(ct);
        return await ResumesAsync(db, proches.Where(b => NomsProches(b, candidat)).ToList(), ct);
    }

    public static async Task<Beneficiaire> CreerAsync(AppDbContext db, HashSet<int> structures, BeneficiaireSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        int structure;
        if (s.StructureId is { } choisie) structure = structures.Contains(choisie) ? choisie : throw new RegleMetierException("Vous ne travaillez pas pour cette structure.", "StructureId");
        else if (structures.Count == 1) structure = structures.First();
        else throw new RegleMetierException("Choisissez la structure qui suit la personne.", "StructureId");
        await VerifierQpvAsync(db, s, ct);
        var maintenant = Maintenant(h);
        var b = new Beneficiaire { StructureId = structure, CreeLe = maintenant };
        b.Modifier(s, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
        db.Beneficiaires.Add(b);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Création", Journal.FicheBeneficiaire, b.Id, b.Suivi ? "fiche suivie, consentement noté" : "fiche anonyme");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return b;
    }

    public static async Task ModifierAsync(AppDbContext db, HashSet<int> structures, int id, BeneficiaireSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        await VerifierQpvAsync(db, s, ct);
        var avant = Champs(b);
        var maintenant = Maintenant(h);
        b.Modifier(s, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
        var apres = Champs(b);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Modification", Journal.FicheBeneficiaire, id,
            string.Join(", ", apres.Where(kv => avant[kv.Key] != kv.Value).Select(kv => kv.Key)) is { Length: > 0 } c ? "champs modifiés : " + c : "aucun changement");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Field names whose values changed (the journal names the fields, not the personal values).</summary>
    static Dictionary<string, string?> Champs(Beneficiaire b) => new()
    {
        ["suivi"] = b.Suivi.ToString(), ["prénom"] = b.Prenom, ["nom"] = b.Nom, ["téléphone"] = b.Telephone, ["courriel"] = b.Courriel,
        ["année de naissance"] = b.AnneeNaissance?.ToString(CultureInfo.InvariantCulture), ["genre"] = b.Genre, ["statut"] = b.Statut, ["commune"] = b.Commune,
        ["code postal"] = b.CodePostal, ["QPV"] = b.CodeQpv, ["notes"] = b.Notes,
    };

    /// <summary>Opens a file: the view is written to the journal (who, when).</summary>
    public static async Task<BeneficiaireDto> LireAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Consultation", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        var qpv = b.CodeQpv is null ? null : await db.Qpv.Where(q => q.Code == b.CodeQpv).Select(q => q.Nom).FirstOrDefaultAsync(ct);
        var acc = await db.Activites.CountAsync(a => a.BeneficiaireId == id, ct) + await db.ParticipantsActivites.CountAsync(p => p.BeneficiaireId == id, ct);
        var orientations = await db.Orientations.AsNoTracking().Where(o => o.BeneficiaireId == id).OrderByDescending(o => o.Date).ThenByDescending(o => o.Id)
            .Select(o => new OrientationDto(o.Id, o.Date, o.Categorie, o.LieuId, o.Destinataire ?? (o.Lieu != null ? o.Lieu.Nom : null), o.Motif, o.Resultat, o.ResultatLe)).ToListAsync(ct);
        var diagnostics = await db.Diagnostics.AsNoTracking().Include(d => d.Niveaux).Where(d => d.BeneficiaireId == id).OrderBy(d => d.Date).ThenBy(d => d.Id).ToListAsync(ct);
        return new BeneficiaireDto(b.Id, b.StructureId, b.Suivi, b.Prenom, b.Nom, b.Telephone, b.Courriel, b.AnneeNaissance,
            VocabulaireCoop.TrancheAge(b.AnneeNaissance, Maintenant(h).Year), b.Genre, b.Statut, b.Commune, b.CodePostal, b.CodeQpv, qpv, b.ConsentementLe, b.Notes,
            b.CreeLe, b.DerniereActiviteLe, b.AnonymiseLe, acc, orientations,
            diagnostics.Select(d => new DiagnosticDto(d.Id, d.Date, d.Niveaux.ToDictionary(n => n.Competence, n => n.Niveau), d.Notes)).ToList());
    }

}

/// <summary>Field errors of a use case, answered as a 400 ValidationProblem.</summary>
public sealed class SaisieInvalideException(Dictionary<string, string[]> erreurs) : Exception("Saisie invalide")
{
    public Dictionary<string, string[]> Erreurs { get; } = erreurs;
}
