using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Equiper.Dons;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary><c>/equipement/don/{jeton}/effacements.pdf</c>, public (the donor's secret link is the key): the erasure certificate of the
/// donor's lot — its devices only — with, per storage medium, the NIST SP 800-88 level, method, tool and version, passes,
/// verification, hidden areas, end, operator, result, reservation and the SHA-256 of the imported report (the original file is
/// kept). 404 for an unknown link or an offer whose lot is not received yet.</summary>
public sealed class CertificatLotModel(AppDbContext db, IOptions<OrganismeOptions> organisme, TimeProvider horloge) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string jeton, CancellationToken ct)
    {
        var o = await db.Set<OffreDon>().AsNoTracking().Include(x => x.Lot).FirstOrDefaultAsync(x => x.Jeton == jeton, ct);
        if (o?.Lot is null) return NotFound();
        var appareils = await db.Set<Appareil>().AsNoTracking().Where(a => a.LotId == o.Lot.Id).Include(a => a.Supports).ThenInclude(s => s.Effacements)
            .OrderBy(a => a.Id).AsSplitQuery().Take(5000).ToListAsync(ct);
        return File(Ecrire(o, appareils, organisme.Value, horloge.GetUtcNow().UtcDateTime), "application/pdf", $"certificat-effacement-lot-{o.Lot.Id}.pdf");
    }

    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Ecrire(OffreDon o, List<Appareil> appareils, OrganismeOptions org, DateTime le)
    {
        var zone = Territoire.Zone(null);
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy HH:mm", Fr);
        static string Libelle((string Code, string Libelle)[] l, string code) => l.FirstOrDefault(x => x.Code == code).Libelle ?? code;
        var supports = appareils.Sum(a => a.Supports.Count);
        var prouves = appareils.Sum(a => a.Supports.Count(s => s.Effacements.Any(e => e.Resultat == Effacement.Reussi)));
        IEnumerable<string[]> Lignes(Appareil a)
        {
            var appareil = $"{a.Etiquette}\n{Materiel.Libelle(a.Type)} {a.Marque} {a.Modele}";
            if (a.Supports.Count == 0) yield return [appareil, "aucun support de stockage", "", "", "", ""];
            foreach (var s in a.Supports.OrderBy(x => x.Id))
            {
                var support = $"{s.Type} {s.CapaciteGo} Go\nS/N {s.NumeroSerie ?? "—"}";
                if (s.Effacements.Count == 0) yield return [appareil, support, "aucune preuve pour l'instant", "", "", ""];
                foreach (var e in s.Effacements.OrderBy(x => x.Id))
                    yield return
                    [
                        appareil, support,
                        $"{e.Niveau} — {e.Methode}, {e.Passes} passe(s)\n{e.Outil} {e.VersionOutil}\nvérification {Libelle(Effacement.Verifications, e.Verification).ToLowerInvariant()}, "
                            + Libelle(Effacement.ZonesCachees, e.ZonesCacheesStatut).ToLowerInvariant(),
                        $"{Local(e.Fin)}\n{e.Operateur}",
                        (e.Resultat == Effacement.Reussi ? "réussi" : "échec") + (e.Reserve is null ? "" : "\nréserve : " + e.Reserve),
                        e.CertificatSha256 is { } h ? $"{e.CertificatNom}\n{h[..16]} {h[16..32]} {h[32..48]} {h[48..]}" : "saisie manuelle",
                    ];
            }
        }
        var lignes = appareils.SelectMany(Lignes).ToList();
        return new DocumentPdf($"Certificat d'effacement — lot n° {o.Lot!.Id}", "Certificat d'effacement des données")
            .Titre($"Certificat d'effacement des données — lot n° {o.Lot.Id}")
            .Champ("Donateur", o.Organisation)
            .Champ("Lot reçu le", $"{o.Lot.RecuLe:dd/MM/yyyy} : {o.Lot.NombreAppareils} appareils, {o.Lot.PoidsKg} kg")
            .Champ("Atelier", $"{org.Nom} ({org.Identifiant}), {org.Adresse}")
            .Champ("Établi le", Local(le))
            .Champ("Bilan", $"{appareils.Count} appareil(s) enregistré(s), {supports} support(s) de stockage, dont {prouves} effacé(s) ou détruit(s) avec preuve.")
            .Paragraphe("Une preuve par support de stockage (NIST SP 800-88 : clear = réécriture, purge = effacement sécurisé, destroy = destruction). "
                + "Le rapport d'origine de l'outil d'effacement est conservé ; son empreinte SHA-256 permet d'en vérifier l'intégrité. Heures de Paris.")
            .Tableau([1.3, 1.1, 2, 1.1, 1, 1.6], ["Appareil", "Support", "Effacement", "Fin, opérateur", "Résultat", "Rapport (SHA-256)"], lignes)
            .Enregistrer();
    }
}
