using Passerelle.Data;
using Passerelle.Features.Connecter.AllerVers;
using Passerelle.Features.Connecter.Programmes;

namespace Passerelle.Features.Demo;

/// <summary>The field side of the connectivity demo: a year of outreach events (a residence of the partner landlord, a market, a partner
/// place, once a month) tied to the enrolments made those days, voucher lots per offer, and the operator's invoice of the last month with one
/// line invoiced at the wrong amount and one voucher the ledger never saw (so the reconciliation has something to show). Deterministic.</summary>
public static class ConnexionDemoTerrain
{
    public static async Task SemerAsync(AppDbContext db, ProgrammeConnexion p, int structure, IReadOnlyList<Adhesion> adhesions, IReadOnlyList<MouvementRecharge> mouvements,
        IReadOnlyList<OffreConnexion> offres, string operateur, DateOnly aujourdhui, CancellationToken ct)
    {
        var lieux = new[]
        {
            (TypesLieuxAllerVers.Residence, "Hall B, résidence Les Cèdres"), (TypesLieuxAllerVers.Marche, "Marché du boulevard Michelet"),
            (TypesLieuxAllerVers.LieuPartenaire, "Centre social Saint-Louis"), (TypesLieuxAllerVers.Residence, "Pied d'immeuble, résidence La Bricarde"),
        };
        var evenements = new List<(EvenementAllerVers Ev, DateOnly Jour)>();
        for (var m = 0; m < 12; m++)
        {
            var jour = p.Debut.AddMonths(m).AddDays(9);
            if (jour > aujourdhui) break;
            var (type, lieu) = lieux[m % lieux.Length];
            var qpv = adhesions.Where(a => a.CodeQpv != null).Select(a => a.CodeQpv).ElementAtOrDefault(m);
            var ev = new EvenementAllerVers
            {
                StructureId = structure, ProgrammeId = p.Id, Date = jour, TypeLieu = type, Lieu = lieu, Commune = "Marseille", CodeQpv = qpv,
                Mediateurs = m % 2 == 0 ? "Inès, Karim" : "Sofia", PersonnesRencontrees = 12 + (m * 7) % 25, Notes = "démonstration",
                CreePar = "démonstration", CreeLe = jour.ToDateTime(new TimeOnly(16, 0)),
            };
            db.Add(ev);
            evenements.Add((ev, jour));
        }
        await db.SaveChangesAsync(ct);
        // Enrolments made within a week after an event are linked to it.
        foreach (var (ev, jour) in evenements)
            foreach (var a in adhesions.Where(a => a.Debut >= jour && a.Debut < jour.AddDays(7)).Take(6))
                db.Add(new LienAllerVers { EvenementId = ev.Id, Type = TypesLiensAllerVers.Adhesion, CibleId = a.Id });

        foreach (var o in offres.Where(o => o.Type == TypesOffres.Recharge))
            db.Add(new LotBons { OffreId = o.Id, Quantite = 1000, RecuLe = p.Debut, Reference = $"LOT-{o.Id}-1", Auteur = "démonstration", CreeLe = p.Debut.ToDateTime(new TimeOnly(9, 0)) });

        var mois = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-1);
        var facturees = mouvements.Where(m => m.Type == TypesMouvements.Recharge && m.Reference != null && m.Mois == Recharger.Mois(mois)).OrderBy(m => m.Id).ToList();
        if (facturees.Count == 0) { await db.SaveChangesAsync(ct); return; }
        var f = new FactureOperateur { ProgrammeId = p.Id, Operateur = operateur, Numero = $"DEMO-{mois:yyyy-MM}", Date = mois.AddMonths(1), Auteur = "démonstration", CreeLe = mois.AddMonths(1).ToDateTime(new TimeOnly(9, 0)) };
        db.Add(f);
        await db.SaveChangesAsync(ct);
        db.AddRange(facturees.Select((m, i) => new LigneFactureOperateur
        {
            FactureId = f.Id, Reference = m.Reference!, MontantCentimes = i == 0 ? m.MontantCentimes + 100 : m.MontantCentimes, Date = DateOnly.FromDateTime(m.Le),
        }));
        db.Add(new LigneFactureOperateur { FactureId = f.Id, Reference = "BON-INCONNU-DEMO", MontantCentimes = 500, Date = mois.AddDays(14) });
        await db.SaveChangesAsync(ct);
    }
}
