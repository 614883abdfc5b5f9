using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>A programme's indicators as a table to download (issue 13 §7: CSV and XLSX), at the account's view: one row per figure,
/// columns section, item, value, unit. Amounts in euros (numbers in the XLSX, so that spreadsheets add them up), months « janvier 2026 »,
/// masked cells written « masqué » (the small-cells rule is applied before: <see cref="IndicateursProgramme"/>).</summary>
public static class ExportIndicateurs
{
    public const string TypeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static List<IReadOnlyList<object?>> Lignes(IndicateursDto i)
    {
        object? N(int? n) => n is { } v ? v : "masqué";
        object E(long c) => c / 100m;
        var l = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Rubrique", "Élément", "Valeur", "Unité" },
            new object?[] { "Programme", i.Nom, $"du {i.Du:dd/MM/yyyy} au {i.Au:dd/MM/yyyy}", i.Vue == "partenaire" ? "vue des partenaires" : "vue complète" },
            new object?[] { "Adhésions", "Adhésions", i.Adhesions, "personnes" },
            new object?[] { "Adhésions", "Actives à la fin de la période", i.AdhesionsActives, "personnes" },
            new object?[] { "Adhésions", "Nouvelles sur la période", i.NouvellesAdhesions, "personnes" },
            new object?[] { "Adhésions", "Renouvellements", i.Renouvellements, "renouvellements" },
            new object?[] { "Adhésions", "Sorties", i.Sorties, "personnes" },
            new object?[] { "Dépense", "Dépense moyenne par personne et par mois rechargé", E(i.DepenseMoyenneMois), "euros" },
            new object?[] { "Dépense", "Plafond mensuel", E(i.PlafondMensuel), "euros" },
        };
        foreach (var m in i.ParMois)
        {
            l.Add(["Lignes actives", m.Libelle, m.LignesActives, "lignes"]);
            l.Add(["Recharges", m.Libelle, m.Recharges, "recharges"]);
            l.Add(["Montant net rechargé", m.Libelle, E(m.Montant), "euros"]);
            l.Add(["Données", m.Libelle, Math.Round(m.VolumeMo / 1024m, 1), "Go"]);
            l.Add(["Box activées", m.Libelle, N(m.BoxActivees), "box"]);
        }
        foreach (var c in i.OffresSortie) l.Add(["Offres de sortie", c.Cle, N(c.Nombre), "personnes"]);
        if (i.CoutParPersonne is { } cout) l.Add(["Coût", "Subvention par personne rechargée", E(cout), "euros"]);
        foreach (var s in i.SubventionParSource ?? []) l.Add(["Subvention par financeur", s.Cle, E(s.Centimes), "euros"]);
        foreach (var c in i.PersonnesParRegle ?? []) l.Add(["Personnes par motif d'éligibilité", c.Cle, N(c.Nombre), "personnes"]);
        foreach (var c in i.PersonnesParQpv ?? []) l.Add(["Personnes par quartier prioritaire", c.Cle, N(c.Nombre), "personnes"]);
        if (i.Accompagnements is { } a)
        {
            l.Add(["Accompagnement des adhérents", "Accompagnements", a.Accompagnements, "accompagnements"]);
            l.Add(["Accompagnement des adhérents", "Personnes accompagnées", N(a.Personnes), "personnes"]);
            l.Add(["Accompagnement des adhérents", "Accompagnements avec démarche", a.Demarches, "accompagnements"]);
        }
        if (i.MouvementsSansReference is { } sr) l.Add(["Rapprochement", "Mouvements sans référence", sr, "mouvements"]);
        l.Add(["Note", "Petits effectifs", i.Note, ""]);
        return l;
    }

    public static FileContentHttpResult Fichier(IndicateursDto i, bool xlsx, DateOnly jour)
    {
        var nom = $"connexion-{i.Programme}-indicateurs-{jour:yyyy-MM-dd}";
        var lignes = Lignes(i);
        if (xlsx) return TypedResults.File(Tableur.Ecrire("Indicateurs", lignes), TypeXlsx, nom + ".xlsx");
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        return Csv.Telechargement(Csv.Ecrire(lignes.Select(r => r.Select(v => v switch { decimal d => d.ToString("0.##", fr), null => "", _ => Convert.ToString(v, fr) ?? "" }))), nom + ".csv");
    }
}
