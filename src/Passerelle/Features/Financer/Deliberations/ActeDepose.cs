using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Passerelle.Features.Financer.Deliberations;

/// <summary>An act's file (PDF or text) uploaded on the reading page, kept between the reading and the confirmation: the review
/// form carries only its <see cref="Id"/>. On confirmation its bytes, name, type, SHA-256 and size go to the deliberation and it
/// is removed; one left behind (the person never confirmed) is removed after <see cref="Conservation"/>, at the next upload.</summary>
public sealed class ActeDepose
{
    /// <summary>Largest act file kept, in bytes (20 MiB, the reading page's limit too).</summary>
    public const int TailleMax = 20 * 1024 * 1024;
    public static readonly TimeSpan Conservation = TimeSpan.FromDays(1);

    public Guid Id { get; set; }
    public byte[] Contenu { get; set; } = [];
    public string Nom { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>SHA-256 of <see cref="Contenu"/>, 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = "";
    public long Taille { get; set; }
    public string DeposePar { get; set; } = "";
    public DateTime DeposeLe { get; set; }

    /// <summary>A new upload: the name without its folders, cut to 200 characters; the hash computed here.</summary>
    public static ActeDepose De(byte[] contenu, string nom, string type, string qui, DateTime quand)
    {
        var court = Path.GetFileName(nom.Replace('\\', '/'));
        if (court.Length > 200) court = court[^200..];
        return new ActeDepose
        {
            Id = Guid.NewGuid(), Contenu = contenu, Nom = court.Length == 0 ? "acte" : court, Type = type.Length > 100 ? "application/octet-stream" : type,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(contenu)), Taille = contenu.LongLength, DeposePar = qui, DeposeLe = quand,
        };
    }
}

public sealed class ActeDeposeConfiguration : IEntityTypeConfiguration<ActeDepose>
{
    public void Configure(EntityTypeBuilder<ActeDepose> b)
    {
        b.ToTable("ActesDeposes");
        b.Property(a => a.Nom).HasMaxLength(200);
        b.Property(a => a.Type).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.DeposePar).HasMaxLength(256);
        b.HasIndex(a => a.DeposeLe);
    }
}
