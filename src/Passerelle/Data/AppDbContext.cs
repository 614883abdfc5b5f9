using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Lieux;
using Passerelle.Features.Mediateurs;
using Passerelle.Features.Structures;

namespace Passerelle.Data;

/// <summary>One model, two providers: each sealed subclass owns its migrations folder.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Lieu> Lieux => Set<Lieu>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Mediateur> Mediateurs => Set<Mediateur>();
    public DbSet<Emploi> Emplois => Set<Emploi>();
    public DbSet<GestionStructure> GestionsStructures => Set<GestionStructure>();
    public DbSet<Features.Motifs.Motif> Motifs => Set<Features.Motifs.Motif>();
    public DbSet<Features.Permanences.Permanence> Permanences => Set<Features.Permanences.Permanence>();
    public DbSet<Features.Permanences.Absence> Absences => Set<Features.Permanences.Absence>();
    public DbSet<Features.Permanences.Fermeture> Fermetures => Set<Features.Permanences.Fermeture>();
    public DbSet<Features.Rendezvous.Creneau> Creneaux => Set<Features.Rendezvous.Creneau>();
    public DbSet<Features.Rendezvous.Reservation> Reservations => Set<Features.Rendezvous.Reservation>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Ateliers.Atelier> Ateliers => Set<Features.Ateliers.Atelier>();
    public DbSet<Features.Ateliers.SessionAtelier> SessionsAteliers => Set<Features.Ateliers.SessionAtelier>();
    public DbSet<Features.Ateliers.Inscription> Inscriptions => Set<Features.Ateliers.Inscription>();
    public DbSet<Features.Conventions.Convention> Conventions => Set<Features.Conventions.Convention>();
    public DbSet<Features.Activites.Activite> Activites => Set<Features.Activites.Activite>();
    public DbSet<Features.Activites.Etiquette> Etiquettes => Set<Features.Activites.Etiquette>();
    public DbSet<Features.Beneficiaires.Beneficiaire> Beneficiaires => Set<Features.Beneficiaires.Beneficiaire>();
    public DbSet<Features.Beneficiaires.ParticipantActivite> ParticipantsActivites => Set<Features.Beneficiaires.ParticipantActivite>();
    public DbSet<Features.Beneficiaires.DecompteAnonyme> DecomptesAnonymes => Set<Features.Beneficiaires.DecompteAnonyme>();
    public DbSet<Features.Referentiels.Qpv> Qpv => Set<Features.Referentiels.Qpv>();
    public DbSet<Features.Beneficiaires.Orientation> Orientations => Set<Features.Beneficiaires.Orientation>();
    public DbSet<Features.Beneficiaires.Diagnostic> Diagnostics => Set<Features.Beneficiaires.Diagnostic>();
    public DbSet<Features.Beneficiaires.NiveauCompetence> NiveauxCompetences => Set<Features.Beneficiaires.NiveauCompetence>();
    public DbSet<Features.Beneficiaires.Journal> Journal => Set<Features.Beneficiaires.Journal>();
    /// <summary>The keys that sign cookies, tokens and links, shared by every instance (see Web/Production.cs).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Every DateTime is UTC: written as UTC whatever its Kind, read back as UTC (SQLite keeps no Kind,
    /// PostgreSQL's timestamptz accepts only UTC).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<EnUtc>();
        configuration.Properties<DateTime?>().HaveConversion<EnUtc>();
    }

    sealed class EnUtc() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature configures its own entities (IEntityTypeConfiguration beside the entity), the roles' seed included.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : AppDbContext(options);

public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : AppDbContext(options);
