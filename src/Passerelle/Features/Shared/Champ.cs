namespace Passerelle.Features.Shared;

/// <summary>View model of the shared accessible field partial <c>Shared/_Champ.cshtml</c>: a label, an optional help text and the
/// field's errors, both tied to the input with <c>aria-describedby</c>, and <c>aria-invalid</c> when the field is wrong.</summary>
/// <param name="Nom">The input's property name: posted as <c>Saisie.{Nom}</c>, errors looked up in <paramref name="Erreurs"/> under it.</param>
/// <param name="Id">The element id (default <c>champ-{Nom}</c>); help and error ids are <c>aide-{Nom}</c> and <c>err-{Nom}</c>.</param>
/// <param name="Type">The input type (text, tel, email…).</param>
public sealed record Champ(string Nom, string Libelle, string? Valeur, Dictionary<string, string[]> Erreurs, string? Aide = null, bool Multiligne = false,
    string Type = "text", string? Id = null, string? Autocomplete = null, string? Inputmode = null, int? Maxlength = null);
