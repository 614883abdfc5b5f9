using System.Text.Json;
using Passerelle.Features.Financer.Deliberations.Lecture;

namespace Passerelle.Tests.Features.Financer.Deliberations.Lecture;

/// <summary>The development corpus (tests/Passerelle.Tests/Donnees/deliberations-exemples, fictitious acts — see its
/// README): every file is read and every field compared with expected.json.</summary>
public class CorpusTests
{
    public static TheoryData<string> Fichiers() => [.. ComparaisonCorpus.Cas().Select(c => c.Fichier)];

    [Theory]
    [MemberData(nameof(Fichiers))]
    public void Chaque_acte_du_corpus_donne_les_valeurs_attendues(string fichier)
    {
        var attendu = ComparaisonCorpus.Cas().Single(c => c.Fichier == fichier).Attendu;
        var ecarts = ComparaisonCorpus.Ecarts(attendu, ComparaisonCorpus.Lire(fichier));
        ecarts.ShouldBeEmpty($"{fichier} :\n  " + string.Join("\n  ", ecarts));
    }

    [Fact]
    public void Tout_le_corpus_champ_par_champ()
    {
        var rapport = new List<string>();
        int justes = 0, total = 0;
        foreach (var (fichier, attendu) in ComparaisonCorpus.Cas())
        {
            var ecarts = ComparaisonCorpus.Ecarts(attendu, ComparaisonCorpus.Lire(fichier));
            total += attendu.EnumerateObject().Count();
            justes += attendu.EnumerateObject().Count() - ecarts.Count;
            rapport.AddRange(ecarts.Select(e => $"{fichier} — {e}"));
        }
        total.ShouldBe(210);
        rapport.ShouldBeEmpty($"{justes}/{total} champs justes :\n" + string.Join("\n", rapport));
    }

    [Fact]
    public void Le_json_a_exactement_les_cles_du_corpus_puis_les_cles_du_registre_avertissements_et_passages()
    {
        var (fichier, attendu) = ComparaisonCorpus.Cas().First();
        var lu = ComparaisonCorpus.Lire(fichier);
        lu.EnumerateObject().Select(p => p.Name).ShouldBe([.. attendu.EnumerateObject().Select(p => p.Name), "membres_en_exercice", "budget", "avertissements", "passages"]);
    }

    [Fact]
    public void Seule_l_incoherence_voulue_du_corpus_est_signalee_sans_etre_corrigee()
    {
        foreach (var (fichier, _) in ComparaisonCorpus.Cas())
        {
            var avertissements = ComparaisonCorpus.Lire(fichier).GetProperty("avertissements").EnumerateArray().Select(a => a.GetString()!).ToList();
            if (fichier.StartsWith("10-"))
            {
                avertissements.ShouldHaveSingleItem().ShouldContain("22 voix");
                avertissements[0].ShouldContain("21 votants");
            }
            else avertissements.ShouldBeEmpty(fichier);
        }
    }

    [Fact]
    public void Chaque_valeur_est_expliquee_par_son_passage()
    {
        var texte = File.ReadAllText(Path.Combine(ComparaisonCorpus.Dossier, "01-bureau-metropole-subventions.txt"));
        var p = new LecteurActes().Lire(texte);
        string Extrait(string cle) => p.Texte.Substring(p.Passages[cle].Debut, p.Passages[cle].Longueur);
        Extrait("numero").ShouldBe("25/0087/BM");
        Extrait("president").ShouldContain("GUILLERMIC");
        Extrait("beneficiaires[1]").ShouldContain("Connect'Entraide");
        Extrait("beneficiaires[1]").ShouldContain("12 000");
        Extrait("imputation_budgetaire").ShouldContain("65748");
        Extrait("vote").ShouldContain("Pour : 16");
        Extrait("engagements[0]").ShouldStartWith("organiser des ateliers");
        Extrait("transmission_prefecture.identifiant").ShouldBe("085-200097368-20250213-25_0087_BM-DE");
    }
}
