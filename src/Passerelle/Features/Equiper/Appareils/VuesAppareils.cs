using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Features.Equiper.Dons.Admin;
using QRCoder;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>What the offers' pages show of the devices (they cannot name this feature: it depends on them).</summary>
public sealed class VuesAppareils : ISuiviAppareilsDon, ICompteEtats
{
    public async Task<List<AppareilDuDon>> ListerAsync(AppDbContext db, int lotId, CancellationToken ct)
    {
        var liste = await db.Set<Appareil>().AsNoTracking().Where(a => a.LotId == lotId).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Type, a.Marque, a.Modele, a.Etat, Supports = a.Supports.Count,
                Traites = a.Supports.Count(s => s.Effacements.Any(e => e.Resultat == Effacement.Reussi)),
                Outils = a.Supports.SelectMany(s => s.Effacements).Where(e => e.Resultat == Effacement.Reussi).Select(e => e.Niveau + " (" + e.Outil + ")").ToList() })
            .Take(5000).ToListAsync(ct);
        return liste.Select(a => new AppareilDuDon(Appareil.EtiquetteDe(a.Id), $"{Materiel.Libelle(a.Type)} {a.Marque} {a.Modele}", Etats.Libelle(a.Etat),
            a.Supports == 0 ? "Aucun support de stockage"
            : a.Traites == a.Supports ? $"Effacé et prouvé ({a.Traites}/{a.Supports} : {string.Join(", ", a.Outils.Distinct())})"
            : $"En attente ({a.Traites}/{a.Supports} supports traités)")).ToList();
    }

    public async Task<List<(string Libelle, int N)>> CompterAsync(AppDbContext db, CancellationToken ct)
    {
        var n = await db.Set<Appareil>().GroupBy(a => a.Etat).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return Etats.Tous.Select(e => (e.Libelle, n.FirstOrDefault(x => x.Key == e.Code)?.N ?? 0)).ToList();
    }

    /// <summary>The label's QR code as inline SVG: it encodes the scan address of the tag, so any phone opens the device page.</summary>
    public static string QrSvg(string adresse)
    {
        using var generateur = new QRCodeGenerator();
        using var donnees = generateur.CreateQrCode(adresse, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(donnees).GetGraphic(3);
    }
}
