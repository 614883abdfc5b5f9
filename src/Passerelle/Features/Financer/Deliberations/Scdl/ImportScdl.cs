using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>What an SCDL import did: either everything (created, corrected, unchanged counts) or nothing, with the reasons line by line.</summary>
public sealed record RapportImportScdl(bool Ecrit, int Creees, int Corrigees, int Inchangees, IReadOnlyList<ErreurScdl> Erreurs, string? Note)
{
    public string Resume() => Ecrit
        ? $"Import terminé : {Creees} délibération(s) ajoutée(s), {Corrigees} corrigée(s), {Inchangees} déjà à jour."
        : $"Rien n'a été importé : {Erreurs.Count} erreur(s) à corriger dans le fichier.";
}

/// <summary>Imports an SCDL « Délibérations » 2.1.5 CSV: all or nothing. Every line passes <see cref="ValidateurScdl"/> and the
/// register's rules; a line whose body SIRET and act number are already in the register corrects that act (a new version) only if
/// a value differs, so importing the same file twice changes nothing. What SCDL does not carry (organ, attendance, amounts…) is kept.</summary>
public static class ImportScdl
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Never: an unreadable file is reported, not thrown.</exception>
    public static async Task<RapportImportScdl> ExecuterAsync(AppDbContext db, Stream flux, string qui, TimeProvider horloge, CancellationToken ct)
    {
        Csv.TexteLu texte;
        try { texte = await Csv.LireTexteAsync(flux, ct); }
        catch (Csv.EncodageInvalideException e) { return Refus([new ErreurScdl(1, null, e.Message)], null); }
        var erreurs = ValidateurScdl.Valider(texte.Contenu);
        if (erreurs.Count > 0) return Refus(erreurs, texte.Note);
        var lignes = Csv.Lire(new StringReader(texte.Contenu), ',').Skip(1).ToList();
        if (lignes.Count == 0) return Refus([new ErreurScdl(2, null, "Le fichier ne contient aucune délibération.")], texte.Note);

        var operations = new List<(Deliberation? Existante, DeliberationSaisie Saisie)>();
        var vus = new Dictionary<(string, string), int>();
        foreach (var (ligne, c) in lignes)
        {
            var cle = (c[1], c[2]);
            if (vus.TryGetValue(cle, out var premiere))
            {
                erreurs.Add(new ErreurScdl(ligne, "DELIB_ID", $"la délibération {c[2]} de la collectivité {c[1]} figure déjà ligne {premiere}."));
                continue;
            }
            vus[cle] = ligne;
            var existante = await db.Deliberations.Include(d => d.Montants).FirstOrDefaultAsync(d => d.CollectiviteSiret == c[1] && d.Numero == c[2], ct);
            var s = Fusionner(existante, c);
            foreach (var (champ, messages) in ReglesDeliberation.Verifier(EnregistrerDeliberation.Normaliser(s), Referentiels.Territoire.AujourdHui(horloge)))
                foreach (var m in messages) erreurs.Add(new ErreurScdl(ligne, Colonne(champ), m));
            operations.Add((existante, s));
        }
        if (erreurs.Count > 0) return Refus(erreurs, texte.Note);

        int creees = 0, corrigees = 0, inchangees = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (existante, s) in operations)
        {
            if (existante is null) { await EnregistrerDeliberation.CreerAsync(db, s, qui, horloge, ct); creees++; }
            else if (EnregistrerDeliberation.Identique(existante, s)) inchangees++;
            else { s.Motif = "Import d'un fichier SCDL"; await EnregistrerDeliberation.CorrigerAsync(db, existante.Id, s, qui, horloge, ct); corrigees++; }
        }
        await transaction.CommitAsync(ct);
        return new RapportImportScdl(true, creees, corrigees, inchangees, [], texte.Note);
    }

    static RapportImportScdl Refus(List<ErreurScdl> erreurs, string? note) => new(false, 0, 0, 0, erreurs, note);

    /// <summary>The act as the line describes it, on top of what the register already knows: a column whose value is what
    /// Passerelle's own export writes for the current record leaves that record's finer data (e.g. unanimity) untouched.</summary>
    static DeliberationSaisie Fusionner(Deliberation? existante, List<string> c)
    {
        var s = existante is null ? new DeliberationSaisie { Organe = "autre" } : DeliberationSaisie.De(existante);
        var actuelle = existante is null ? new string[ExportScdl.Colonnes.Length] : ExportScdl.Ligne(existante);
        bool Change(int i) => existante is null || c[i] != actuelle[i];
        static DateOnly? D(string t) => t.Length == 0 ? null : DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        static int? N(string t) => t.Length == 0 ? null : int.Parse(t, CultureInfo.InvariantCulture);
        if (Change(0)) s.CollectiviteNom = c[0];
        s.CollectiviteSiret = c[1]; s.Numero = c[2];
        if (Change(3)) s.DateSeance = D(c[3]);
        if (Change(4)) s.MatiereCode = c[4];
        if (Change(6)) s.Objet = c[6];
        if (Change(7)) s.BudgetAnnee = c[7].Length == 0 ? null : c[7];
        if (Change(8)) s.BudgetNom = c[8].Length == 0 ? null : c[8];
        if (Change(9)) s.PrefId = c[9].Length == 0 ? null : c[9];
        if (Change(10)) s.DateTransmission = D(c[10]);
        if (Enumerable.Range(11, 5).Any(Change))
        {
            s.MembresEnExercice = N(c[11]);
            (s.VotePour, s.VoteContre, s.VoteAbstention) = (N(c[13]), N(c[14]), N(c[15]));
            s.Unanimite = s.VotePour is not null && (s.VoteContre, s.VoteAbstention) == (0, 0) && s.VotePour > 0 && s.Unanimite;
            if (s.VotePour is { } p && s.VoteContre is { } ct) s.Adoptee = p >= ct;
        }
        if (Change(16)) s.Url = c[16].Length == 0 ? null : c[16];
        return s;
    }

    static string? Colonne(string champ) => champ switch
    {
        nameof(DeliberationSaisie.CollectiviteNom) => "COLL_NOM", nameof(DeliberationSaisie.CollectiviteSiret) => "COLL_SIRET",
        nameof(DeliberationSaisie.Numero) => "DELIB_ID", nameof(DeliberationSaisie.DateSeance) => "DELIB_DATE",
        nameof(DeliberationSaisie.MatiereCode) => "DELIB_MATIERE_CODE", nameof(DeliberationSaisie.Objet) => "DELIB_OBJET",
        nameof(DeliberationSaisie.BudgetAnnee) => "BUDGET_ANNEE", nameof(DeliberationSaisie.BudgetNom) => "BUDGET_NOM",
        nameof(DeliberationSaisie.PrefId) => "PREF_ID", nameof(DeliberationSaisie.DateTransmission) => "PREF_DATE",
        nameof(DeliberationSaisie.MembresEnExercice) => "VOTE_EFFECTIF", nameof(DeliberationSaisie.VotePour) => "VOTE_POUR",
        nameof(DeliberationSaisie.Url) => "DELIB_URL", _ => null,
    };
}
