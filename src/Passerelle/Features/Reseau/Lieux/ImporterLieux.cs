using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Reseau.Lieux;

/// <summary>What an import did (or would have done): every rejected value and every warning.</summary>
public sealed record RapportImport
{
    public int Lignes { get; init; }
    public int Acceptees { get; init; }
    public int Crees { get; init; }
    public int MisAJour { get; init; }
    public int Inchanges { get; init; }
    public bool Ecrit { get; init; }
    public string? ErreurFichier { get; init; }
    public bool Ancien { get; init; }
    public IReadOnlyList<Probleme> Rejets { get; init; } = [];
    public IReadOnlyList<Probleme> Avertissements { get; init; } = [];
    public int LignesRejetees => Rejets.Select(r => r.Ligne).Distinct().Count();

    public string Resume() => ErreurFichier is not null
        ? $"Fichier refusé : {ErreurFichier}"
        : Ecrit
            ? $"{Lignes} lignes lues : {Crees} créées, {MisAJour} mises à jour, {Inchanges} inchangées, {LignesRejetees} rejetées, {Avertissements.Count} avertissements."
            : $"{Lignes} lignes lues, {LignesRejetees} rejetées : rien n'a été importé. Corrigez le fichier ou importez seulement les lignes valides.";
}

public static class ImporterLieux
{
    /// <param name="sourceParDefaut">Source used when a row's own <c>source</c> column is empty.</param>
    /// <param name="lignesValidesSeulement">Write the valid rows even when others are rejected.</param>
    public static async Task<RapportImport> ExecuterAsync(AppDbContext db, Stream flux, string format, string sourceParDefaut,
        bool lignesValidesSeulement, TimeProvider horloge, IProgress<(int Fait, int Total)>? progression, CancellationToken ct)
    {
        FichierLu fichier;
        try { fichier = FichierLieux.Lire(flux, format); }
        catch (System.ComponentModel.DataAnnotations.ValidationException e) { return new RapportImport { ErreurFichier = e.Message }; }
        catch (DecoderFallbackException) { return new RapportImport { ErreurFichier = "Le fichier n'est pas encodé en UTF-8." }; }
        return await ExecuterAsync(db, fichier, sourceParDefaut, lignesValidesSeulement, horloge, progression, ct);
    }

    public static async Task<RapportImport> ExecuterAsync(AppDbContext db, FichierLu fichier, string sourceParDefaut,
        bool lignesValidesSeulement, TimeProvider horloge, IProgress<(int Fait, int Total)>? progression, CancellationToken ct)
    {
        var problemes = new List<Probleme>();
        if (fichier.NoteEncodage is { } note) problemes.Add(new Probleme(1, "", "", note, false));
        var ancien = StandardV01.EstAncien(fichier.Colonnes) || fichier.Separateur == ';';
        var requises = ancien ? StandardLieux.Obligatoires.Where(c => c != "date_maj") : StandardLieux.Obligatoires;
        var manquantes = requises.Where(c => !fichier.Colonnes.Contains(c)).ToList();
        if (manquantes.Count > 0)
            return new RapportImport { ErreurFichier = $"Colonnes obligatoires absentes : {string.Join(", ", manquantes)}.", Lignes = fichier.Lignes.Count };
        foreach (var inconnue in fichier.Colonnes.Where(c => !StandardLieux.Colonnes.Contains(c) && !StandardV01.ColonnesAnciennes.Contains(c)))
            problemes.Add(new Probleme(1, inconnue, "", "Colonne hors du standard : ignorée.", false));

        var aujourdHui = Territoire.AujourdHui(horloge);
        var acceptees = new Dictionary<(string Source, string Id), (int Ligne, LigneLieu Lieu)>();
        foreach (var (ligne, valeurs) in fichier.Lignes)
        {
            if (valeurs.Remove("__colonnes_en_trop", out var n))
                problemes.Add(new Probleme(ligne, "", n ?? "", "La ligne compte plus de valeurs que l'en-tête n'a de colonnes.", true));
            if (ancien)
            {
                StandardV01.Convertir(valeurs, ligne, problemes);
                if (string.IsNullOrWhiteSpace(valeurs.GetValueOrDefault("date_maj")))
                {
                    valeurs["date_maj"] = aujourdHui.ToString("yyyy-MM-dd");
                    problemes.Add(new Probleme(ligne, "date_maj", "", "Date de mise à jour absente (v0.1) : date du jour utilisée.", false));
                }
            }
            var lieu = ValidateurLieu.Valider(valeurs, ligne, problemes);
            if (problemes.Any(p => p.Ligne == ligne && p.Bloquant) || lieu is null) continue;
            var cle = (Tronquer(lieu.Source ?? sourceParDefaut), lieu.Id);
            if (acceptees.TryGetValue(cle, out var premiere))
            {
                problemes.Add(new Probleme(ligne, "id", lieu.Id, $"Identifiant déjà présent ligne {premiere.Ligne} pour la même source.", true));
                continue;
            }
            acceptees[cle] = (ligne, lieu);
        }

        var rapport = new RapportImport
        {
            Lignes = fichier.Lignes.Count,
            Acceptees = acceptees.Count,
            Ancien = ancien,
            Rejets = problemes.Where(p => p.Bloquant).ToList(),
            Avertissements = problemes.Where(p => !p.Bloquant).ToList(),
        };
        if ((rapport.Rejets.Count > 0 && !lignesValidesSeulement) || acceptees.Count == 0) return rapport;

        // All accepted rows in one transaction: a failure leaves the directory as it was. Two imports
        // of the same places at the same moment collide on the unique (source, id) index: the loser
        // starts over and then finds the rows the winner wrote.
        for (var essai = 1; ; essai++)
        {
            try { return await EcrireAsync(db, acceptees.Values.Select(v => v.Lieu).ToList(), acceptees.Keys.ToList(), rapport, horloge, progression, ct); }
            catch (DbUpdateException) when (essai < 3) { db.ChangeTracker.Clear(); }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return rapport with { ErreurFichier = "D'autres modifications des mêmes lieux ont eu lieu pendant l'import : rien n'a été écrit, relancez l'import." };
            }
        }
    }

    static async Task<RapportImport> EcrireAsync(AppDbContext db, List<LigneLieu> lignes, List<(string Source, string Id)> cles, RapportImport rapport,
        TimeProvider horloge, IProgress<(int Fait, int Total)>? progression, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sources = cles.Select(k => k.Source).Distinct().ToList();
        var existants = await db.Lieux.Where(l => sources.Contains(l.Source)).ToDictionaryAsync(l => (l.Source, l.IdLocal), ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            int crees = 0, misAJour = 0, inchanges = 0;
            for (var i = 0; i < lignes.Count; i++)
            {
                var cle = cles[i];
                if (existants.TryGetValue(cle, out var lieu))
                {
                    if (lieu.Appliquer(lignes[i], maintenant)) { misAJour++; db.Entry(lieu).State = EntityState.Modified; }
                    else inchanges++;
                }
                else
                {
                    lieu = new Lieu { Source = cle.Source, IdLocal = cle.Id };
                    lieu.Appliquer(lignes[i], maintenant);
                    db.Lieux.Add(lieu);
                    crees++;
                }
                if ((i + 1) % 1000 == 0) progression?.Report((i + 1, lignes.Count));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            progression?.Report((lignes.Count, lignes.Count));
            return rapport with { Crees = crees, MisAJour = misAJour, Inchanges = inchanges, Ecrit = true };
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = true; }
    }

    static string Tronquer(string s) => s.Length > 200 ? s[..200] : s;
}
