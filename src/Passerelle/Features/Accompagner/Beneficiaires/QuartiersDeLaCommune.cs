using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>The priority neighbourhoods of the commune typed (name and/or postcode); none until a known commune is typed.</summary>
public static class QuartiersDeLaCommune
{
    public static async Task<List<Qpv>> ExecuterAsync(AppDbContext db, string? commune, string? codePostal, CancellationToken ct)
    {
        var insee = CommunesQpv.CodesInsee(commune, codePostal);
        if (insee.Count == 0) return [];
        var departements = insee.Select(c => c[..2]).Distinct().ToList();
        var liste = await db.Qpv.AsNoTracking().Where(q => departements.Contains(q.Departement)).OrderBy(q => q.Nom).ToListAsync(ct);
        return liste.Where(q => CommunesQpv.DansLaCommune(q, insee)).ToList();
    }
}
