using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>Compares a proposed record (as the CLI/API JSON) with an <c>attendu</c> object of the corpus's expected.json,
/// field by field, with the corpus README's suggested rules: texts NFC, trimmed, spaces collapsed, case ignored (names
/// also without guillemets and a leading « Association »); numbers, dates, codes and booleans exactly; beneficiaries same
/// count and order; each expected commitment equal to or contained in one read commitment.</summary>
public static class ComparaisonCorpus
{
    public static string Dossier => Path.Combine(AppContext.BaseDirectory, "Donnees", "deliberations-exemples");

    public static IEnumerable<(string Fichier, JsonElement Attendu)> Cas()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dossier, "expected.json")));
        foreach (var cas in doc.RootElement.GetProperty("cas").EnumerateArray())
            yield return (cas.GetProperty("fichier").GetString()!, cas.GetProperty("attendu").Clone());
    }

    /// <summary>The fields that differ, each as « champ : attendu … lu … ».</summary>
    public static List<string> Ecarts(JsonElement attendu, JsonElement lu)
    {
        var ecarts = new List<string>();
        foreach (var champ in attendu.EnumerateObject())
        {
            var l = lu.TryGetProperty(champ.Name, out var x) ? x : default;
            if (!Egal(champ.Name, champ.Value, l))
                ecarts.Add($"{champ.Name} : attendu {champ.Value.GetRawText()} — lu {(l.ValueKind == JsonValueKind.Undefined ? "(absent)" : l.GetRawText())}");
        }
        return ecarts;
    }

    static bool Egal(string champ, JsonElement a, JsonElement l)
    {
        if (l.ValueKind == JsonValueKind.Undefined) return false;
        switch (champ)
        {
            case "collectivite" or "objet" or "president" or "rapporteur" or "lieu":
                return a.ValueKind == l.ValueKind && (a.ValueKind == JsonValueKind.Null || Texte(a.GetString()) == Texte(l.GetString()));
            case "beneficiaires":
                var ba = a.EnumerateArray().ToList();
                var bl = l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().ToList() : [];
                return ba.Count == bl.Count && ba.Zip(bl).All(p => Nom(p.First.GetProperty("nom").GetString()) == Nom(p.Second.GetProperty("nom").GetString())
                    && p.First.GetProperty("montant_eur").GetDecimal() == p.Second.GetProperty("montant_eur").GetDecimal()
                    && p.First.GetProperty("nature").GetString() == p.Second.GetProperty("nature").GetString());
            case "engagements":
                var ea = a.EnumerateArray().Select(e => Texte(e.GetString())).ToList();
                var el = l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().Select(e => Texte(e.GetString())).ToList() : [];
                return ea.Count == el.Count && ea.All(e => el.Any(x => x == e || x.Contains(e)));
            case "montant_total_eur":
                return a.ValueKind == l.ValueKind && (a.ValueKind == JsonValueKind.Null || a.GetDecimal() == l.GetDecimal());
            default:
                return JsonElement.DeepEquals(a, l);
        }
    }

    static string Texte(string? s) => Regex.Replace((s ?? "").Normalize(NormalizationForm.FormC).Trim(), @"\s+", " ").ToLower(CultureInfo.InvariantCulture);

    static string Nom(string? s) => Regex.Replace(Texte(s).Replace("«", "").Replace("»", ""), @"^(?:l'association|association)\s+", "").Trim();

    public static JsonElement Lire(string fichier)
    {
        var texte = File.ReadAllText(Path.Combine(Dossier, fichier));
        using var doc = JsonDocument.Parse(PropositionJson.Ecrire(new LecteurActes().Lire(texte)));
        return doc.RootElement.Clone();
    }
}
