using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary>A grant left out of the export, or exported with a change, and why (French).</summary>
public sealed record AvertissementExport(int SubventionId, string Message)
{
    public override string ToString() => $"Subvention n° {SubventionId} : {Message}";
}

/// <summary>The export: CSV lines (header first) and what was cut, adjusted or left out.</summary>
public sealed record ResultatExportScdl(IReadOnlyList<string[]> Lignes, IReadOnlyList<AvertissementExport> Avertissements)
{
    /// <summary>The whole file: UTF-8 text, <c>,</c>, CRLF, every field quoted (<see cref="Csv.Ecrire"/>).</summary>
    public string Texte() => Csv.Ecrire(Lignes);
}

/// <summary>The grants as SCDL « Subventions » 2.1.1 (docs/standards/scdl-subventions.md, « Mapping »): one line per beneficiary
/// grant; by default only grants whose convention exceeds 23 000 € a year (décret n° 2001-495 art. 1 — the convention's amount
/// per year, else the grant's), all of them with <c>tous</c>. Only grants voted or later (not requested, not refused) whose
/// convention has a signature date (<c>dateConvention</c> is required) are written; a grant that cannot give a valid line
/// (funder without SIRET, beneficiary with neither SIRET nor RNA) is left out with a warning, so every line written passes
/// <see cref="ValidateurScdlSubventions"/>.</summary>
public static class ExportScdlSubventions
{
    /// <summary>23 000 € a year, in cents (décret n° 2001-495 du 6 juin 2001, art. 1).</summary>
    public const long SeuilAnnuelCentimes = 2_300_000;

    sealed record Source(int Id, string FinanceurNom, string? FinanceurSiret, string? Actes, string? NumeroDelib, int? DeliberationId,
        string? ReferenceDecision, string BeneficiaireNom, string? BeneficiaireSiret, string? BeneficiaireRna, string Objet, long Montant,
        long? MontantTotal, int Part, string Nature, string Conditions, DateOnly? VersementDebut, DateOnly? VersementFin, bool NotificationUe,
        string? IdRae, string? DispositifAide, int FinanceurId, DateOnly? DateConvention, DateOnly? ConventionDebut, DateOnly? ConventionFin,
        long MontantAnnuel);

    public static async Task<ResultatExportScdl> ExporterAsync(AppDbContext db, bool tous, CancellationToken ct)
    {
        var statutsExclus = new[] { StatutsSubvention.Demandee, StatutsSubvention.Refusee };
        // One left join on the grant's convention (at most one: unique index on Conventions.SubventionId), not four correlated
        // subqueries per grant: the export of every row reads the two tables once.
        var sources = await (
            from s in db.Set<Subvention>().AsNoTracking().Where(s => !statutsExclus.Contains(s.Statut))
            join cv in db.Conventions.AsNoTracking() on (int?)s.Id equals cv.SubventionId into cvs
            from c in cvs.DefaultIfEmpty()
            orderby s.Id
            select new Source(s.Id, s.Financeur!.Nom, s.Financeur.Siret, s.Deliberation != null ? s.Deliberation.IdentifiantActes : null,
                s.Deliberation != null ? s.Deliberation.Numero : null, s.DeliberationId, s.ReferenceDecision, s.Beneficiaire!.Nom, s.Beneficiaire.Siret,
                s.Beneficiaire.Rna, s.Objet, s.MontantCentimes, s.MontantTotalCentimes, s.PartDixMilliemes, s.Nature, s.ConditionsVersement,
                s.VersementDebut, s.VersementFin, s.NotificationUe, s.IdRae, s.DispositifAide, s.FinanceurId,
                c == null ? null : c.DateSignature, c == null ? null : (DateOnly?)c.DateDebut, c == null ? null : (DateOnly?)c.DateFin,
                c == null ? 0 : c.MontantAnnuelCentimes))
            .ToListAsync(ct);

        var avertissements = new List<AvertissementExport>();
        var retenues = sources.Where(s => tous || (s.MontantAnnuel > 0 ? s.MontantAnnuel : s.Montant) > SeuilAnnuelCentimes).ToList();
        var parts = Parts(retenues, avertissements);
        var lignes = new List<string[]> { SchemaScdlSubventions.Colonnes };
        foreach (var s in retenues)
            if (Ligne(s, parts[s.Id], avertissements) is { } ligne) lignes.Add(ligne);
        return new ResultatExportScdl(lignes, avertissements);
    }

    /// <summary>Shares in ten-thousandths: a grant shared by several beneficiaries (same funder, decision, object and total) keeps
    /// its stored shares, the last line absorbing what makes them sum to 1 (with a warning when it had to change).</summary>
    static Dictionary<int, int> Parts(List<Source> sources, List<AvertissementExport> avertissements)
    {
        var parts = sources.ToDictionary(s => s.Id, s => s.MontantTotal is null ? 10_000 : s.Part);
        foreach (var groupe in sources.Where(s => s.MontantTotal is not null)
                     .GroupBy(s => (s.FinanceurId, s.DeliberationId, s.ReferenceDecision, s.MontantTotal, s.Objet)).Where(g => g.Count() > 1))
        {
            var membres = groupe.OrderBy(s => s.Id).ToList();
            var reste = 10_000 - membres.SkipLast(1).Sum(s => s.Part);
            var dernier = membres[^1];
            if (reste == dernier.Part) continue;
            if (reste is < 100 or > 10_000)
            {
                avertissements.Add(new(dernier.Id, $"les parts des {membres.Count} bénéficiaires ne font pas 1 et la dernière ne peut pas l'absorber : parts laissées telles quelles."));
                continue;
            }
            parts[dernier.Id] = reste;
            avertissements.Add(new(dernier.Id, $"part portée de {Part(dernier.Part)} à {Part(reste)} pour que les parts des {membres.Count} bénéficiaires fassent 1."));
        }
        return parts;
    }

    static string[]? Ligne(Source s, int part, List<AvertissementExport> avertissements)
    {
        string[]? Refus(string raison) { avertissements.Add(new(s.Id, raison + " : subvention non publiée.")); return null; }
        if (s.DateConvention is not { } dateConvention) return Refus("pas de date de signature de convention (dateConvention est obligatoire)");
        if (s.FinanceurSiret is not { } siretFinanceur || !Referentiels.Identifiants.SiretScdlValide(siretFinanceur))
            return Refus($"le financeur « {s.FinanceurNom} » n'a pas de SIRET valide (idAttribuant)");
        var siret = s.BeneficiaireSiret is { } b && Referentiels.Identifiants.SiretScdlValide(b) ? b : "";
        var rna = s.BeneficiaireRna is { } r && System.Text.RegularExpressions.Regex.IsMatch(r, @"^W\d{9}$") ? r : "";
        if (siret.Length == 0 && rna.Length == 0) return Refus($"le bénéficiaire « {s.BeneficiaireNom} » n'a ni SIRET ni RNA valide dans l'annuaire");
        var debut = s.VersementDebut ?? s.ConventionDebut;
        var fin = s.VersementFin ?? (s.VersementDebut is null ? s.ConventionFin : null);
        if (debut is null) return Refus("aucune date ni période de versement");
        var periode = fin is { } f && f != debut ? $"{Date(debut.Value)}/{Date(f)}" : Date(debut.Value);
        var objet = Couper(s.Objet.Trim(), SchemaScdlSubventions.LongueurObjet);
        if (objet.Length == 0) return Refus("objet vide");
        if (objet != s.Objet.Trim()) avertissements.Add(new(s.Id, $"objet coupé à {SchemaScdlSubventions.LongueurObjet} caractères (sur une fin de mot)."));
        var conditions = string.IsNullOrWhiteSpace(s.Conditions) ? "unique" : Couper(s.Conditions.Trim(), SchemaScdlSubventions.LongueurConditions);
        var nature = SchemaScdlSubventions.Natures.Contains(s.Nature) ? s.Nature : NaturesAide.Numeraire;
        var reference = s.Actes ?? s.NumeroDelib ?? s.ReferenceDecision ?? "";
        return
        [
            s.FinanceurNom.Trim(), siretFinanceur, Date(dateConvention), reference, s.BeneficiaireNom.Trim(), siret, rna, objet,
            Euros(s.MontantTotal ?? s.Montant), nature, conditions, periode, s.IdRae is { Length: <= 5 } rae ? rae : "",
            s.NotificationUe ? "oui" : "non", Part(part), s.DispositifAide ?? "",
        ];
    }

    /// <summary>At most <paramref name="max"/> characters (code points), cut after the last whole word that fits.</summary>
    public static string Couper(string texte, int max)
    {
        if (ValidateurScdlSubventions.Longueur(texte) <= max) return texte;
        var runes = texte.EnumerateRunes().Take(max + 1).ToArray();
        var coupe = string.Concat(runes.Take(max).Select(r => r.ToString()));
        // The cut falls on a word boundary when the next character is a space; else go back to the last space.
        if (!Rune.IsWhiteSpace(runes[max]))
        {
            var espace = coupe.LastIndexOf(' ');
            if (espace > 0) coupe = coupe[..espace];
        }
        return coupe.TrimEnd(' ', ',', ';', ':', '-');
    }

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Euros(long centimes) => (centimes / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    public static string Part(int dixMilliemes) => dixMilliemes == 10_000 ? "1.00" : (dixMilliemes / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture);
}
