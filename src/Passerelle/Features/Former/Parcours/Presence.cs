using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Former.Parcours;

/// <summary>A signed attendance sheet (issue 14 §3, standards section 2 « Presence »): one session of a cohort (day and half-day),
/// the minutes planned, who signed it and when. One sheet per (cohort, day, session), held by a unique index.</summary>
public sealed class FeuillePresence
{
    public int Id { get; set; }
    public int CohorteId { get; set; }
    public DateOnly Le { get; set; }
    /// <summary><see cref="Vocabulaire.Seances"/> code.</summary>
    public string Seance { get; set; } = "matin";
    /// <summary>Length of the session, in minutes (1–720).</summary>
    public int MinutesPrevues { get; set; }
    /// <summary>The trainer who signed the sheet, and the account that recorded it.</summary>
    public string SigneePar { get; set; } = "";
    public string SaisiePar { get; set; } = "";
    public DateTime SaisieLe { get; set; }
    public List<Presence> Presences { get; set; } = [];
}

/// <summary>One learner's line of a sheet: status (<see cref="Vocabulaire.StatutsPresence"/>) and minutes attended (the session's
/// length when present, 0 when absent, excused or not; what was attended when late).</summary>
public sealed class Presence
{
    public int Id { get; set; }
    public int FeuillePresenceId { get; set; }
    public int InscriptionId { get; set; }
    public string Statut { get; set; } = "present";
    public int Minutes { get; set; }
}

public sealed class PresenceConfiguration : IEntityTypeConfiguration<FeuillePresence>, IEntityTypeConfiguration<Presence>
{
    public void Configure(EntityTypeBuilder<FeuillePresence> b)
    {
        b.ToTable("FeuillesPresence", t =>
        {
            t.HasCheckConstraint("CK_FeuillesPresence_Seance", "\"Seance\" IN ('matin', 'apres_midi', 'journee', 'soir')");
            t.HasCheckConstraint("CK_FeuillesPresence_Minutes", "\"MinutesPrevues\" > 0 AND \"MinutesPrevues\" <= 720");
        });
        b.HasIndex(f => new { f.CohorteId, f.Le, f.Seance }).IsUnique();
        b.Property(f => f.Seance).HasMaxLength(20);
        b.Property(f => f.SigneePar).HasMaxLength(200);
        b.Property(f => f.SaisiePar).HasMaxLength(256);
        b.HasOne<Cohorte>().WithMany().HasForeignKey(f => f.CohorteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Presences).WithOne().HasForeignKey(p => p.FeuillePresenceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Presence> b)
    {
        b.ToTable("PresencesParcours", t =>
        {
            t.HasCheckConstraint("CK_PresencesParcours_Statut", "\"Statut\" IN ('present', 'excuse', 'absent', 'retard')");
            t.HasCheckConstraint("CK_PresencesParcours_Minutes", "\"Minutes\" >= 0 AND \"Minutes\" <= 720 AND (\"Statut\" IN ('present', 'retard') OR \"Minutes\" = 0)");
        });
        b.HasIndex(p => new { p.FeuillePresenceId, p.InscriptionId }).IsUnique();
        b.HasIndex(p => p.InscriptionId);
        b.Property(p => p.Statut).HasMaxLength(10);
        b.HasOne<Inscription>().WithMany().HasForeignKey(p => p.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
