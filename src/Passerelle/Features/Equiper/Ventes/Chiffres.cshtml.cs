using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Statistiques;

namespace Passerelle.Features.Equiper.Ventes;

/// <summary><c>/equipement/chiffres</c> (anyone): the territory's reuse figures over the last twelve months — aggregates only.
/// Counts of buyers (sales by eligibility rule, by QPV) follow the statistical secrecy of the shared views (<see cref="Secret"/>,
/// decision 0009): cells under 5 masked, with secondary masking.</summary>
public sealed class ChiffresModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    public TableauDeBord Tableau { get; private set; } = null!;
    /// <summary>Sales by rule and by QPV situation, null where masked.</summary>
    public List<(string Libelle, int? Ventes)> ParMotif { get; private set; } = [];
    public List<(string Libelle, int? Ventes)> ParQpv { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var jour = Territoire.AujourdHui(horloge);
        Tableau = await TableauDeBord.CalculerAsync(db, jour.AddYears(-1).AddDays(1), jour, ct);
        ParMotif = Proteger(Tableau.VentesParMotif.Select(m => (Eligibilite.Libelle(m.Motif), m.Ventes)).ToList());
        ParQpv = Proteger(Tableau.VentesParQpv.Select(m => (m.Situation == Quartiers.EnQpv ? "Habitant un quartier prioritaire" : m.Situation == Quartiers.HorsQpv ? "Hors quartier prioritaire" : "Quartier non renseigné", m.Ventes)).ToList());
    }

    static List<(string, int?)> Proteger(List<(string Libelle, int N)> lignes)
    {
        var masque = Secret.Masquer(lignes.Select(l => l.N).ToList());
        return lignes.Select((l, i) => (l.Libelle, masque[i] ? null : (int?)l.N)).ToList();
    }
}
