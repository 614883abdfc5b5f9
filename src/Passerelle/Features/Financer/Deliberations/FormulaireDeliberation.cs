using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Features.Financer.Deliberations.Lecture;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>What the create, correct and review pages share: the bound <see cref="Saisie"/>, its errors by field, the HTML id of
/// each field (error summary links) and, on the review page, the passage of the act each value was read from.</summary>
public abstract class FormulaireDeliberationModel : PageModel
{
    [BindProperty] public DeliberationSaisie Saisie { get; set; } = new();
    public Dictionary<string, string[]> Erreurs { get; protected set; } = [];
    /// <summary>Rows shown for the authorised amounts: the filled ones and three empty ones.</summary>
    public int LignesMontants => Saisie.Montants.Count + 3;
    /// <summary>The text read (review page): passages point into it.</summary>
    public string? TexteLu { get; protected set; }
    /// <summary>Passage of <see cref="TexteLu"/> by form field name (<c>Numero</c>, <c>Montants[0]</c>…).</summary>
    public Dictionary<string, Passage> Passages { get; protected set; } = [];
    public virtual bool Correction => false;

    /// <summary>HTML id of a field, from its name: « Montants[1].Nature » → « f-montants-1-nature ».</summary>
    public static string Id(string champ) => "f-" + new string(champ.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-').Replace("--", "-");

    public Dictionary<string, string> Ids => Erreurs.Keys.Where(k => k.Length > 0).ToDictionary(k => k, Id);

    /// <summary>The model binder's errors (a date that is not one…) as field errors.</summary>
    protected void ErreursLiaison() => Erreurs = Formulaire.Erreurs(ModelState, "Saisie.").ToDictionary();

    /// <summary>The text around a passage, cut to about 160 characters, split as (before, passage, after).</summary>
    public (string Avant, string Marque, string Apres)? Extrait(string champ)
    {
        if (TexteLu is null || !Passages.TryGetValue(champ, out var p) || p.Debut < 0 || p.Longueur <= 0 || p.Debut + p.Longueur > TexteLu.Length) return null;
        var debut = Math.Max(0, p.Debut - 60);
        var fin = Math.Min(TexteLu.Length, p.Debut + p.Longueur + 60);
        static string Net(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
        var avant = Net(TexteLu[debut..p.Debut]);
        var apres = Net(TexteLu[(p.Debut + p.Longueur)..fin]);
        return ((debut > 0 ? "… " : "") + avant, Net(TexteLu.Substring(p.Debut, p.Longueur)), apres + (fin < TexteLu.Length ? " …" : ""));
    }
}
