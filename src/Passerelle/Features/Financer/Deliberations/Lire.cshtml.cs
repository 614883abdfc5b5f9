using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Deliberations.Lecture;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>Reading an act: paste its text or upload a .txt or a PDF → the reader proposes the record, each value with its passage
/// → the person corrects and confirms → only then is it saved. An unreadable act gives its French message and keeps what was typed.</summary>
[Authorize(Policy = Roles.PolitiqueAdmin)]
public sealed class LireModel(AppDbContext db, TimeProvider horloge, ILecteurActes lecteur, IExtracteurTextePdf extracteur) : FormulaireDeliberationModel
{
    public const int TailleMax = ActeDepose.TailleMax;
    [BindProperty] public string? Texte { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }
    /// <summary>The uploaded file kept for the confirmation (<see cref="ActeDepose"/>), carried by the review form.</summary>
    [BindProperty] public Guid? PieceId { get; set; }
    public string? PieceNom { get; private set; }
    /// <summary>False on the first step (paste or upload), true on the review form.</summary>
    public bool Relecture { get; private set; }
    public string? ErreurLecture { get; private set; }
    public IReadOnlyList<string> Avertissements { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostLireAsync(CancellationToken ct)
    {
        try
        {
            var texte = await TexteAsync(ct);
            var p = lecteur.Lire(texte, ct);
            if (ActeNonReconnu.Est(p)) throw new ActeIllisibleException(ActeNonReconnu.Message);
            if (Fichier is not null) await DeposerAsync(Fichier, ct);
            Saisie = await ProposerAsync(p, ct);
            Montrer(p);
            Relecture = true;
        }
        catch (ActeIllisibleException e) { ErreurLecture = e.Message; }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmerAsync(CancellationToken ct)
    {
        Relecture = true;
        if (!string.IsNullOrEmpty(Texte)) Montrer(lecteur.Lire(Texte, ct));
        ErreursLiaison();
        var qui = DeliberationsApi.Auteur(HttpContext);
        // Only the person who uploaded the file can attach it; an expired one is simply not attached.
        var piece = PieceId is { } pid ? await db.ActesDeposes.FirstOrDefaultAsync(a => a.Id == pid && a.DeposePar == qui, ct) : null;
        (PieceId, PieceNom) = (piece?.Id, piece?.Nom);
        if (Erreurs.Count > 0) return Page();
        try
        {
            var d = await EnregistrerDeliberation.CreerAsync(db, Saisie, qui, horloge, ct, piece);
            return Redirect($"/admin/deliberations/{d.Id}");
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException e)
        {
            Erreurs = Valider.Erreurs(e);
            return Page();
        }
    }

    /// <summary>Keeps the uploaded file until the confirmation, and removes the uploads older than a day that nobody confirmed.</summary>
    async Task DeposerAsync(IFormFile f, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var perime = maintenant - ActeDepose.Conservation;
        await db.ActesDeposes.Where(a => a.DeposeLe < perime).ExecuteDeleteAsync(ct);
        using var memoire = new MemoryStream((int)f.Length);
        await using (var flux = f.OpenReadStream()) await flux.CopyToAsync(memoire, ct);
        var type = f.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "text/plain; charset=utf-8";
        var piece = ActeDepose.De(memoire.ToArray(), f.FileName, type, DeliberationsApi.Auteur(HttpContext), maintenant);
        db.ActesDeposes.Add(piece);
        await db.SaveChangesAsync(ct);
        (PieceId, PieceNom) = (piece.Id, piece.Nom);
    }

    /// <summary>The pasted text, or the uploaded file's: a PDF through the extractor, a .txt decoded as imports are.</summary>
    async Task<string> TexteAsync(CancellationToken ct)
    {
        if (Fichier is { } f)
        {
            if (f.Length == 0) throw new ActeIllisibleException("Le fichier envoyé est vide : choisissez le fichier de l'acte, ou collez son texte.");
            if (f.Length > TailleMax) throw new ActeIllisibleException($"Le fichier dépasse {TailleMax / (1024 * 1024)} Mo : collez plutôt le texte de l'acte.");
            await using var flux = f.OpenReadStream();
            if (f.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return extracteur.Extraire(flux, ct);
            if (!f.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                throw new ActeIllisibleException("Passerelle lit les fichiers PDF et texte (.txt). Pour un autre format, collez le texte de l'acte.");
            try { return (await Csv.LireTexteAsync(flux, ct)).Contenu; }
            catch (Csv.EncodageInvalideException) { throw new ActeIllisibleException("Ce fichier n'est pas un texte lisible : collez le texte de l'acte, ou envoyez le PDF."); }
        }
        if (string.IsNullOrWhiteSpace(Texte)) throw new ActeIllisibleException("Collez le texte de l'acte ou choisissez un fichier PDF ou texte.");
        return Texte;
    }

    void Montrer(PropositionActe p)
    {
        Texte = TexteLu = p.Texte;
        Avertissements = p.Avertissements;
        Passages = [];
        foreach (var (cle, passage) in p.Passages)
            if (Champ(cle) is { } champ) Passages.TryAdd(champ, passage);
    }

    /// <summary>The reader's JSON key (expected.json names) → the form field it fills.</summary>
    static string? Champ(string cle) => cle switch
    {
        "collectivite" => "CollectiviteNom", "type_organe" => "Organe", "numero" => "Numero", "date_seance" => "DateSeance", "objet" => "Objet",
        "matiere_actes_code" => "MatiereCode", "president" => "President", "rapporteur" => "Rapporteur", "presents" => "Presents",
        "representes" => "Representes", "excuses" => "Excuses", "membres_en_exercice" => "MembresEnExercice", "budget" => "Budget", "vote" => "Vote", "unanimite" or "adoptee" => "Adoptee",
        "imputation_budgetaire" => "Imputation", "transmission_prefecture" => "Transmission", "periode" => "Periode", "lieu" => "Lieu",
        _ when cle.StartsWith("engagements[", StringComparison.Ordinal) => "Engagements",
        _ when cle.StartsWith("beneficiaires[", StringComparison.Ordinal) => "Montants" + cle["beneficiaires".Length..],
        _ when cle.StartsWith("transmission_prefecture", StringComparison.Ordinal) => "Transmission",
        _ when cle.StartsWith("imputation_budgetaire", StringComparison.Ordinal) => "Imputation",
        _ when cle.StartsWith("vote", StringComparison.Ordinal) => "Vote",
        _ => null,
    };

    /// <summary>The proposal as form values; nothing is guessed. The SIRET is not printed on acts: when the register already holds an
    /// act of a body of the same name, its SIRET is offered.</summary>
    async Task<DeliberationSaisie> ProposerAsync(PropositionActe p, CancellationToken ct)
    {
        var siret = p.Collectivite is { } nom
            ? await db.Deliberations.Where(d => d.CollectiviteNom == nom).OrderByDescending(d => d.Id).Select(d => d.CollectiviteSiret).FirstOrDefaultAsync(ct)
            : null;
        return new DeliberationSaisie
        {
            CollectiviteNom = p.Collectivite, CollectiviteSiret = siret, Organe = p.TypeOrgane, Numero = p.Numero, DateSeance = p.DateSeance, Objet = p.Objet,
            MatiereCode = p.MatiereActesCode, President = p.President, Rapporteur = p.Rapporteur, MembresEnExercice = p.MembresEnExercice, Presents = p.Presents, Representes = p.Representes,
            Excuses = p.Excuses, Unanimite = p.Unanimite ?? false, VotePour = p.Vote?.Pour, VoteContre = p.Vote?.Contre, VoteAbstention = p.Vote?.Abstention,
            NonParticipation = p.Vote?.NonParticipation, Adoptee = p.Adoptee ?? true,
            BudgetNom = p.BudgetNom, BudgetAnnee = p.BudgetAnnee,
            ImputationAnnee = p.ImputationBudgetaire?.Annee, ImputationSousPolitique = p.ImputationBudgetaire?.SousPolitique,
            ImputationChapitre = p.ImputationBudgetaire?.Chapitre, ImputationNature = p.ImputationBudgetaire?.Nature, ImputationFonction = p.ImputationBudgetaire?.Fonction,
            PeriodeDebut = p.PeriodeDebut, PeriodeFin = p.PeriodeFin, Lieu = p.Lieu, Engagements = p.Engagements.Count == 0 ? null : string.Join('\n', p.Engagements),
            DateTransmission = p.TransmissionPrefecture?.Date, IdentifiantActes = p.TransmissionPrefecture?.Identifiant,
            Montants = p.Beneficiaires.Select(b => new LigneSaisie { Beneficiaire = b.Nom, MontantEur = b.MontantEur, Nature = b.Nature }).ToList(),
        };
    }
}
