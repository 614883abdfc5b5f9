using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Conventions;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Financer.ScdlSubventions;

/// <summary>What an SCDL Subventions import did (or would have done).</summary>
public sealed record RapportImportSubventions
{
    public int Lignes { get; init; }
    public int Creees { get; init; }
    public int DejaPresentes { get; init; }
    public int FinanceursCrees { get; init; }
    public int StructuresCreees { get; init; }
    public bool Ecrit { get; init; }
    public string? ErreurFichier { get; init; }
    public IReadOnlyList<ProblemeScdl> Rejets { get; init; } = [];
    public IReadOnlyList<ProblemeScdl> Avertissements { get; init; } = [];
    public int LignesRejetees => Rejets.Select(r => r.Ligne).Distinct().Count();

    public string Resume() => ErreurFichier is not null
        ? $"Fichier refusé : {ErreurFichier}"
        : Ecrit
            ? $"{Lignes} lignes lues : {Creees} subventions créées, {DejaPresentes} déjà présentes, {LignesRejetees} rejetées, {Avertissements.Count} avertissements"
              + $" ({FinanceursCrees} financeurs et {StructuresCreees} structures ajoutés)."
            : $"{Lignes} lignes lues, {LignesRejetees} rejetées : rien n'a été importé. Corrigez le fichier ou importez seulement les lignes valides (--lignes-valides).";
}

/// <summary>Loads a territory's history from an SCDL « Subventions » file (2.1.1, or the older 14-column layout; see
/// <see cref="LectureScdlSubventions"/>). All or nothing by default; with <c>lignesValides</c>, the valid lines only. For each line:
/// the funder by SIRET (created when unknown), the beneficiary structure in the directory by SIRET, else RNA (created when
/// unknown), a grant (status « convention signée », exercise = year of <c>dateConvention</c>, <c>ReferenceDecision</c> kept, linked to
/// the deliberation when the register holds that ACTES id or number for that authority) and its convention carrying the signature
/// date. Idempotent: a line whose grant is already there (same funder, beneficiary, decision reference, object, amount and
/// convention date) adds nothing.</summary>
public static class ImportScdlSubventions
{
    public static async Task<RapportImportSubventions> ExecuterAsync(AppDbContext db, Stream flux, bool lignesValides, TimeProvider horloge, CancellationToken ct)
    {
        Csv.TexteLu texte;
        try { texte = await Csv.LireTexteAsync(flux, ct); }
        catch (Csv.EncodageInvalideException e) { return new RapportImportSubventions { ErreurFichier = e.Message }; }
        var avertissements = new List<ProblemeScdl>();
        if (texte.Note is { } note) avertissements.Add(new(1, "", "", note));
        var separateur = Csv.Separateur(texte.Contenu, ',', ';', '\t');
        if (separateur != ',') avertissements.Add(new(1, "", separateur.ToString(), "séparateur autre que la virgule : fichier lu quand même."));
        List<(int Ligne, List<string> Champs)> lignes;
        try { lignes = Csv.Lire(new StringReader(texte.Contenu), separateur); }
        catch (Csv.CsvInvalideException e) { return new RapportImportSubventions { ErreurFichier = e.Message }; }
        if (lignes.Count == 0) return new RapportImportSubventions { ErreurFichier = "le fichier est vide." };
        var entete = lignes[0].Champs.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        // Names are case-sensitive in the schema; files in circulation are not always: map by name, ignoring case, with a warning.
        for (var i = 0; i < entete.Count; i++)
            if (SchemaScdlSubventions.Colonnes.FirstOrDefault(c => string.Equals(c, entete[i], StringComparison.OrdinalIgnoreCase)) is { } nom && nom != entete[i])
            {
                avertissements.Add(new(1, nom, entete[i], $"nom de colonne lu comme « {nom} »."));
                entete[i] = nom;
            }
        var manquantes = LectureScdlSubventions.ColonnesManquantes(entete).ToList();
        if (manquantes.Count > 0)
            return new RapportImportSubventions { ErreurFichier = $"colonnes obligatoires absentes : {string.Join(", ", manquantes)}.", Lignes = lignes.Count - 1 };
        if (!entete.Contains("rnaBeneficiaire") && !entete.Contains("dispositifAide"))
            avertissements.Add(new(1, "", "", "ancien format (sans rnaBeneficiaire ni dispositifAide) : colonnes lues par leur nom."));
        foreach (var inconnue in entete.Where(c => !SchemaScdlSubventions.Colonnes.Contains(c)))
            avertissements.Add(new(1, inconnue, "", "colonne hors du schéma : ignorée."));

        var rejets = new List<ProblemeScdl>();
        var lues = new List<LigneScdlLue>();
        foreach (var (ligne, champs) in lignes.Skip(1))
        {
            if (champs.Count > entete.Count && champs.Skip(entete.Count).Any(c => c.Trim().Length > 0))
            {
                rejets.Add(new(ligne, "", "", $"{champs.Count} valeurs pour {entete.Count} colonnes."));
                continue;
            }
            var valeurs = new Dictionary<string, string>();
            for (var i = 0; i < entete.Count; i++) valeurs[entete[i]] = i < champs.Count ? champs[i] : "";
            if (LectureScdlSubventions.Lire(ligne, valeurs, rejets, avertissements) is { } lue) lues.Add(lue);
        }
        var rapport = new RapportImportSubventions { Lignes = lignes.Count - 1, Rejets = rejets, Avertissements = avertissements };
        if (rejets.Count > 0 && !lignesValides) return rapport;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ecriture = await EcrireAsync(db, lues, avertissements, horloge, ct);
        await transaction.CommitAsync(ct);
        return rapport with { Ecrit = true, Creees = ecriture.Creees, DejaPresentes = ecriture.Deja, FinanceursCrees = ecriture.Financeurs, StructuresCreees = ecriture.Structures };
    }

    static async Task<(int Creees, int Deja, int Financeurs, int Structures)> EcrireAsync(AppDbContext db, List<LigneScdlLue> lues,
        List<ProblemeScdl> avertissements, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var sirets = lues.Select(l => l.IdAttribuant).Distinct().ToList();
        var financeurs = await db.Set<Financeur>().Where(f => f.Siret != null && sirets.Contains(f.Siret)).ToDictionaryAsync(f => f.Siret!, ct);
        var siretsBenef = lues.Where(l => l.IdBeneficiaire != null).Select(l => l.IdBeneficiaire!).Distinct().ToList();
        var rnas = lues.Where(l => l.RnaBeneficiaire != null).Select(l => l.RnaBeneficiaire!).Distinct().ToList();
        var structures = await db.Structures.Where(s => (s.Siret != null && siretsBenef.Contains(s.Siret)) || (s.Rna != null && rnas.Contains(s.Rna))).ToListAsync(ct);
        int creees = 0, deja = 0, nFinanceurs = 0, nStructures = 0;
        var vues = new HashSet<(string, string, string?, string, long, int, DateOnly)>();
        foreach (var l in lues)
        {
            var cle = (l.IdAttribuant, l.IdBeneficiaire ?? l.RnaBeneficiaire!, l.ReferenceDecision, l.Objet, l.MontantCentimes, l.PartDixMilliemes, l.DateConvention);
            if (!vues.Add(cle)) { avertissements.Add(new(l.Ligne, "", "", "même subvention qu'une ligne précédente du fichier : ignorée.")); deja++; continue; }
            if (!financeurs.TryGetValue(l.IdAttribuant, out var financeur))
            {
                financeur = new Financeur { Nom = Tronquer(l.NomAttribuant, 300), Siret = l.IdAttribuant, Siren = l.IdAttribuant[..9], Genre = Genre(l.IdAttribuant) };
                db.Add(financeur);
                financeurs[l.IdAttribuant] = financeur;
                nFinanceurs++;
            }
            var structure = structures.FirstOrDefault(s => l.IdBeneficiaire != null && s.Siret == l.IdBeneficiaire)
                ?? structures.FirstOrDefault(s => l.RnaBeneficiaire != null && s.Rna == l.RnaBeneficiaire);
            if (structure is null)
            {
                structure = new Structure { Nom = Tronquer(l.NomBeneficiaire, 300), Siret = l.IdBeneficiaire, Rna = l.RnaBeneficiaire, Typologie = l.RnaBeneficiaire != null ? "ASSO" : "Autre" };
                db.Structures.Add(structure);
                structures.Add(structure);
                nStructures++;
            }
            var partage = l.PartDixMilliemes < 10_000;
            var montant = partage ? (long)Math.Round(l.MontantCentimes * (decimal)l.PartDixMilliemes / 10_000m, MidpointRounding.AwayFromZero) : l.MontantCentimes;
            if (financeur.Id != 0 && structure.Id != 0 && await ExisteAsync(db, financeur.Id, structure.Id, l, montant, ct)) { deja++; continue; }
            var deliberation = l.ReferenceDecision is { } r
                ? await db.Deliberations.Where(d => d.CollectiviteSiret == l.IdAttribuant && (d.IdentifiantActes == r || d.Numero == r)).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct)
                : null;
            var subvention = new Subvention
            {
                Financeur = financeur, Beneficiaire = structure, DeliberationId = deliberation, ReferenceDecision = l.ReferenceDecision is { } rd ? Tronquer(rd, 300) : null,
                Exercice = l.DateConvention.Year, Objet = l.Objet, MontantCentimes = montant, MontantTotalCentimes = partage ? l.MontantCentimes : null,
                PartDixMilliemes = l.PartDixMilliemes, Nature = l.Nature, ConditionsVersement = l.ConditionsVersement, VersementDebut = l.Debut,
                VersementFin = l.Fin, NotificationUe = l.NotificationUe, IdRae = l.IdRae, DispositifAide = l.DispositifAide is { } da ? Tronquer(da, 100) : null,
                Statut = StatutsSubvention.Conventionnee, CreeLe = maintenant,
            };
            db.Add(subvention);
            await db.SaveChangesAsync(ct);
            db.Conventions.Add(new Convention
            {
                Intitule = Tronquer(l.Objet, 300), PartenaireId = structure.Id, SubventionId = subvention.Id, DateSignature = l.DateConvention,
                DateDebut = l.Debut, DateFin = l.Fin ?? l.Debut, Gratuite = false, DeliberationId = deliberation,
                ReferenceDeliberation = l.ReferenceDecision is { } rc ? Tronquer(rc, 200) : null,
            });
            await db.SaveChangesAsync(ct);
            creees++;
        }
        return (creees, deja, nFinanceurs, nStructures);
    }

    static Task<bool> ExisteAsync(AppDbContext db, int financeurId, int structureId, LigneScdlLue l, long montant, CancellationToken ct) =>
        db.Set<Subvention>().AnyAsync(s => s.FinanceurId == financeurId && s.BeneficiaireId == structureId && s.ReferenceDecision == l.ReferenceDecision
            && s.Objet == l.Objet && s.MontantCentimes == montant && s.PartDixMilliemes == l.PartDixMilliemes
            && db.Conventions.Any(c => c.SubventionId == s.Id && c.DateSignature == l.DateConvention), ct);

    /// <summary>The kind of a public funder from its SIREN's first digits (INSEE: 21 communes, 20 groupings, 22 départements,
    /// 23 régions); anything else « autre », to be corrected on the funder's page.</summary>
    static string Genre(string siret) => siret[..2] switch
    {
        "20" or "21" => GenresFinanceur.Collectivite, "22" => GenresFinanceur.Departement, "23" => GenresFinanceur.Region, _ => GenresFinanceur.Autre,
    };

    static string Tronquer(string s, int max) => s.Length <= max ? s : s[..max];
}
