using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

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
    public DbSet<Features.Accompagner.Motifs.Motif> Motifs => Set<Features.Accompagner.Motifs.Motif>();
    public DbSet<Features.Accompagner.Permanences.Permanence> Permanences => Set<Features.Accompagner.Permanences.Permanence>();
    public DbSet<Features.Accompagner.Permanences.Absence> Absences => Set<Features.Accompagner.Permanences.Absence>();
    public DbSet<Features.Accompagner.Permanences.Fermeture> Fermetures => Set<Features.Accompagner.Permanences.Fermeture>();
    public DbSet<Features.Accompagner.Permanences.Creneau> Creneaux => Set<Features.Accompagner.Permanences.Creneau>();
    public DbSet<Features.Accompagner.Rendezvous.Reservation> Reservations => Set<Features.Accompagner.Rendezvous.Reservation>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Accompagner.Ateliers.Atelier> Ateliers => Set<Features.Accompagner.Ateliers.Atelier>();
    public DbSet<Features.Accompagner.Ateliers.SessionAtelier> SessionsAteliers => Set<Features.Accompagner.Ateliers.SessionAtelier>();
    public DbSet<Features.Accompagner.Ateliers.Inscription> Inscriptions => Set<Features.Accompagner.Ateliers.Inscription>();
    public DbSet<Features.Financer.Conventions.Convention> Conventions => Set<Features.Financer.Conventions.Convention>();
    public DbSet<Features.Accompagner.Activites.Activite> Activites => Set<Features.Accompagner.Activites.Activite>();
    public DbSet<Features.Accompagner.Activites.Etiquette> Etiquettes => Set<Features.Accompagner.Activites.Etiquette>();
    public DbSet<Features.Accompagner.Beneficiaires.Beneficiaire> Beneficiaires => Set<Features.Accompagner.Beneficiaires.Beneficiaire>();
    public DbSet<Features.Accompagner.Beneficiaires.ParticipantActivite> ParticipantsActivites => Set<Features.Accompagner.Beneficiaires.ParticipantActivite>();
    public DbSet<Features.Accompagner.Beneficiaires.DecompteAnonyme> DecomptesAnonymes => Set<Features.Accompagner.Beneficiaires.DecompteAnonyme>();
    public DbSet<Features.Referentiels.Qpv> Qpv => Set<Features.Referentiels.Qpv>();
    public DbSet<Features.Accompagner.Beneficiaires.Orientation> Orientations => Set<Features.Accompagner.Beneficiaires.Orientation>();
    public DbSet<Features.Accompagner.Beneficiaires.Diagnostic> Diagnostics => Set<Features.Accompagner.Beneficiaires.Diagnostic>();
    public DbSet<Features.Accompagner.Beneficiaires.NiveauCompetence> NiveauxCompetences => Set<Features.Accompagner.Beneficiaires.NiveauCompetence>();
    public DbSet<Features.Accompagner.Beneficiaires.Journal> Journal => Set<Features.Accompagner.Beneficiaires.Journal>();
    public DbSet<Features.Financer.Deliberations.Deliberation> Deliberations => Set<Features.Financer.Deliberations.Deliberation>();
    public DbSet<Features.Financer.Deliberations.VersionDeliberation> VersionsDeliberations => Set<Features.Financer.Deliberations.VersionDeliberation>();
    public DbSet<Features.Financer.Deliberations.ActeDepose> ActesDeposes => Set<Features.Financer.Deliberations.ActeDepose>();
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
