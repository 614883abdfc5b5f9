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
public static class GererBeneficiaires
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

    /// <summary>Everything Passerelle holds on the person (RGPD right of access), as JSON; the export is journaled.</summary>
    public static async Task<object> ExporterPersonneAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiche = await LireAsync(db, structures, id, user, h, ct);
        var activites = await db.Activites.AsNoTracking().Where(a => a.BeneficiaireId == id || a.Participants.Any(p => p.BeneficiaireId == id)).OrderBy(a => a.Date)
            .Select(a => new { a.Date, a.Type, a.DureeMinutes, a.TypeLieu, Lieu = a.Lieu != null ? a.Lieu.Nom : a.Commune, a.Themes, a.ThemesDemarches, a.NomDemarche, a.Autonomie, a.Orientation, a.Notes })
            .ToListAsync(ct);
        var journal = await db.Journal.AsNoTracking().Where(j => j.Objet == Journal.FicheBeneficiaire && j.ObjetId == id).OrderBy(j => j.Le).Select(j => new { j.Le, j.Action, j.Utilisateur }).ToListAsync(ct);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Export RGPD", Journal.FicheBeneficiaire, id);
        await db.SaveChangesAsync(ct);
        return new { fiche, activites, journal, exporteLe = Maintenant(h) };
    }

    /// <summary>Erases the person on request (RGPD): identity, contacts and notes are gone for good, free text of their records and
    /// referrals too; the anonymous figures stay for the statistics.</summary>
    public static async Task EffacerAsync(AppDbContext db, HashSet<int> structures, int id, ClaimsPrincipal? user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        await AnonymiserAsync(db, [b], Maintenant(h), ct);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Effacement", Journal.FicheBeneficiaire, id, "à la demande de la personne");
        await db.SaveChangesAsync(ct);
    }

    static async Task AnonymiserAsync(AppDbContext db, List<Beneficiaire> fiches, DateTime maintenant, CancellationToken ct)
    {
        var ids = fiches.Select(f => f.Id).ToList();
        foreach (var f in fiches) f.Anonymiser(maintenant);
        await db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Notes, (string?)null).SetProperty(a => a.NomDemarche, (string?)null), ct);
        await db.Orientations.Where(o => ids.Contains(o.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Motif, ""), ct);
        await db.Diagnostics.Where(d => ids.Contains(d.BeneficiaireId)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Notes, (string?)null), ct);
        // The journal keeps who did what and when, not the values: a record's old → new values (procedure name,
        // address, commune) and a referral's details would otherwise outlive the erasure.
        var activites = db.Activites.Where(a => a.BeneficiaireId != null && ids.Contains(a.BeneficiaireId.Value)).Select(a => a.Id);
        await db.Journal.Where(j => (j.Objet == Journal.CompteRendu && activites.Contains(j.ObjetId)) || (j.Objet == Journal.FicheBeneficiaire && ids.Contains(j.ObjetId)))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Details, "détails effacés avec les données de la personne"), ct);
    }

    /// <summary>The inactivity job: followed files without accompaniment or change for <paramref name="mois"/> months are anonymised.</summary>
    public static async Task<int> AnonymiserInactifsAsync(AppDbContext db, TimeProvider h, int mois, CancellationToken ct)
    {
        var maintenant = Maintenant(h);
        var limite = maintenant.AddMonths(-mois);
        var total = 0;
        while (true)
        {
            var lot = await db.Beneficiaires.Where(b => b.Suivi && b.AnonymiseLe == null && b.DerniereActiviteLe < limite).OrderBy(b => b.Id).Take(500).ToListAsync(ct);
            if (lot.Count == 0) return total;
            await AnonymiserAsync(db, lot, maintenant, ct);
            foreach (var b in lot) AccesBeneficiaires.Journaliser(db, null, maintenant, "Anonymisation", Journal.FicheBeneficiaire, b.Id, $"sans activité depuis {mois} mois");
            await db.SaveChangesAsync(ct);
            total += lot.Count;
        }
    }

    public static async Task<Orientation> OrienterAsync(AppDbContext db, HashSet<int> structures, int id, OrientationSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        var aujourdHui = DateOnly.FromDateTime(Maintenant(h));
        var e = new Dictionary<string, string[]>();
        if (s.Categorie is null || !VocabulaireCoop.Orientations.Contains(s.Categorie)) e["Categorie"] = ["Choisissez le type de structure dans la liste nationale."];
        if (s.LieuId is null && string.IsNullOrWhiteSpace(s.Destinataire)) e["Destinataire"] = ["Choisissez un lieu de l'annuaire ou écrivez le nom de la structure."];
        if ((s.Destinataire?.Length ?? 0) > 200) e["Destinataire"] = ["200 caractères au plus."];
        if (string.IsNullOrWhiteSpace(s.Motif) || s.Motif.Length > 500) e["Motif"] = ["Indiquez le motif (500 caractères au plus)."];
        if (s.Date is { } d && (d > aujourdHui || d < aujourdHui.AddYears(-2))) e["Date"] = ["Date d'orientation dans les deux dernières années."];
        if (s.LieuId is { } lieu && !await db.Lieux.AnyAsync(l => l.Id == lieu, ct)) e["LieuId"] = ["Lieu inconnu de l'annuaire."];
        if (e.Count > 0) throw new SaisieInvalideException(e);
        var o = new Orientation { BeneficiaireId = b.Id, Date = s.Date ?? aujourdHui, Categorie = s.Categorie!, LieuId = s.LieuId,
            Destinataire = string.IsNullOrWhiteSpace(s.Destinataire) ? null : s.Destinataire.Trim(), Motif = s.Motif!.Trim(), CreePar = user.FindFirstValue(ClaimTypes.NameIdentifier) };
        db.Orientations.Add(o);
        b.DerniereActiviteLe = Maintenant(h);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Orientation", Journal.FicheBeneficiaire, id, o.Categorie);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public static async Task NoterResultatAsync(AppDbContext db, HashSet<int> structures, int orientationId, ResultatSaisie s, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var o = await db.Orientations.FirstOrDefaultAsync(x => x.Id == orientationId, ct) ?? throw new KeyNotFoundException("Orientation introuvable.");
        await ChargerAsync(db, structures, o.BeneficiaireId, ct);
        o.NoterResultat(s.Resultat ?? "", s.Le, DateOnly.FromDateTime(Maintenant(h)));
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Résultat d'orientation", Journal.FicheBeneficiaire, o.BeneficiaireId, o.Resultat);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Diagnostic> DiagnostiquerAsync(AppDbContext db, HashSet<int> structures, int id, DiagnosticSaisie s, int? mediateurId, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var b = await ChargerAsync(db, structures, id, ct);
        if (!b.Suivi) throw new RegleMetierException("Les diagnostics se font pour une personne suivie (fiche nominative).");
        var aujourdHui = DateOnly.FromDateTime(Maintenant(h));
        var e = new Dictionary<string, string[]>();
        var niveaux = s.Niveaux ?? [];
        if (niveaux.Count == 0) e["Niveaux"] = ["Évaluez au moins une compétence."];
        var inconnues = niveaux.Keys.Where(k => Referentiel.Competences.All(c => c.Code != k)).ToList();
        if (inconnues.Count > 0) e["Niveaux"] = [$"Compétence inconnue du référentiel : {string.Join(", ", inconnues)}."];
        else if (niveaux.Values.Any(v => v is < 0 or > 3)) e["Niveaux"] = ["Niveau de 0 (pas encore) à 3 (autonome)."];
        if (s.Date is { } d && (d > aujourdHui || d < aujourdHui.AddYears(-2))) e["Date"] = ["Date du diagnostic dans les deux dernières années."];
        if ((s.Notes?.Length ?? 0) > 2000) e["Notes"] = ["2 000 caractères au plus."];
        if (e.Count > 0) throw new SaisieInvalideException(e);
        var diag = new Diagnostic { BeneficiaireId = id, Date = s.Date ?? aujourdHui, MediateurId = mediateurId, Notes = string.IsNullOrWhiteSpace(s.Notes) ? null : s.Notes.Trim(),
            Niveaux = niveaux.Select(kv => new NiveauCompetence { Competence = kv.Key, Niveau = kv.Value }).ToList() };
        db.Diagnostics.Add(diag);
        b.DerniereActiviteLe = Maintenant(h);
        AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Diagnostic", Journal.FicheBeneficiaire, id, $"{niveaux.Count} compétences évaluées");
        await db.SaveChangesAsync(ct);
        return diag;
    }

    // ---- CSV template, import and export ----

    public static readonly string[] ColonnesCsv = ["suivi", "prenom", "nom", "telephone", "courriel", "annee_naissance", "genre", "statut", "commune", "code_postal", "code_qpv", "consentement", "notes"];

    public static string Modele()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Csv.EcrireLigne(w, ColonnesCsv);
        Csv.EcrireLigne(w, ["oui", "Camille", "Exemple", "06 12 34 56 78", "", "1956", "Féminin", "Retraité", "Port-Saint-Louis-du-Rhône", "13230", "QN01371N", "oui", ""]);
        Csv.EcrireLigne(w, ["non", "", "", "", "", "1990", "Masculin", "Sans emploi", "Arles", "13200", "", "", ""]);
        return w.ToString();
    }

    public static async Task<string> ExporterCsvAsync(AppDbContext db, HashSet<int> structures, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiches = await db.Beneficiaires.AsNoTracking().Where(b => structures.Contains(b.StructureId)).OrderBy(b => b.Id).ToListAsync(ct);
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Csv.EcrireLigne(w, ["id", .. ColonnesCsv, "cree_le"]);
        foreach (var b in fiches)
            Csv.EcrireLigne(w, [b.Id.ToString(CultureInfo.InvariantCulture), b.Suivi ? "oui" : "non", b.Prenom ?? "", b.Nom ?? "", b.Telephone ?? "", b.Courriel ?? "",
                b.AnneeNaissance?.ToString(CultureInfo.InvariantCulture) ?? "", b.Genre, b.Statut, b.Commune ?? "", b.CodePostal ?? "", b.CodeQpv ?? "",
                b.ConsentementLe is null ? "" : "oui", b.Notes ?? "", b.CreeLe.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        foreach (var s in structures) AccesBeneficiaires.Journaliser(db, user, Maintenant(h), "Export CSV", Journal.Structure, s, $"{fiches.Count} fiches");
        await db.SaveChangesAsync(ct);
        return w.ToString();
    }

    /// <summary>Imports files from the template; all-or-nothing: one wrong line and nothing is written, every error is listed with its line.</summary>
    public static async Task<RapportImportBeneficiaires> ImporterCsvAsync(AppDbContext db, HashSet<int> structures, int? structureId, Stream flux, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        int structure;
        if (structureId is { } s0) { if (!structures.Contains(s0)) return new(0, ["Vous ne travaillez pas pour cette structure."]); structure = s0; }
        else if (structures.Count == 1) structure = structures.First();
        else return new(0, ["Choisissez la structure qui suit ces personnes."]);
        Csv.TexteLu lu;
        try { lu = await Csv.LireTexteAsync(flux, ct); }
        catch (Csv.EncodageInvalideException e) { return new(0, [e.Message]); }
        var texte = lu.Contenu;
        var separateur = texte.Split('\n')[0].Count(c => c == ';') > texte.Split('\n')[0].Count(c => c == ',') ? ';' : ',';
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(texte), separateur).ToList(); }
        catch (Csv.CsvInvalideException e) { return new(0, [$"Ligne {e.Ligne} : {e.Message}"]); }
        if (lignes.Count == 0) return new(0, ["Fichier vide."]);
        var entete = lignes[0].Champs.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var manquantes = ColonnesCsv.Where(c => !entete.Contains(c)).ToList();
        if (manquantes.Count > 0) return new(0, [$"Colonnes manquantes : {string.Join(", ", manquantes)} (téléchargez le modèle)."]);
        if (lignes.Count > 20_001) return new(0, ["20 000 lignes au plus par fichier."]);
        var qpv = await db.Qpv.AsNoTracking().ToDictionaryAsync(q => q.Code, ct);
        var erreurs = new List<string>();
        var maintenant = Maintenant(h);
        var nouvelles = new List<Beneficiaire>();
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.All(string.IsNullOrWhiteSpace)) continue;
            if (champs.Count != entete.Count) { erreurs.Add($"Ligne {ligne} : {champs.Count} colonnes au lieu de {entete.Count}."); continue; }
            string V(string c) => champs[entete.IndexOf(c)].Trim();
            bool Oui(string c) => V(c).ToLowerInvariant() is "oui" or "o" or "1" or "true" or "vrai";
            if (V("annee_naissance") is { Length: > 0 } an && !int.TryParse(an, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            { erreurs.Add($"Ligne {ligne}, annee_naissance : « {an} » n'est pas une année."); continue; }
            if (V("code_qpv") is { Length: > 0 } cq && !qpv.ContainsKey(cq.ToUpperInvariant())) { erreurs.Add($"Ligne {ligne}, code_qpv : « {cq} » inconnu de la liste QPV."); continue; }
            var saisie = new BeneficiaireSaisie
            {
                Suivi = Oui("suivi"), Prenom = V("prenom"), Nom = V("nom"), Telephone = V("telephone"), Courriel = V("courriel"),
                AnneeNaissance = V("annee_naissance") is { Length: > 0 } a ? int.Parse(a, CultureInfo.InvariantCulture) : null, Genre = V("genre"), Statut = V("statut"),
                Commune = V("commune"), CodePostal = V("code_postal"), CodeQpv = V("code_qpv"), Consentement = Oui("consentement"), Notes = V("notes"),
            };
            var champTrop = new[] { ("prenom", 100), ("nom", 100), ("courriel", 200), ("commune", 200), ("notes", 2000) }.FirstOrDefault(x => V(x.Item1).Length > x.Item2);
            if (champTrop.Item1 is not null) { erreurs.Add($"Ligne {ligne}, {champTrop.Item1} : {champTrop.Item2} caractères au plus."); continue; }
            if (saisie.Courriel is { Length: > 0 } c && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(c)) { erreurs.Add($"Ligne {ligne}, courriel : adresse invalide."); continue; }
            try
            {
                if (saisie.CodeQpv is { Length: > 0 } code) VerifierCommuneDuQpv(qpv[code.ToUpperInvariant()], saisie);
                var b = new Beneficiaire { StructureId = structure, CreeLe = maintenant };
                b.Modifier(saisie, maintenant.Year, maintenant, user.FindFirstValue(ClaimTypes.NameIdentifier));
                nouvelles.Add(b);
            }
            catch (RegleMetierException e) { erreurs.Add($"Ligne {ligne}{(e.Champ is null ? "" : ", " + e.Champ)} : {e.Message}"); }
        }
        if (erreurs.Count > 0) return new(0, erreurs, lu.Note);
        db.Beneficiaires.AddRange(nouvelles);
        AccesBeneficiaires.Journaliser(db, user, maintenant, "Import CSV", Journal.Structure, structure, $"{nouvelles.Count} fiches");
        await db.SaveChangesAsync(ct);
        return new(nouvelles.Count, [], lu.Note);
    }
}

/// <summary>Field errors of a use case, answered as a 400 ValidationProblem.</summary>
public sealed class SaisieInvalideException(Dictionary<string, string[]> erreurs) : Exception("Saisie invalide")
{
    public Dictionary<string, string[]> Erreurs { get; } = erreurs;
}
