using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Equiper.Impact;

/// <summary>The factor sets shipped with Passerelle, loaded at start when their version is missing (a territory's own versions are
/// kept; a shipped version is never rewritten).</summary>
public sealed class FacteursAdeme : IPreparationDonnees
{
    /// <summary>Version label of the set below.</summary>
    public const string Version2022 = "ADEME-2022";
    public static readonly DateOnly ValableDu2022 = new(2022, 9, 9);
    const string Empreinte = "Empreinte du neuf : étude ADEME–Arcep 2022 (données Impact CO2 de l'ADEME, numerique.json, fabrication + assemblage et distribution)";
    const string Etude = "ADEME, Évaluation de l'impact environnemental d'un ensemble de produits reconditionnés, 9 septembre 2022";

    /// <summary>Type, embodied g CO2e, avoided g CO2e per year, years of second life, source. Laptop and smartphone: the study's
    /// per-year figures (27 and 24.6 kg). Tablet, desktop and screen have no per-year figure in the study: derived as embodied ÷
    /// default years of use × the low bound of the study's share of annual impacts avoided (46 % tablets; 43 %, the laptops' bound,
    /// for desktops and screens). Printers: no factor, no CO2e claimed. Years of second life: 3 (2 for phones and tablets),
    /// within the 2–3 years of the standard, to validate with the programme's evaluators.</summary>
    public static readonly (string Type, long Empreinte, long ParAn, int Annees, string Source)[] Ademe2022 =
    [
        ("portable", 182_600, 27_000, 3, $"{Empreinte} ; {Etude} : 27 kg CO2e évités par année d'usage en plus."),
        ("smartphone", 85_100, 24_600, 2, $"{Empreinte} ; {Etude} : 24,6 kg CO2e évités par année d'usage en plus."),
        ("tablette", 59_700, 9_154, 2, $"{Empreinte} ; dérivé : 59,7 kg ÷ 3 ans × 46 % (borne basse de l'étude ADEME 2022 pour les tablettes)."),
        ("fixe", 204_400, 14_649, 3, $"{Empreinte} (fixe professionnel sans écran) ; dérivé : 204,4 kg ÷ 6 ans × 43 % (borne basse ADEME 2022, portables)."),
        ("ecran", 65_900, 4_723, 3, $"{Empreinte} ; dérivé : 65,9 kg ÷ 6 ans × 43 % (borne basse ADEME 2022, portables)."),
    ];

    public async Task PreparerAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<FacteurCo2>().AnyAsync(f => f.Version == Version2022, ct)) return;
        db.AddRange(Ademe2022.Select(f => new FacteurCo2
        {
            Version = Version2022, Type = f.Type, EmpreinteNeufGrammes = f.Empreinte, EviteParAnGrammes = f.ParAn, AnneesSecondeVie = f.Annees,
            ValableDu = ValableDu2022, Source = f.Source,
        }));
        await db.SaveChangesAsync(ct);
    }
}
