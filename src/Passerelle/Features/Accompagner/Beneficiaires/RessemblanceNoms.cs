using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>When two names are probably the same person's: the same letters once accents, capitals, hyphens and apostrophes are set
/// aside (<see cref="Texte.Compacter"/>), first and last name swapped, or one or two typing differences.</summary>
public static class RessemblanceNoms
{
    public static bool Proches(Beneficiaire a, Beneficiaire b)
    {
        string Nom(Beneficiaire x) => Texte.Compacter(x.Nom);
        string Prenom(Beneficiaire x) => Texte.Compacter(x.Prenom);
        var (na, pa, nb, pb) = (Nom(a), Prenom(a), Nom(b), Prenom(b));
        if (na.Length == 0 || nb.Length == 0) return false;
        return (Distance(na, nb) + Distance(pa, pb) <= 2) || (Distance(na, pb) + Distance(pa, nb) <= 1);
    }

    /// <summary>Levenshtein distance, stopping early: only "at most 2" matters.</summary>
    public static int Distance(string s, string t)
    {
        if (Math.Abs(s.Length - t.Length) > 2) return 3;
        var precedente = new int[t.Length + 1];
        var courante = new int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++) precedente[j] = j;
        for (var i = 1; i <= s.Length; i++)
        {
            courante[0] = i;
            for (var j = 1; j <= t.Length; j++)
                courante[j] = Math.Min(Math.Min(courante[j - 1] + 1, precedente[j] + 1), precedente[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1));
            (precedente, courante) = (courante, precedente);
        }
        return precedente[t.Length];
    }
}
