using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Web;

namespace Passerelle.Features.Financer.Rapports;

/// <summary><c>/admin/financement/rapports/{id}/imprimer</c> (a page without the site's menus, to print) and
/// <c>/admin/financement/rapports/{id}/imprimer/pdf</c> (the same content as an A4 PDF). Who may read the report may print it.</summary>
[Authorize(Policy = PerimetreFinancement.Politique)]
public sealed class ImprimerModel(AppDbContext db) : PageModel
{
    public RapportVu Vu { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        Vu = vu;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var vu = await AccesRapports.ChargerAsync(db, User, id, ct);
        if (vu is null) return NotFound();
        return File(PdfRapport.Ecrire(vu), "application/pdf", $"compte-rendu-financier-{vu.Rapport.Exercice}-{vu.Rapport.Id}.pdf");
    }
}

/// <summary>The report as an A4 PDF, in the CERFA 15059 order (bilan, indicators, budget table, annexe), written with the document
/// builder the reuse receipts use (<see cref="Equiper.Dons.DocumentPdf"/>, fonts embedded).</summary>
public static class PdfRapport
{
    static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Ecrire(RapportVu v)
    {
        var r = v.Rapport;
        var d = new Equiper.Dons.DocumentPdf($"Compte rendu financier {r.Exercice} — {v.Beneficiaire}", "Compte rendu financier de subvention (CERFA 15059)")
            .Titre($"Compte rendu financier de subvention — exercice {r.Exercice}")
            .Champ("Association", v.Beneficiaire).Champ("Financeur", v.Financeur).Champ("Objet", v.Objet)
            .Champ("Montant accordé", Montants.Euros(v.Montant)).Champ("Payé", Montants.Euros(v.Paye))
            .Champ("À rendre le", DatesEnLettres.Jour(r.Echeance)).Champ("Statut", StatutsRapport.Libelle(r.Statut));
        if (v.Convention is not null) d.Champ("Convention", v.Convention);
        d.Intertitre("1. Bilan qualitatif de l'action réalisée").Paragraphe(r.BilanQualitatif ?? "Pas encore rempli.");
        if (r.Indicateurs.Count > 0)
            d.Intertitre("Indicateurs").Tableau([200, 70, 70, 155], ["Objectif", "Cible", "Atteint", "Commentaire"],
                r.Indicateurs.OrderBy(i => i.Rang).Select(i => new[] { i.Intitule, i.Cible + (i.Unite == "%" ? " %" : " " + i.Unite),
                    ((i.Mesure ?? i.Declare)?.ToString("0.#", Fr) ?? "—") + (i.Unite == "%" ? " %" : "") + (i.Indicateur is null ? " (déclaré)" : " (mesuré)"), i.Commentaire ?? "" }));
        d.Intertitre("2. Tableau de synthèse");
        foreach (var (section, titre) in new[] { (PlanComptable.Charges, "Charges"), (PlanComptable.Produits, "Produits"), (PlanComptable.Nature, "Contributions volontaires en nature") })
        {
            var lignes = PlanComptable.Lignes.Where(l => l.Section == section)
                .Select(l => (l, x: r.Lignes.FirstOrDefault(y => y.Compte == l.Compte) ?? new LigneRapport { Compte = l.Compte })).ToList();
            var rows = lignes.Select(t => new[] { t.l.Libelle, Montants.Euros(t.x.PrevuCentimes), Montants.Euros(t.x.RealiseCentimes), PlanComptable.Taux(t.x.PrevuCentimes, t.x.RealiseCentimes), t.x.Explication ?? "" }).ToList();
            long tp = lignes.Sum(t => t.x.PrevuCentimes), tr = lignes.Sum(t => t.x.RealiseCentimes);
            rows.Add(["Total", Montants.Euros(tp), Montants.Euros(tr), PlanComptable.Taux(tp, tr), ""]);
            d.Paragraphe(titre, gras: true).Tableau([165, 75, 75, 40, 140], ["Compte", "Prévu", "Réalisé", "Taux", "Explication"], rows);
        }
        d.Intertitre("3. Annexe explicative").Paragraphe(r.Annexe ?? "—");
        if (r.Statut == StatutsRapport.ACorriger && r.Commentaire is not null) d.Intertitre("Correction demandée").Paragraphe(r.Commentaire);
        return d.Enregistrer();
    }
}
