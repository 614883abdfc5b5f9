using System.Globalization;
using System.Text;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>The ACTES nomenclature at the level SCDL Délibérations uses: nine level-1 families and the level-2 matters allowed
/// by the schema (1.1–1.7, 2.1–2.3, 3.1–3.6, 4.1–4.5, 5.1–5.8, 6.1–6.5, 7.1–7.10, 8.1–8.9, 9.1–9.4). Labels as served by the
/// ACTES classification (docs/standards/scdl-deliberations.md; to verify against the prefecture's current file).</summary>
public static class MatieresActes
{
    public static readonly IReadOnlyDictionary<int, string> Familles = new Dictionary<int, string>
    {
        [1] = "Commande publique", [2] = "Urbanisme", [3] = "Domaine et patrimoine", [4] = "Fonction publique",
        [5] = "Institutions et vie politique", [6] = "Libertés publiques et pouvoirs de police", [7] = "Finances locales",
        [8] = "Domaines de compétences par thèmes", [9] = "Autres domaines de compétences",
    };

    /// <summary>Level-2 code → label, in the nomenclature's order.</summary>
    public static readonly IReadOnlyList<(string Code, string Libelle)> Matieres =
    [
        ("1.1", "Marchés publics"), ("1.2", "Délégation de service public"), ("1.3", "Conventions de mandat"), ("1.4", "Autres types de contrats"),
        ("1.5", "Transactions / protocole d'accord transactionnel"), ("1.6", "Actes relatifs à la maîtrise d'œuvre"), ("1.7", "Actes spéciaux et divers"),
        ("2.1", "Documents d'urbanisme"), ("2.2", "Actes relatifs au droit d'occupation ou d'utilisation des sols"), ("2.3", "Droit de préemption urbain"),
        ("3.1", "Acquisitions"), ("3.2", "Aliénations"), ("3.3", "Locations"), ("3.4", "Limites territoriales"),
        ("3.5", "Autres actes de gestion du domaine public"), ("3.6", "Autres actes de gestion du domaine privé"),
        ("4.1", "Personnel titulaires et stagiaires de la F.P.T."), ("4.2", "Personnel contractuel"), ("4.3", "Fonction publique hospitalière"),
        ("4.4", "Autres catégories de personnels"), ("4.5", "Régime indemnitaire"),
        ("5.1", "Élection exécutif"), ("5.2", "Fonctionnement des assemblées"), ("5.3", "Désignation de représentants"), ("5.4", "Délégation de fonctions"),
        ("5.5", "Délégation de signature"), ("5.6", "Exercice des mandats locaux"), ("5.7", "Intercommunalité"), ("5.8", "Décision d'ester en justice"),
        ("6.1", "Police municipale"), ("6.2", "Pouvoir du président du conseil général"), ("6.3", "Pouvoir du président du conseil régional"),
        ("6.4", "Autres actes réglementaires"), ("6.5", "Actes pris au nom de l'État et soumis au contrôle hiérarchique"),
        ("7.1", "Décisions budgétaires"), ("7.2", "Fiscalité"), ("7.3", "Emprunts"), ("7.4", "Interventions économiques"), ("7.5", "Subventions"),
        ("7.6", "Contributions budgétaires"), ("7.7", "Avances"), ("7.8", "Fonds de concours"), ("7.9", "Prise de participation (SEM, etc.)"), ("7.10", "Divers"),
        ("8.1", "Enseignement"), ("8.2", "Aide sociale"), ("8.3", "Voirie"), ("8.4", "Aménagement du territoire"), ("8.5", "Politique de la ville-habitat-logement"),
        ("8.6", "Emploi-formation professionnelle"), ("8.7", "Transports"), ("8.8", "Environnement"), ("8.9", "Culture"),
        ("9.1", "Autres domaines de compétences des communes"), ("9.2", "Autres domaines de compétences des départements"),
        ("9.3", "Autres domaines de compétences des régions"), ("9.4", "Vœux et motions"),
    ];

    static readonly Dictionary<string, string> ParCode = Matieres.ToDictionary(m => m.Code, m => m.Libelle);

    /// <summary>True for a level-2 code inside the schema's ranges (the regex <c>^\d\.\d{1,2}$</c> alone accepts <c>1.9</c>).</summary>
    public static bool CodeValide(string? code) => code is not null && ParCode.ContainsKey(code);

    public static string? Libelle(string? code) => code is not null && ParCode.TryGetValue(code, out var l) ? l : null;

    /// <summary>« 7.5 Subventions (Finances locales) », for pick-lists and pages.</summary>
    public static string Affichage(string code) => Libelle(code) is { } l ? $"{code} {l} ({Familles[int.Parse(code[..1], CultureInfo.InvariantCulture)]})" : code;

    /// <summary>SCDL <c>DELIB_MATIERE_NOM</c>: level-1 label, <c>/</c>, level-2 label, lower case with accents, without comma,
    /// parenthesis or slash inside a label (Passerelle's convention: 7.9 → <c>finances locales/prise de participation sem</c>).</summary>
    public static string? NomScdl(string? code)
    {
        if (Libelle(code) is not { } l) return null;
        return Simplifier(Familles[code![0] - '0']) + "/" + Simplifier(l);
    }

    static string Simplifier(string libelle)
    {
        var t = new StringBuilder();
        foreach (var c in libelle.ToLowerInvariant())
        {
            if (c is ',' or '(' or ')' or '/' or '.') { t.Append(' '); continue; }
            t.Append(c);
        }
        var s = string.Join(' ', t.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // « etc » is what is left of « (SEM, etc.) »; « f p t » of « F.P.T. » reads better joined.
        return s.Replace(" etc", "").Replace("f p t", "fpt");
    }

    /// <summary>Lower case without accents, for the family prefix check (SCDL custom check <c>nomenclature-actes-value</c>).</summary>
    public static string SansAccents(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var t = new StringBuilder(d.Length);
        foreach (var c in d) if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) t.Append(c);
        return t.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('œ', 'o');
    }

    /// <summary>True when the text before the first <c>/</c> is one of the nine families (case and accents ignored) and the
    /// <c>/</c> has no space on either side.</summary>
    public static bool PrefixeFamilleValide(string nom)
    {
        var i = nom.IndexOf('/');
        if (i <= 0 || i == nom.Length - 1 || nom[i - 1] == ' ' || nom[i + 1] == ' ') return false;
        var prefixe = SansAccents(nom[..i]);
        return Familles.Values.Any(f => SansAccents(f) == prefixe);
    }
}
