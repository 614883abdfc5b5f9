using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>The files of the account's structures, followed ones first, optionally filtered by what the mediator types.</summary>
public static class ListerFiches
{
    /// <param name="max">At most this many summaries (the callers clamp it).</param>
    public static async Task<List<BeneficiaireResume>> ExecuterAsync(AppDbContext db, HashSet<int> structures, string? recherche, int max, CancellationToken ct)
    {
        var q = db.Beneficiaires.AsNoTracking().Where(b => structures.Contains(b.StructureId));
        if (!string.IsNullOrWhiteSpace(recherche)) q = Filtrer(q, recherche.Trim());
        var liste = await q.OrderByDescending(b => b.Suivi).ThenBy(b => b.NomRecherche).ThenByDescending(b => b.Id).Take(max).ToListAsync(ct);
        return await Fiches.ResumesAsync(db, liste, ct);
    }

    /// <summary>Finds a file as people type: a phone number in any French writing (06 11 11 11 11, 0611111111, +33 6…), the start or end
    /// of one, a name with or without its apostrophes, hyphens, accents and capitals, in any order ("Ndiaye" finds "N'Diaye Jean-Baptiste"),
    /// an e-mail address whatever its case, or a file number. Names are compared the way duplicate detection does (<see cref="Texte.Compacter"/>).</summary>
    static IQueryable<Beneficiaire> Filtrer(IQueryable<Beneficiaire> q, string brut)
    {
        if (Identifiants.TelephoneInternational(brut) is { } telephone) return q.Where(b => b.Telephone == telephone);
        if (brut.Contains('@')) { var courriel = brut.ToLowerInvariant(); return q.Where(b => b.Courriel == courriel); }
        if (brut.Any(char.IsAsciiDigit) && brut.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')'))
        {
            var chiffres = new string(brut.Where(char.IsAsciiDigit).ToArray());
            var numero = brut[0] != '0' && chiffres.Length <= 9 && int.TryParse(chiffres, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (chiffres.Length < 4) return q.Where(b => b.Id == numero);
            // Stored numbers are international (+33…): a national start "06 11" is "+33611".
            var debut = brut[0] == '0' ? "+33" + chiffres[1..] : brut[0] == '+' ? "+" + chiffres : null;
            return debut is not null ? q.Where(b => b.Telephone!.StartsWith(debut)) : q.Where(b => b.Id == numero || b.Telephone!.Contains(chiffres));
        }
        foreach (var mot in brut.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Texte.Compacter).Where(m => m.Length > 0).Take(5))
            q = q.Where(b => b.NomRecherche!.Replace(" ", "").Contains(mot));
        return q;
    }
}
