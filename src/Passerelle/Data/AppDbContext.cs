using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Lieux;
using Passerelle.Features.Mediateurs;
using Passerelle.Features.Structures;

namespace Passerelle.Data;

/// <summary>One model, two providers: each sealed subclass owns its migrations folder.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Lieu> Lieux => Set<Lieu>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Mediateur> Mediateurs => Set<Mediateur>();
    public DbSet<Emploi> Emplois => Set<Emploi>();
    public DbSet<GestionStructure> GestionsStructures => Set<GestionStructure>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Roles are data the code relies on: they ship with the migrations.
        builder.Entity<IdentityRole>().HasData(Features.Comptes.Roles.Tous.Select(r =>
            new IdentityRole { Id = r.ToLowerInvariant(), Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r }));
    }
}

public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : AppDbContext(options);

public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : AppDbContext(options);
