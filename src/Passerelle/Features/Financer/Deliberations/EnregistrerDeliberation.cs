using Passerelle.Features.Referentiels;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>Creates or corrects a deliberation (API, forms, reader, SCDL import): every rule of <see cref="ReglesDeliberation"/>,
/// one act per body SIRET and number, and a <see cref="VersionDeliberation"/> for each save. Nothing is ever deleted.</summary>
public static class EnregistrerDeliberation
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Trims the texts and removes the spaces of the SIRET, so that the rules and the uniqueness see what is stored.</summary>
    public static DeliberationSaisie Normaliser(DeliberationSaisie s)
    {
        static string? T(string? x) => string.IsNullOrWhiteSpace(x) ? null : x.Trim();
        s.CollectiviteNom = T(s.CollectiviteNom); s.CollectiviteSiret = T(s.CollectiviteSiret)?.Replace(" ", ""); s.Numero = T(s.Numero);
        s.Objet = T(s.Objet); s.MatiereCode = T(s.MatiereCode); s.President = T(s.President); s.Rapporteur = T(s.Rapporteur);
        s.NomsPresence = T(s.NomsPresence); s.BudgetAnnee = T(s.BudgetAnnee); s.BudgetNom = T(s.BudgetNom); s.PrefId = T(s.PrefId)?.ToUpperInvariant();
        s.IdentifiantActes = T(s.IdentifiantActes); s.Url = T(s.Url); s.Motif = T(s.Motif);
        s.ImputationSousPolitique = T(s.ImputationSousPolitique); s.ImputationChapitre = T(s.ImputationChapitre);
        s.ImputationNature = T(s.ImputationNature); s.ImputationFonction = T(s.ImputationFonction);
        s.Lieu = T(s.Lieu);
        // One commitment per line: blank lines and surrounding spaces removed, line ends unified.
        s.Engagements = T(string.Join('\n', (s.Engagements ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));
        s.Montants = (s.Montants ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Beneficiaire) || l.MontantEur is not null)
            .Select(l => new LigneSaisie { Beneficiaire = T(l.Beneficiaire), MontantEur = l.MontantEur, Nature = T(l.Nature) ?? MontantAutorise.Natures.Numeraire }).ToList();
        return s;
    }

    /// <summary>A new act in the register, version 1 with the reason <paramref name="motif"/> (« Création » unless said). With
    /// <paramref name="piece"/> (the file read on the reading page) its bytes, name, type, SHA-256 and size are kept with the act
    /// and the upload is removed, in the same transaction.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Field errors in French (400).</exception>
    public static async Task<Deliberation> CreerAsync(AppDbContext db, DeliberationSaisie s, string qui, TimeProvider horloge, CancellationToken ct,
        ActeDepose? piece = null, string motif = MotifCreation)
    {
        await VerifierAsync(db, Normaliser(s), null, ct, Territoire.AujourdHui(horloge));
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var d = new Deliberation { CreeLe = maintenant };
        Appliquer(d, s, qui, maintenant);
        if (piece is not null)
        {
            (d.Fichier, d.FichierNom, d.FichierType, d.FichierSha256, d.FichierTaille) = (new FichierDeliberation { Contenu = piece.Contenu }, piece.Nom, piece.Type, piece.Sha256, piece.Taille);
            db.ActesDeposes.Remove(piece);
        }
        // The act and its first version together (an import already runs in its own transaction).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Deliberations.Add(d);
        await db.SaveChangesAsync(ct);
        db.VersionsDeliberations.Add(NouvelleVersion(d, s, qui, maintenant, motif));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return d;
    }

    public const string MotifCreation = "Création";
    public const string MotifObligatoire = "Dites en quelques mots ce que vous corrigez (« motif ») : ce sera dans l'historique des versions.";

    /// <summary>A correction: the new values become current and a new version records who, when and why (the reason
    /// <see cref="DeliberationSaisie.Motif"/> is required). Returns null when the act does not exist; an unchanged record is left
    /// as is (no empty version).</summary>
    public static async Task<Deliberation?> CorrigerAsync(AppDbContext db, int id, DeliberationSaisie s, string qui, TimeProvider horloge, CancellationToken ct)
    {
        var d = await db.Deliberations.Include(x => x.Montants).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        if (string.IsNullOrWhiteSpace(s.Motif)) throw Valider.Invalide(new() { [nameof(s.Motif)] = [MotifObligatoire] }, "Délibération invalide");
        await VerifierAsync(db, Normaliser(s), id, ct, Territoire.AujourdHui(horloge));
        if (Identique(d, s)) return d;
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        db.RemoveRange(d.Montants);
        d.Montants = [];
        Appliquer(d, s, qui, maintenant);
        d.Version++;
        db.VersionsDeliberations.Add(NouvelleVersion(d, s, qui, maintenant, s.Motif!));
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Same values (the reason aside) as the record holds now.</summary>
    public static bool Identique(Deliberation d, DeliberationSaisie s)
    {
        var actuel = DeliberationSaisie.De(d);
        actuel.Motif = null;
        var motif = s.Motif;
        s.Motif = null;
        try { return JsonSerializer.Serialize(actuel, Json) == JsonSerializer.Serialize(Normaliser(s), Json); }
        finally { s.Motif = motif; }
    }

    public static async Task VerifierAsync(AppDbContext db, DeliberationSaisie s, int? id, CancellationToken ct, DateOnly? aujourdhui = null)
    {
        var erreurs = ReglesDeliberation.Verifier(s, aujourdhui);
        if (!erreurs.ContainsKey(nameof(s.Numero)) && !erreurs.ContainsKey(nameof(s.CollectiviteSiret))
            && await db.Deliberations.AnyAsync(x => x.CollectiviteSiret == s.CollectiviteSiret && x.Numero == s.Numero && x.Id != id, ct))
            erreurs[nameof(s.Numero)] = [$"La délibération n° {s.Numero} de cette collectivité est déjà au registre : corrigez-la plutôt que de la saisir à nouveau."];
        if (erreurs.Count > 0) throw Valider.Invalide(erreurs, "Délibération invalide");
    }

    static VersionDeliberation NouvelleVersion(Deliberation d, DeliberationSaisie s, string qui, DateTime quand, string motif) => new()
    {
        DeliberationId = d.Id, Version = d.Version, EnregistreeLe = quand, EnregistreePar = qui, Motif = motif,
        FichierNom = d.FichierNom, FichierSha256 = d.FichierSha256,
        Contenu = JsonSerializer.Serialize(DeliberationSaisie.De(d), Json),
    };

    static void Appliquer(Deliberation d, DeliberationSaisie s, string qui, DateTime quand)
    {
        d.CollectiviteNom = s.CollectiviteNom!; d.CollectiviteSiret = s.CollectiviteSiret!; d.Organe = s.Organe!; d.Numero = s.Numero!;
        d.DateSeance = s.DateSeance!.Value; d.Objet = s.Objet!; d.MatiereCode = s.MatiereCode!; d.President = s.President; d.Rapporteur = s.Rapporteur;
        d.MembresEnExercice = s.MembresEnExercice; d.Presents = s.Presents; d.Representes = s.Representes; d.Excuses = s.Excuses; d.NomsPresence = s.NomsPresence;
        d.Unanimite = s.Unanimite; d.VotePour = s.VotePour; d.VoteContre = s.VoteContre; d.VoteAbstention = s.VoteAbstention;
        d.NonParticipation = s.NonParticipation; d.Adoptee = s.Adoptee; d.BudgetAnnee = s.BudgetAnnee; d.BudgetNom = s.BudgetNom; d.PrefId = s.PrefId;
        d.DateTransmission = s.DateTransmission; d.IdentifiantActes = s.IdentifiantActes; d.DatePublication = s.DatePublication; d.Url = s.Url;
        d.ImputationAnnee = s.ImputationAnnee; d.ImputationSousPolitique = s.ImputationSousPolitique; d.ImputationChapitre = s.ImputationChapitre;
        d.ImputationNature = s.ImputationNature; d.ImputationFonction = s.ImputationFonction;
        d.PeriodeDebut = s.PeriodeDebut; d.PeriodeFin = s.PeriodeFin; d.Lieu = s.Lieu; d.Engagements = s.Engagements;
        d.Montants = s.Montants.Select((l, i) => new MontantAutorise
        {
            Rang = i + 1, Beneficiaire = l.Beneficiaire!, MontantCentimes = (long)(l.MontantEur!.Value * 100), Nature = l.Nature!,
        }).ToList();
        d.ModifieLe = quand;
        d.ModifiePar = qui;
    }
}
