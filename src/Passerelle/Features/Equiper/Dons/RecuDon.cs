using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Dons;

/// <summary>Section <c>Equipement:Organisme</c>: the beneficiary body printed on the receipts (cerfa 16216 « Bénéficiaire »).</summary>
public sealed class OrganismeOptions
{
    public string Nom { get; set; } = "Fabrique de l'inclusion numérique (démonstration)";
    /// <summary>SIREN (9 digits) or RNA number of the beneficiary.</summary>
    public string Identifiant { get; set; } = "W131000000";
    public string Adresse { get; set; } = "13000 Marseille";
    public string Objet { get; set; } = "Équiper, former et accompagner les personnes en précarité numérique (réemploi de matériel informatique)";
}

/// <summary>The data of a company's tax receipt, cerfa n° 16216 (2041-MEC-SD, « Reçu des dons et versements effectués par les
/// entreprises »), for a gift in kind (CGI art. 238 bis). Numbered per year without gaps (unique year + sequence). The amount is
/// the donor's own valuation (coût de revient, or net book value for depreciated assets): the receipt repeats it with its basis.</summary>
public sealed class RecuDon
{
    public int Id { get; set; }
    public int OffreDonId { get; set; }
    public int Annee { get; set; }
    public int Sequence { get; set; }
    public string Numero => $"{Annee}-{Sequence:D4}";
    public DateOnly DateDon { get; set; }
    public DateTime EtabliLe { get; set; }
    public string DonateurNom { get; set; } = "";
    public string Siren { get; set; } = "";
    public string FormeJuridique { get; set; } = "";
    public string AdresseDonateur { get; set; } = "";
    /// <summary>Description of the gift in kind (kinds and quantities received).</summary>
    public string Nature { get; set; } = "";
    public string MethodeValorisation { get; set; } = "";
    public long MontantCentimes { get; set; }

    /// <summary>Number and total (cents) of the receipts issued to one donor (SIREN) in a year: the yearly total per donor
    /// (the beneficiary's yearly declaration of receipts, CGI art. 222 bis, counts them the same way).</summary>
    public static async Task<(int Nombre, long TotalCentimes)> TotalAnnuelAsync(AppDbContext db, string siren, int annee, CancellationToken ct)
    {
        var montants = await db.Set<RecuDon>().Where(r => r.Siren == siren && r.Annee == annee).Select(r => r.MontantCentimes).ToListAsync(ct);
        return (montants.Count, montants.Sum());
    }
}

public sealed record RecuSaisie(long MontantCentimes, string? MethodeValorisation, string? FormeJuridique, string? AdresseDonateur);

public static class EtablirRecu
{
    /// <exception cref="RegleMetierException">Not a company's received gift, or already issued (409).</exception>
    public static async Task<RecuDon> ExecuterAsync(AppDbContext db, int offreId, RecuSaisie s, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (s.MontantCentimes is < 0 or > 100_000_000_00) e["MontantCentimes"] = ["Indiquez la valeur déclarée par le donateur (0 € ou plus)."];
        if (string.IsNullOrWhiteSpace(s.MethodeValorisation) || s.MethodeValorisation.Length > 300) e["MethodeValorisation"] = ["Indiquez la méthode de valorisation (coût de revient, valeur nette comptable…)."];
        if (string.IsNullOrWhiteSpace(s.FormeJuridique) || s.FormeJuridique.Length > 100) e["FormeJuridique"] = ["Indiquez la forme juridique du donateur (SAS, SARL…)."];
        if (string.IsNullOrWhiteSpace(s.AdresseDonateur) || s.AdresseDonateur.Length > 500) e["AdresseDonateur"] = ["Indiquez l'adresse du siège du donateur."];
        if (e.Count > 0) throw Valider.Invalide(e, "Reçu invalide");
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lot).Include(x => x.Lignes).FirstOrDefaultAsync(x => x.Id == offreId, ct) ?? throw new KeyNotFoundException("Offre inconnue.");
        if (o.Origine == Origines.Public) throw new RegleMetierException("Un organisme public ne reçoit pas de reçu fiscal : son don fait l'objet d'une attestation de don.", "MontantCentimes");
        if (o.Origine != Origines.Entreprise || o.Siret is null) throw new RegleMetierException("Le reçu cerfa 16216 concerne les entreprises ; celui des particuliers (cerfa 11580) n'est pas encore proposé.", "MontantCentimes");
        if (o.Lot is null) throw new RegleMetierException("Le reçu s'établit une fois le matériel reçu.", "MontantCentimes");
        if (await db.Set<RecuDon>().AnyAsync(r => r.OffreDonId == offreId, ct)) throw new RegleMetierException("Le reçu de ce don est déjà établi.", "MontantCentimes");
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        for (var essai = 0; ; essai++)
        {
            // Numbers per year without gaps: the next one is taken under the unique index; a concurrent receipt makes us retry.
            var suivant = await db.Set<RecuDon>().Where(r => r.Annee == maintenant.Year).MaxAsync(r => (int?)r.Sequence, ct) ?? 0;
            var recu = new RecuDon
            {
                OffreDonId = o.Id, Annee = maintenant.Year, Sequence = suivant + 1, DateDon = DateOnly.FromDateTime(o.Lot.RecuLe), EtabliLe = maintenant,
                DonateurNom = o.Organisation, Siren = o.Siret[..9], FormeJuridique = s.FormeJuridique!.Trim(), AdresseDonateur = s.AdresseDonateur!.Trim(),
                Nature = "Don en nature : " + string.Join(", ", o.Lignes.Select(l => $"{l.Quantite} × {Materiel.Libelle(l.Type)}")) + $" ({o.Lot.NombreAppareils} appareils reçus, {o.Lot.PoidsKg} kg)",
                MethodeValorisation = s.MethodeValorisation!.Trim(), MontantCentimes = s.MontantCentimes,
            };
            db.Add(recu);
            try { await db.SaveChangesAsync(ct); return recu; }
            catch (DbUpdateException) when (essai < 5)
            {
                db.Entry(recu).State = EntityState.Detached;
                if (await db.Set<RecuDon>().AnyAsync(r => r.OffreDonId == offreId, ct)) throw new RegleMetierException("Le reçu de ce don est déjà établi.", "MontantCentimes");
            }
        }
    }
}

public sealed class RecuDonConfiguration : IEntityTypeConfiguration<RecuDon>
{
    public void Configure(EntityTypeBuilder<RecuDon> b)
    {
        b.ToTable("RecusDons");
        b.HasIndex(r => new { r.Annee, r.Sequence }).IsUnique();
        b.HasIndex(r => r.OffreDonId).IsUnique();
        b.Ignore(r => r.Numero);
        b.Property(r => r.DonateurNom).HasMaxLength(200);
        b.Property(r => r.Siren).HasMaxLength(9);
        b.Property(r => r.FormeJuridique).HasMaxLength(100);
        b.Property(r => r.AdresseDonateur).HasMaxLength(500);
        b.Property(r => r.Nature).HasMaxLength(1000);
        b.Property(r => r.MethodeValorisation).HasMaxLength(300);
        b.HasOne<OffreDon>().WithMany().HasForeignKey(r => r.OffreDonId).OnDelete(DeleteBehavior.Restrict);
    }
}
