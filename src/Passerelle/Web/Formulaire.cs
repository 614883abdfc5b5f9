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
    /// <summary>The input's type attribute: text, email, tel, url, date, time, number, password, or "checkbox" for one
    /// yes/no box (checked when <see cref="Valeur"/> is "true"; a hidden "false" follows it so that unticking is posted).</summary>
    public string Type { get; init; } = "text";
    /// <summary>When set, the field is a <c>select</c> with these options (value, visible text); <see cref="Valeur"/> is the selected value.</summary>
    public IReadOnlyList<Option>? Options { get; init; }
    /// <summary>With <see cref="Options"/>: a multiple select whose selected values are these (<see cref="Valeur"/> is then ignored).</summary>
    public IReadOnlyCollection<string>? Valeurs { get; init; }
    /// <summary>Visible rows of a multiple select.</summary>
    public int? Taille { get; init; }
    /// <summary>min, max and step attributes of number, date and time inputs (invariant text, e.g. "0", "2025-01-01").</summary>
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Pas { get; init; }
    /// <summary>Values proposed under a free input (a <c>datalist</c> with id <see cref="Id"/> + "-suggestions").</summary>
    public IReadOnlyList<string>? Suggestions { get; init; }
    public string? Autocomplete { get; init; }
    public string? Aide { get; init; }
    public bool Obligatoire { get; init; }
    public bool Multiligne { get; init; }
    public int? LongueurMax { get; init; }
    /// <summary>Key of the field's errors when the use case names it otherwise than the form (posted "du", error on "DateDebut").</summary>
    public string? Cle { get; init; }
    /// <summary>Ids of other elements describing the field, added to its <c>aria-describedby</c> (e.g. a status line under it).</summary>
    public string? DecritAussi { get; init; }
    /// <summary>The label is read by screen readers but not shown (a cell of a table whose column header already says it).</summary>
    public bool LibelleCache { get; init; }
    /// <summary>The accept attribute of a "file" input (".csv,text/csv").</summary>
    public string? Accepte { get; init; }
    /// <summary>A "file" input that takes several files at once.</summary>
    public bool Multiple { get; init; }
    /// <summary>The field takes the focus when the page opens (a scan loop: the next barcode goes straight into it).</summary>
    public bool Autofocus { get; init; }
    /// <summary>For a "checkbox": post the hidden "false" when unticked (default). A GET filter sets it to false so that its
    /// address keeps only the ticked boxes.</summary>
    public bool PosteDecoche { get; init; } = true;
    public string? Erreur => Erreurs.TryGetValue(Cle ?? Nom, out var m) ? string.Join(" ", m) : null;
}

/// <summary>One choice of a select or of a group of boxes: the posted value and the visible text.</summary>
public sealed record Option(string Valeur, string Libelle);

/// <summary>
/// A group of boxes to tick, drawn by <c>Features/Shared/_GroupeCases.cshtml</c> as a <c>fieldset</c> named by its
/// <c>legend</c> (RGAA 11.5, 11.6), each box posting <see cref="Prefixe"/> + <see cref="Nom"/> = its value; the group's
/// help and error are tied to the fieldset by <c>aria-describedby</c>, and every box gets <c>aria-invalid</c> when wrong.
/// </summary>
/// <param name="Coches">Values of the ticked boxes.</param>
public sealed record GroupeCases(string Nom, string Legende, IReadOnlyList<Option> Options, IReadOnlyCollection<string> Coches,
    IReadOnlyDictionary<string, string[]> Erreurs)
{
    /// <summary>HTML id of the fieldset; the boxes are Id-0, Id-1…; messages "err-"/"aide-" + Id.</summary>
    public string Id { get; init; } = Nom.ToLowerInvariant();
    public string Prefixe { get; init; } = "";
    public string? Aide { get; init; }
    /// <summary>One choice only: radio buttons instead of boxes.</summary>
    public bool Unique { get; init; }
    /// <summary>At least one box must be ticked: a visible "*" after the legend (the rule itself is checked on the server).</summary>
    public bool Obligatoire { get; init; }
    /// <summary>The legend is read by screen readers but not shown (the group sits under a visible summary saying the same).</summary>
    public bool LegendeCachee { get; init; }
    /// <summary>CSS class of the fieldset (e.g. "groupe-filtres" for the compact filters of a search).</summary>
    public string? Classe { get; init; }
    /// <summary>When set, the boxes are drawn in these sub-groups, each a fieldset with its own legend inside the group
    /// (e.g. the national themes by family); <see cref="Options"/> is then ignored.</summary>
    public IReadOnlyList<SousGroupe>? SousGroupes { get; init; }
    public string? Erreur => Erreurs.TryGetValue(Nom, out var m) ? string.Join(" ", m) : null;
}

/// <summary>A family of boxes inside a <see cref="GroupeCases"/>, under its own legend.</summary>
public sealed record SousGroupe(string Legende, IReadOnlyList<Option> Options);

/// <summary>Errors of a page bound with MVC model binding, in the shape the partials read.</summary>
public static class Formulaire
{
    /// <summary>No error: the dictionary of a field that cannot be wrong (a GET search or filter).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Aucune = new Dictionary<string, string[]>();

    /// <summary>Model-state errors keyed by property name, <paramref name="prefixe"/> ("Saisie.") removed from the key;
    /// the form-wide errors stay under "". Binding failures (a date that is not one) appear as the binder's message.</summary>
    public static IReadOnlyDictionary<string, string[]> Erreurs(ModelStateDictionary etat, string prefixe = "") =>
        etat.Where(e => e.Value?.Errors.Count > 0).ToDictionary(
            e => prefixe.Length > 0 && e.Key.StartsWith(prefixe, StringComparison.Ordinal) ? e.Key[prefixe.Length..] : e.Key,
            e => e.Value!.Errors.Select(x => x.ErrorMessage is { Length: > 0 } m ? m : "Cette valeur n'est pas valide.").ToArray());
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
