using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Accompagner.Statistiques.Faits;

/// <summary>The months a person was met in one commune class (decision 0035, layout 4): the class of a presence is its place's class
/// (<see cref="ClasseLieu"/>) and its typed commune normalized (<c>Texte.Normaliser</c>), one or two classes. Kept so that the fold can
/// take the person's class gap rows (<see cref="FaitPersonnes.Classe"/>) back exactly; their attributes are their
/// <see cref="ApportPersonne"/>'s. <see cref="Mois"/>: first days, comma-joined, ascending.</summary>
public sealed class ApportCommune
{
    public int BeneficiaireId { get; set; }
    public string Classe { get; set; } = "";
    public string Mois { get; set; } = "";
}

/// <summary>A referral as a commune class's referral outcomes count it: as <see cref="OrientationPersonne"/>, the months nearest to it
/// being those its person was met in the class. One row per referral and class its person was met in.</summary>
public sealed class OrientationCommune
{
    public int OrientationId { get; set; }
    public string Classe { get; set; } = "";
    public int BeneficiaireId { get; set; }
    public DateOnly Mois { get; set; }
    public string Resultat { get; set; } = "";
    public DateOnly? Avant { get; set; }
    public DateOnly? Apres { get; set; }
}

/// <summary>The class a place's presences are counted under in the class rows: its normalized commune when they were folded. A place
/// whose commune was edited since differs from its <c>Lieu.CommuneRecherche</c>: the view of either class reads the presences until the
/// job marks the place's people and records the new class (<see cref="MaintenanceCommunes.LieuxDeplacesAsync"/>).</summary>
public sealed class ClasseLieu
{
    public int LieuId { get; set; }
    public string Classe { get; set; } = "";
}

/// <summary>A typed commune, as spelled, whose records count in a class: a view spelled otherwise (« LYON » for « Lyon ») does not
/// include them, as the records path compares the typed commune exactly; the class rows then do not answer that view.</summary>
public sealed class GraphieCommune
{
    public string Classe { get; set; } = "";
    public string Commune { get; set; } = "";
}

sealed class ApportCommuneConfiguration : IEntityTypeConfiguration<ApportCommune>
{
    public void Configure(EntityTypeBuilder<ApportCommune> b)
    {
        b.ToTable("ApportsCommunes");
        b.HasKey(x => new { x.BeneficiaireId, x.Classe });
        b.Property(x => x.Classe).HasMaxLength(200);
        b.HasIndex(x => x.Classe);
    }
}

sealed class OrientationCommuneConfiguration : IEntityTypeConfiguration<OrientationCommune>
{
    public void Configure(EntityTypeBuilder<OrientationCommune> b)
    {
        b.ToTable("OrientationsCommunes");
        b.HasKey(x => new { x.OrientationId, x.Classe });
        b.Property(x => x.Classe).HasMaxLength(200);
        b.Property(x => x.Resultat).HasMaxLength(20);
        b.HasIndex(x => new { x.Classe, x.Mois });
        b.HasIndex(x => x.BeneficiaireId);
    }
}

sealed class ClasseLieuConfiguration : IEntityTypeConfiguration<ClasseLieu>
{
    public void Configure(EntityTypeBuilder<ClasseLieu> b)
    {
        b.ToTable("ClassesLieux");
        b.HasKey(x => x.LieuId);
        b.Property(x => x.LieuId).ValueGeneratedNever();
        b.Property(x => x.Classe).HasMaxLength(200);
        b.HasIndex(x => x.Classe);
    }
}

sealed class GraphieCommuneConfiguration : IEntityTypeConfiguration<GraphieCommune>
{
    public void Configure(EntityTypeBuilder<GraphieCommune> b)
    {
        b.ToTable("GraphiesCommunes");
        b.HasKey(x => new { x.Classe, x.Commune });
        b.Property(x => x.Classe).HasMaxLength(200);
        b.Property(x => x.Commune).HasMaxLength(200);
    }
}
