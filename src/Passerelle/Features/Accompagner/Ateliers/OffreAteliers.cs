using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Reseau.Lieux;

namespace Passerelle.Features.Accompagner.Ateliers;

/// <summary>The coming workshop sessions a place's public page lists.</summary>
public sealed class OffreAteliers(TimeProvider horloge) : IOffreDuLieu
{
    public async Task<IReadOnlyList<AtelierProche>> AteliersAsync(AppDbContext db, int lieuId, CancellationToken ct)
    {
        var instant = horloge.GetUtcNow().UtcDateTime;
        return await db.SessionsAteliers.AsNoTracking().Where(s => s.LieuId == lieuId && !s.Annulee && s.Debut > instant).OrderBy(s => s.Debut).Take(5)
            .Select(s => new AtelierProche(s.Id, s.Atelier!.Titre, s.Debut, s.Capacite - s.Inscrits)).ToListAsync(ct);
    }
}

public static class ServicesAteliers
{
    /// <summary>What the workshops show on a place's page, and the sessions cancelled when Permanences closes a place.</summary>
    public static void AddAteliers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IOffreDuLieu, OffreAteliers>();
        builder.Services.TryAddSingleton<Permanences.AnnoncesPermanences>();
        builder.Services.AddSingleton<Permanences.IAnnoncesPermanences, AnnulationsAteliers>();
    }
}
