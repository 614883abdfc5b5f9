using System.Globalization;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary><c>deliberations lire &lt;fichier.txt|fichier.pdf&gt; [--json]</c>: prints the record the reader proposes for
/// an act (JSON with the keys of the corpus's <c>expected.json</c>, or a summary in French). Writes nothing; exit code 0,
/// 1 when the file cannot be read.</summary>
public sealed class CommandeLireActe : ICommandeCli
{
    public IReadOnlyList<string> Mots => ["deliberations", "lire"];
    public int Arguments => 1;
    public string Usage => "<fichier.txt|fichier.pdf> [--json]";
    public string Description => "propose la fiche d'un acte (délibération) lu dans son texte ou son PDF, sans rien enregistrer";

    public async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var chemin = args[2];
        PropositionActe p;
        try
        {
            var octets = await File.ReadAllBytesAsync(chemin);
            var texte = LectureFichier.Texte(octets, Path.GetFileName(chemin), app.Services.GetRequiredService<IExtracteurTextePdf>(), CancellationToken.None);
            p = app.Services.GetRequiredService<ILecteurActes>().Lire(texte);
        }
        catch (ActeIllisibleException e)
        {
            await Console.Error.WriteLineAsync($"Échec : {e.Message}");
            return 1;
        }
        var sortie = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        if (args.Contains("--json")) await sortie.WriteLineAsync(PropositionJson.Ecrire(p));
        else await sortie.WriteAsync(Resume(p));
        return 0;
    }

    /// <summary>The proposed record in plain French, one value per line, « introuvable dans le texte » for what was not read.</summary>
    public static string Resume(PropositionActe p)
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        string V(object? x) => x switch
        {
            null => "introuvable dans le texte",
            DateOnly d => Passerelle.Web.DatesEnLettres.Format(d, "d MMMM yyyy"),
            bool b => b ? "oui" : "non",
            decimal m => m.ToString("N2", fr) + " €",
            _ => x.ToString()!,
        };
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"Collectivité : {V(p.Collectivite)}");
        sb.AppendLine($"Organe : {V(p.TypeOrgane)}");
        sb.AppendLine($"Numéro : {V(p.Numero)}");
        sb.AppendLine($"Séance : {V(p.DateSeance)}");
        sb.AppendLine($"Objet : {V(p.Objet)}");
        sb.AppendLine($"Matière ACTES : {V(p.MatiereActesCode)}");
        sb.AppendLine($"Président : {V(p.President)}");
        sb.AppendLine($"Rapporteur : {V(p.Rapporteur)}");
        sb.AppendLine($"Présents : {V(p.Presents)} ; représentés : {V(p.Representes)} ; absents : {V(p.Excuses)}");
        sb.AppendLine(p.Vote is { } v ? $"Vote : {v.Pour} pour, {v.Contre} contre, {v.Abstention} abstentions, {v.NonParticipation} ne prenant pas part" : "Vote : pas de décompte publié");
        sb.AppendLine($"Unanimité : {V(p.Unanimite)} ; adoptée : {V(p.Adoptee)}");
        if (p.Beneficiaires.Count == 0) sb.AppendLine("Bénéficiaires : aucun");
        foreach (var b in p.Beneficiaires) sb.AppendLine($"Bénéficiaire : {b.Nom} — {V(b.MontantEur)} ({b.Nature})");
        sb.AppendLine($"Total des aides en numéraire : {V(p.MontantTotalEur)}");
        if (p.ImputationBudgetaire is { } i)
            sb.AppendLine($"Imputation : budget {V(i.Annee)}, sous-politique {V(i.SousPolitique)}, chapitre {V(i.Chapitre)}, nature {V(i.Nature)}, fonction {V(i.Fonction)}");
        else sb.AppendLine("Imputation : non trouvée");
        sb.AppendLine($"Période : du {V(p.PeriodeDebut)} au {V(p.PeriodeFin)}");
        sb.AppendLine($"Transmission en préfecture : {V(p.TransmissionPrefecture?.Date)} ; identifiant ACTES : {V(p.TransmissionPrefecture?.Identifiant)}");
        sb.AppendLine($"Lieu : {V(p.Lieu)}");
        foreach (var e in p.Engagements) sb.AppendLine($"Engagement : {e}");
        foreach (var a in p.Avertissements) sb.AppendLine($"AVERTISSEMENT : {a}");
        return sb.ToString();
    }
}
