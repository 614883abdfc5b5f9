using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>A council act (délibération) in the register: who decided, when, what, how the vote went, what it authorises and
/// how it reached the prefecture. Never deleted: a correction replaces the current values and adds a
/// <see cref="VersionDeliberation"/> (who, when, why, full content). Rules: <see cref="ReglesDeliberation"/>; open-data form:
/// SCDL Délibérations 2.1.5 (<see cref="ExportScdl"/>).</summary>
public sealed class Deliberation
{
    public int Id { get; set; }
    /// <summary>Official name of the deliberating body (SCDL <c>COLL_NOM</c>).</summary>
    public string CollectiviteNom { get; set; } = "";
    /// <summary>14 digits, SIRET key checked (SCDL <c>COLL_SIRET</c>).</summary>
    public string CollectiviteSiret { get; set; } = "";
    /// <summary>Organ code, one of <see cref="Organes.Codes"/>.</summary>
    public string Organe { get; set; } = Organes.ConseilMunicipal;
    /// <summary>Act number exactly as printed (<c>CHL-019-13799/23/BM</c>, <c>DL.2022-330</c>); unique per body.</summary>
    public string Numero { get; set; } = "";
    public DateOnly DateSeance { get; set; }
    public string Objet { get; set; } = "";
    /// <summary>ACTES level-2 code (<c>7.5</c>), kept as a string; its name comes from <see cref="MatieresActes"/>.</summary>
    public string MatiereCode { get; set; } = "";
    public string? President { get; set; }
    public string? Rapporteur { get; set; }
    /// <summary>Members in office, entitled to vote (SCDL <c>VOTE_EFFECTIF</c>); null when the act does not say.</summary>
    public int? MembresEnExercice { get; set; }
    public int? Presents { get; set; }
    public int? Representes { get; set; }
    public int? Excuses { get; set; }
    /// <summary>Names of the present, represented and excused members, free text; optional (the demo keeps none).</summary>
    public string? NomsPresence { get; set; }
    public bool Unanimite { get; set; }
    public int? VotePour { get; set; }
    public int? VoteContre { get; set; }
    public int? VoteAbstention { get; set; }
    /// <summary>Members who declared they do not take part: outside SCDL's <c>VOTE_REEL</c> and the three results.</summary>
    public int? NonParticipation { get; set; }
    public bool Adoptee { get; set; } = true;
    /// <summary><c>AAAA</c> or <c>AAAA/AAAA</c> (SCDL <c>BUDGET_ANNEE</c>); only when the act has a budget effect.</summary>
    public string? BudgetAnnee { get; set; }
    public string? BudgetNom { get; set; }
    /// <summary>Legality-control office, <c>PREF013</c>, <c>SPREF0131</c>, <c>SGAR013</c> (SCDL <c>PREF_ID</c>).</summary>
    public string? PrefId { get; set; }
    /// <summary>Date of registration by the legality control (SCDL <c>PREF_DATE</c>).</summary>
    public DateOnly? DateTransmission { get; set; }
    /// <summary>@ctes identifier, <c>033-213304496-20201216-DG20_174-DE</c> (see <see cref="IdentifiantActes"/>).</summary>
    public string? IdentifiantActes { get; set; }
    public DateOnly? DatePublication { get; set; }
    /// <summary>Absolute http(s) link to the published act (SCDL <c>DELIB_URL</c>).</summary>
    public string? Url { get; set; }
    /// <summary>The attached act (PDF or text), when uploaded: its bytes (at most <see cref="ActeDepose.TailleMax"/>) in their own
    /// table so that reading an act never loads them, name, media type, SHA-256 (64 lower-case hex digits, to prove later which
    /// file was read) and size in bytes.</summary>
    public FichierDeliberation? Fichier { get; set; }
    public string? FichierNom { get; set; }
    public string? FichierType { get; set; }
    public string? FichierSha256 { get; set; }
    public long? FichierTaille { get; set; }
    /// <summary>Period of the convention, amendment or funded action (explicit dates only), start and end inclusive.</summary>
    public DateOnly? PeriodeDebut { get; set; }
    public DateOnly? PeriodeFin { get; set; }
    /// <summary>The single place of the agreed or funded activity, as written (not where the council met).</summary>
    public string? Lieu { get; set; }
    /// <summary>Commitments of the parties, one per line (« 5 permanences hebdomadaires », « 1 atelier mensuel »).</summary>
    public string? Engagements { get; set; }
    /// <summary>Budget imputation: year, the authority's sub-policy code (<c>E111</c>), chapter (<c>65</c>), nature (<c>65748</c>),
    /// function (<c>52</c>) — strings as printed.</summary>
    public int? ImputationAnnee { get; set; }
    public string? ImputationSousPolitique { get; set; }
    public string? ImputationChapitre { get; set; }
    public string? ImputationNature { get; set; }
    public string? ImputationFonction { get; set; }
    public List<MontantAutorise> Montants { get; set; } = [];
    /// <summary>Current version number, 1 at creation; each correction adds one.</summary>
    public int Version { get; set; } = 1;
    public DateTime CreeLe { get; set; }
    public DateTime ModifieLe { get; set; }
    public string ModifiePar { get; set; } = "";

    public string MatiereNom => MatieresActes.NomScdl(MatiereCode) ?? "";
    public long TotalCentimes => Montants.Sum(m => m.MontantCentimes);
}

/// <summary>One amount an act authorises: beneficiary as printed, amount in cents, nature (SCDL Subventions vocabulary).</summary>
public sealed class MontantAutorise
{
    public int Id { get; set; }
    public int DeliberationId { get; set; }
    public int Rang { get; set; }
    public string Beneficiaire { get; set; } = "";
    public long MontantCentimes { get; set; }
    /// <summary><see cref="Natures.Numeraire"/> or <see cref="Natures.EnNature"/>.</summary>
    public string Nature { get; set; } = Natures.Numeraire;

    public static class Natures
    {
        public const string Numeraire = "aide en numéraire";
        public const string EnNature = "aide en nature";
        public static readonly string[] Toutes = [Numeraire, EnNature];
    }
}

/// <summary>One saved state of a deliberation: the creation (version 1) and every correction, with who, when and why;
/// <see cref="Contenu"/> is the whole record as JSON (<see cref="DeliberationSaisie"/>).</summary>
public sealed class VersionDeliberation
{
    public int Id { get; set; }
    public int DeliberationId { get; set; }
    public int Version { get; set; }
    public DateTime EnregistreeLe { get; set; }
    public string EnregistreePar { get; set; } = "";
    public string? Motif { get; set; }
    public string Contenu { get; set; } = "";
    /// <summary>The act's file attached when this version was saved (name and SHA-256), if any.</summary>
    public string? FichierNom { get; set; }
    public string? FichierSha256 { get; set; }
}

/// <summary>Organ codes (the reader's <c>type_organe</c>) and their French labels.</summary>
public static class Organes
{
    public const string Bureau = "bureau";
    public const string ConseilMunicipal = "conseil_municipal";
    public static readonly (string Code, string Libelle)[] Liste =
    [
        (Bureau, "Bureau"), (ConseilMunicipal, "Conseil municipal"), ("conseil_metropolitain", "Conseil métropolitain"),
        ("conseil_communautaire", "Conseil communautaire"), ("commission_permanente", "Commission permanente"),
        ("conseil_departemental", "Conseil départemental"), ("autre", "Autre organe"),
    ];
    public static IEnumerable<string> Codes => Liste.Select(o => o.Code);
    public static string Libelle(string code) => Liste.FirstOrDefault(o => o.Code == code).Libelle ?? code;
}

public sealed class DeliberationConfiguration : IEntityTypeConfiguration<Deliberation>
{
    public void Configure(EntityTypeBuilder<Deliberation> b)
    {
        b.Property(d => d.CollectiviteNom).HasMaxLength(200);
        b.Property(d => d.CollectiviteSiret).HasMaxLength(14);
        b.Property(d => d.Organe).HasMaxLength(40);
        b.Property(d => d.Numero).HasMaxLength(100);
        b.Property(d => d.Objet).HasMaxLength(2000);
        b.Property(d => d.MatiereCode).HasMaxLength(5);
        b.Property(d => d.President).HasMaxLength(200);
        b.Property(d => d.Rapporteur).HasMaxLength(200);
        b.Property(d => d.NomsPresence).HasMaxLength(4000);
        b.Property(d => d.BudgetAnnee).HasMaxLength(9);
        b.Property(d => d.BudgetNom).HasMaxLength(200);
        b.Property(d => d.PrefId).HasMaxLength(9);
        b.Property(d => d.IdentifiantActes).HasMaxLength(60);
        b.Property(d => d.Url).HasMaxLength(500);
        b.Property(d => d.FichierNom).HasMaxLength(200);
        b.HasOne(d => d.Fichier).WithOne().HasForeignKey<FichierDeliberation>(f => f.DeliberationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.FichierType).HasMaxLength(100);
        b.Property(d => d.FichierSha256).HasMaxLength(64);
        b.Property(d => d.Lieu).HasMaxLength(300);
        b.Property(d => d.Engagements).HasMaxLength(4000);
        b.Property(d => d.ImputationSousPolitique).HasMaxLength(20);
        b.Property(d => d.ImputationChapitre).HasMaxLength(10);
        b.Property(d => d.ImputationNature).HasMaxLength(10);
        b.Property(d => d.ImputationFonction).HasMaxLength(10);
        b.Property(d => d.ModifiePar).HasMaxLength(256);
        b.Ignore(d => d.MatiereNom);
        b.Ignore(d => d.TotalCentimes);
        b.HasIndex(d => new { d.CollectiviteSiret, d.Numero }).IsUnique();
        b.HasIndex(d => d.DateSeance);
        b.HasMany(d => d.Montants).WithOne().HasForeignKey(m => m.DeliberationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MontantAutoriseConfiguration : IEntityTypeConfiguration<MontantAutorise>
{
    public void Configure(EntityTypeBuilder<MontantAutorise> b)
    {
        b.ToTable("MontantsAutorises");
        b.Property(m => m.Beneficiaire).HasMaxLength(300);
        b.Property(m => m.Nature).HasMaxLength(30);
    }
}

public sealed class VersionDeliberationConfiguration : IEntityTypeConfiguration<VersionDeliberation>
{
    public void Configure(EntityTypeBuilder<VersionDeliberation> b)
    {
        b.ToTable("VersionsDeliberations");
        b.Property(v => v.EnregistreePar).HasMaxLength(256);
        b.Property(v => v.Motif).HasMaxLength(500);
        b.Property(v => v.FichierNom).HasMaxLength(200);
        b.Property(v => v.FichierSha256).HasMaxLength(64);
        b.HasIndex(v => new { v.DeliberationId, v.Version }).IsUnique();
        b.HasOne<Deliberation>().WithMany().HasForeignKey(v => v.DeliberationId).OnDelete(DeleteBehavior.Restrict);
    }
}
