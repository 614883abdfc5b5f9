using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Accompagner.Beneficiaires;
using Passerelle.Features.Connecter.Programmes;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Ventes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>A device in stock for a solidarity sale; <c>plafond</c> the legal cap in cents for public-origin equipment.</summary>
public sealed record AppareilPropose(int Id, string Etiquette, string Type, string Marque, string Modele, string? Grade, long? Plafond, string Lien);
/// <summary>An open programme, the eligibility route that fits the person (null: to check with them) and its offers; <c>adhesion</c> the
/// person's open enrolment in it when there is one (shown instead of a new enrolment).</summary>
public sealed record ProgrammePropose(int Id, string Nom, string? Regle, long PlafondMensuel, IReadOnlyList<string> Offres, AdhesionExistante? Adhesion = null);
/// <summary>An open enrolment (waiting, active or suspended) of the person: id, status code, end date and eligibility expiry.</summary>
public sealed record AdhesionExistante(int Id, string Statut, DateOnly Fin, DateOnly EligibleJusquAu);
public sealed record AtelierPropose(int Id, string Titre, DateTime Debut, string Lieu, string Commune, int PlacesRestantes, string Lien);
public sealed record CreneauPropose(int Id, DateTime Debut, string Lieu, string Commune, string Lien);
public sealed record Propositions(IReadOnlyList<AppareilPropose> Appareils, IReadOnlyList<ProgrammePropose> Programmes, IReadOnlyList<AtelierPropose> Ateliers,
    IReadOnlyList<CreneauPropose> Creneaux);

/// <summary>The offers matching what a person lacks: a device from the solidarity-sale stock (when the route given is a sale route, or none
/// is given yet), the open connectivity programmes whose rules fit, workshop sessions with seats and free help slots near home (the person's
/// commune, else their département) in the next 60 days. Three of each at most.</summary>
public static class ChercherPropositions
{
    public static async Task<Propositions> CalculerAsync(AppDbContext db, Beneficiaire fiche, Manques manques, string? eligibilite, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdhui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var appareils = new List<AppareilPropose>();
        if (manques.Equipement && (eligibilite is null || Eligibilite.Existe(eligibilite)))
        {
            var stock = await db.Set<Appareil>().AsNoTracking().Where(a => a.Etat == Etats.EnStock)
                .OrderBy(a => a.Type == "portable" ? 0 : a.Type == "tablette" ? 1 : 2).ThenBy(a => a.Id).Take(3).ToListAsync(ct);
            foreach (var a in stock)
                appareils.Add(new AppareilPropose(a.Id, a.Etiquette, a.Type, a.Marque, a.Modele, a.Grade,
                    a.Origine == Equiper.Dons.Origines.Public ? await Vendre.PlafondAsync(db, a.Type, aujourdhui, ct) : null, $"/admin/equipement/appareils/{a.Id}/vente"));
        }
        var programmes = new List<ProgrammePropose>();
        if (manques.Connexion)
        {
            var ouverts = await db.Set<ProgrammeConnexion>().AsNoTracking().Where(p => p.Debut <= aujourdhui && (p.Fin == null || p.Fin >= aujourdhui)).OrderBy(p => p.Nom).ToListAsync(ct);
            foreach (var p in ouverts)
            {
                var regle = eligibilite is not null && p.CodesRegles.Contains(eligibilite) ? eligibilite
                    : fiche.CodeQpv is not null && p.CodesRegles.Contains(EligibiliteConnexion.ResidentQpv) ? EligibiliteConnexion.ResidentQpv : null;
                if (eligibilite is not null && regle is null) continue;
                var offres = await db.Set<OffreConnexion>().AsNoTracking().Where(o => o.ProgrammeId == p.Id && o.Active).OrderBy(o => o.Id).Select(o => o.Libelle).ToListAsync(ct);
                var existante = await db.Set<Adhesion>().AsNoTracking().Where(a => a.ProgrammeId == p.Id && a.BeneficiaireId == fiche.Id && a.Statut != StatutsAdhesion.Terminee)
                    .Select(a => new AdhesionExistante(a.Id, a.Statut, a.Fin, a.EligibleJusquAu)).FirstOrDefaultAsync(ct);
                programmes.Add(new ProgrammePropose(p.Id, p.Nom, regle, p.PlafondMensuelCentimes, offres, existante));
                if (programmes.Count == 3) break;
            }
        }
        var ateliers = new List<AtelierPropose>();
        var creneaux = new List<CreneauPropose>();
        if (manques.Competences || manques.Equipement || manques.Connexion)
        {
            var commune = Texte.Normaliser(fiche.Commune);
            var departement = Territoire.Departement(fiche.CodePostal);
            var horizon = maintenant.AddDays(60);
            var sessions = db.SessionsAteliers.AsNoTracking().Where(x => !x.Annulee && x.Debut > maintenant && x.Debut < horizon && x.Inscrits < x.Capacite);
            var proches = await sessions.Where(x => x.Lieu!.CommuneRecherche == commune).OrderBy(x => x.Debut).Take(3)
                .Select(x => new AtelierPropose(x.Id, x.Atelier!.Titre, x.Debut, x.Lieu!.Nom, x.Lieu.Commune, x.Capacite - x.Inscrits, "/ateliers/" + x.Id)).ToListAsync(ct);
            if (proches.Count == 0 && departement is not null)
                proches = await sessions.Where(x => x.Lieu!.CodePostal.StartsWith(departement)).OrderBy(x => x.Debut).Take(3)
                    .Select(x => new AtelierPropose(x.Id, x.Atelier!.Titre, x.Debut, x.Lieu!.Nom, x.Lieu.Commune, x.Capacite - x.Inscrits, "/ateliers/" + x.Id)).ToListAsync(ct);
            ateliers.AddRange(proches);
            var libres = db.Creneaux.AsNoTracking().Where(c => !c.Ferme && c.EnLigne && c.Debut > maintenant && c.Debut < horizon && c.Reserves < c.Capacite);
            var prochesC = await libres.Where(c => c.CommuneRecherche == commune).OrderBy(c => c.Debut).Take(3)
                .Select(c => new CreneauPropose(c.Id, c.Debut, c.Lieu!.Nom, c.Lieu.Commune, "/rendez-vous/reserver/" + c.Id)).ToListAsync(ct);
            if (prochesC.Count == 0 && departement is not null)
                prochesC = await libres.Where(c => c.CodePostal.StartsWith(departement)).OrderBy(c => c.Debut).Take(3)
                    .Select(c => new CreneauPropose(c.Id, c.Debut, c.Lieu!.Nom, c.Lieu.Commune, "/rendez-vous/reserver/" + c.Id)).ToListAsync(ct);
            creneaux.AddRange(prochesC);
        }
        return new Propositions(appareils, programmes, ateliers, creneaux);
    }
}
