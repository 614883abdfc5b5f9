using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Activites;
using Passerelle.Features.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Beneficiaires;

/// <summary>People files — referrals and skills diagnostics.</summary>
public static partial class GererBeneficiaires
{
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
}
