using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Passerelle.Web;

/// <summary>
/// One field of a form, drawn by <c>Features/Shared/_Champ.cshtml</c> the accessible way (RGAA 11.1, 11.10):
/// a visible label, a visible "*" plus <c>required</c>/<c>aria-required</c> when the field is required,
/// its help and its error tied by <c>aria-describedby</c>, and <c>aria-invalid="true"</c> when it is wrong.
/// </summary>
/// <param name="Nom">Property name in the input record (e.g. "Prenom"); the posted name is <see cref="Prefixe"/> + Nom.</param>
/// <param name="Erreurs">Errors by property name, as returned by the use case's <c>Verifier</c>.</param>
public sealed record Champ(string Nom, string Libelle, string? Valeur, IReadOnlyDictionary<string, string[]> Erreurs)
{
    /// <summary>HTML id of the input; the error is "err-" + <see cref="IdMessages"/> and the help "aide-" + <see cref="IdMessages"/>.</summary>
    public string Id { get; init; } = Nom.ToLowerInvariant();
    /// <summary>Suffix of the error and help ids (default: <see cref="Id"/>).</summary>
    public string? IdMessages { get; init; }
    /// <summary>The input's inputmode attribute (numeric, tel…), or null.</summary>
    public string? Inputmode { get; init; }
    public string Prefixe { get; init; } = "Saisie.";
    /// <summary>The input's type attribute: text, email, tel, date…</summary>
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? Aide { get; init; }
    public bool Obligatoire { get; init; }
    public bool Multiligne { get; init; }
    public int? LongueurMax { get; init; }
    public string? Erreur => Erreurs.TryGetValue(Nom, out var m) ? string.Join(" ", m) : null;
}

/// <summary>One line of the error summary: the message and the id of the field it links to (null: the form as a whole).</summary>
public sealed record LigneErreur(string? Cible, string Message);

/// <summary>
/// The error summary shown above a form after a failed submit (<c>Features/Shared/_ResumeErreurs.cshtml</c>):
/// it takes the focus on load and each line links to its field (RGAA 11.10, 7.5).
/// </summary>
public sealed record ResumeErreurs(string Titre, IReadOnlyList<LigneErreur> Lignes)
{
    /// <summary>From a use case's errors keyed by property name; field ids are the lower-cased names (as <see cref="Champ.Id"/>).</summary>
    public static ResumeErreurs De(string titre, IReadOnlyDictionary<string, string[]> erreurs, IReadOnlyDictionary<string, string>? ids = null) =>
        new(titre, erreurs.SelectMany(e => e.Value.Select(m => new LigneErreur(
            e.Key.Length == 0 ? null : ids?.GetValueOrDefault(e.Key) ?? e.Key.ToLowerInvariant(), m))).ToList());

    /// <summary>From MVC model state, for pages bound with <c>asp-for</c> (ids such as "Formulaire_Email").</summary>
    public static ResumeErreurs De(string titre, ModelStateDictionary etat) =>
        new(titre, etat.Where(e => e.Value?.Errors.Count > 0).SelectMany(e => e.Value!.Errors.Select(x => new LigneErreur(
            e.Key.Length == 0 ? null : TagBuilder.CreateSanitizedId(e.Key, "_"), x.ErrorMessage))).ToList());
}
