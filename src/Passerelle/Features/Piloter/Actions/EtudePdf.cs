using System.Globalization;
using Passerelle.Features.Piloter.Ecarts;

namespace Passerelle.Features.Piloter.Actions;

/// <summary>The study of <c>/pilotage/etude</c> as an A4 PDF (issue 15 § 4, « a printable study (HTML + PDF) »): the same three parts
/// and figures as the page — coverage per QPV, priority zones, the action plan — written with the project's document builder
/// (<see cref="Equiper.Dons.DocumentPdf"/>, fonts embedded). Aggregates only, small counts masked as on the page.</summary>
public static class EtudePdf
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    static string V(double? v, string format = "0.#") => v?.ToString(format, Fr) ?? "—";
    static string Pop(LigneEcart l) => l.Population is null ? "—" : l.Population.Value.ToString("N0", Fr) + (l.AnneePopulation is null ? "" : $" ({l.AnneePopulation})");
    static string Euros(long centimes) => (centimes / 100m).ToString("N2", Fr) + " €";

    public static byte[] Ecrire(EtudeModel m)
    {
        var q = m.Quartiers!;
        var d = new Equiper.Dons.DocumentPdf("Étude territoriale d'inclusion numérique", "Couverture et écarts des quartiers prioritaires, zones prioritaires, plan d'action")
            .Titre("Étude territoriale d'inclusion numérique des quartiers prioritaires")
            .Paragraphe($"Édition du {Passerelle.Web.DatesEnLettres.Jour(m.Edition)}, calculée à partir des données de Passerelle. Période : du {Passerelle.Web.DatesEnLettres.Jour(q.Du)} "
                + $"au {Passerelle.Web.DatesEnLettres.Jour(q.Au)}{(q.Epci is null ? "" : $", EPCI {q.Epci}")}. Aucune donnée personnelle : effectifs de moins de 5 personnes masqués.")
            .Intertitre("1. Couverture et écarts par quartier prioritaire")
            .Paragraphe($"Offre d'un quartier : les lieux situés à moins de {(CalculEcarts.RayonQpvKm * 1000).ToString("N0", Fr)} m de son point de référence. "
                + "Demande : accompagnements de ses habitants (par lieu de résidence).")
            .Tableau([120, 60, 30, 45, 50, 50, 45, 45, 45],
                ["Quartier", "Population", "Lieux", "Heures d'aide par semaine", "Créneaux pour 1 000 hab.", "Distance au lieu le plus proche (km)", "Demande observée",
                    "Demande non satisfaite", "Indice de priorité"],
                q.Lignes.Select(l => new[] { $"{l.Nom} ({l.Code})", Pop(l), l.Lieux.ToString(Fr), V(l.HeuresHebdo), V(l.CreneauxPour1000, "0.##"), V(l.DistanceMinKm),
                    l.DemandeObservee?.ToString("N0", Fr) ?? "masqué", l.DemandeNonSatisfaite.ToString(Fr), V(l.IndicePriorite, "0.##") }))
            .Intertitre("2. Zones prioritaires")
            .Paragraphe($"Quartiers sans lieu à moins de {EtudeModel.SeuilKm.ToString("0", Fr)} km", gras: true);
        if (m.QuartiersEloignes.Count == 0)
            d.Paragraphe($"Chaque quartier prioritaire dont le point de référence est connu a un lieu d'accompagnement à moins de {EtudeModel.SeuilKm.ToString("0", Fr)} km.");
        foreach (var l in m.QuartiersEloignes) d.Paragraphe($"{l.Nom} ({l.Code}) : lieu le plus proche à {V(l.DistanceMinKm)} km");
        d.Paragraphe("Communes à l'indice de priorité le plus élevé", gras: true).Paragraphe($"Formule : {q.Formule}.")
            .Tableau([160, 90, 80, 80, 80], ["Commune", "Population", "Heures d'aide par semaine", "Demande non satisfaite", "Indice de priorité"],
                m.CommunesPrioritaires.Select(l => new[] { l.Nom, Pop(l), V(l.HeuresHebdo), l.DemandeNonSatisfaite.ToString(Fr), V(l.IndicePriorite, "0.##") }))
            .Intertitre("3. Plan d'action");
        if (m.Plan.Count == 0) return d.Paragraphe("Aucune action n'est encore prévue.").Enregistrer();
        return d.Paragraphe($"{Web.Pluriel.De(m.Plan.Count, "action")}, par date de début ; coût total {Euros(m.Plan.Sum(a => a.CoutCentimes))}.")
            .Tableau([110, 60, 90, 70, 70, 55, 80, 45], ["Action", "Type", "Zones", "Porteur", "Dates", "Coût", "Cofinancement", "Statut"],
                m.Plan.Select(a => new[] { a.Titre, ActionTerritoriale.Types.FirstOrDefault(t => t.Code == a.Type).Libelle ?? a.Type,
                    string.Join(", ", a.CodesZones.Select(z => m.NomsZones.GetValueOrDefault(z, z))), a.Porteur,
                    a.Debut.ToString("d MMM yyyy", Fr) + (a.Fin is null ? "" : " – " + a.Fin.Value.ToString("d MMM yyyy", Fr)), Euros(a.CoutCentimes),
                    a.Cofinancement ?? "—", ActionTerritoriale.Statuts.FirstOrDefault(x => x.Code == a.Statut).Libelle ?? a.Statut }))
            .Enregistrer();
    }
}
