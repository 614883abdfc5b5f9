using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>A free coding school modelled on La Plateforme_ in Marseille (fictitious name and learners): a labelled programme funded by the
/// Métropole, one finished cohort with outcomes at exit, +3 and +6 months (« sans nouvelles » included) and one running cohort with candidates.
/// The demo manager runs the school; the demo mediator is a referent there, beside an insertion counsellor.</summary>
public static class ParcoursDemo
{
    public const string Financeur = "Métropole Aix-Marseille-Provence (démo)";
    static readonly string[] Prenoms = ["Inès", "Yanis", "Sarah", "Mehdi", "Léa", "Karim", "Nora", "Hugo", "Aïcha", "Théo", "Maëlle", "Samir", "Chloé", "Ilyes", "Jade", "Rayan", "Lina", "Nassim"];
    static readonly string[] Noms = ["Amrani", "Bertin", "Chouaki", "Durand", "Fabre", "Garcia", "Haddad", "Lopez", "Martin", "Nguyen", "Ouali", "Perez", "Roux", "Saïdi", "Tessier", "Vidal", "Zerrouki", "Blanc"];
    // Outcomes of the finished cohort's 14 exits, at exit / +3 / +6 months (null: not recorded).
    static readonly string?[][] Resultats =
    [
        ["FORMATION", "ALTERNANCE", "ALTERNANCE"], ["SANS_SOLUTION", "CDD_MOINS_6", "CDI"], ["CDD_MOINS_6", "CDD_6_PLUS", "CDD_6_PLUS"], ["SANS_SOLUTION", "INCONNU", "INCONNU"],
        ["ALTERNANCE", "ALTERNANCE", "ALTERNANCE"], ["SANS_SOLUTION", "SANS_SOLUTION", "CDD_MOINS_6"], ["CREATION", "CREATION", "CREATION"], ["SANS_SOLUTION", "CDI", "CDI"],
        ["INCONNU", "INCONNU", "INCONNU"], ["FORMATION", "FORMATION", "CDD_6_PLUS"], ["SANS_SOLUTION", "SANS_SOLUTION", "SANS_SOLUTION"], ["CDD_6_PLUS", "CDI", null],
        ["SANS_SOLUTION", "INCONNU", null], ["INCONNU", null, null],
    ];

    public static async Task SemerAsync(AppDbContext db, string? gestionnaireId, Mediateur referente, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var ecole = new Structure { Nom = "L'Escale du code (démo), Marseille", Typologie = "ASSO", Commune = "Marseille", CodePostal = "13003", Demo = true };
        db.Structures.Add(ecole);
        await db.SaveChangesAsync(ct);
        if (gestionnaireId is not null) db.GestionsStructures.Add(new GestionStructure { UtilisateurId = gestionnaireId, StructureId = ecole.Id });
        referente.Employer(ecole.Id, aujourdHui.AddYears(-2), null);
        var cip = new Mediateur { Prenom = "Yasmine", Nom = "Conseillère en insertion (démo)", Courriel = "cip@demo.passerelle.test", Demo = true };
        cip.Employer(ecole.Id, aujourdHui.AddYears(-2), null);
        db.Mediateurs.Add(cip);
        var financeur = await db.Users.Where(u => u.Email == "financeur@demo.passerelle.test").Select(u => u.Id).FirstOrDefaultAsync(ct);
        // The demo funder account may already belong to another funder (the CAF, FinancementDemo): that funder is then named a
        // co-funder of the school (fictitious), so the one demo funder account sees the school's aggregates.
        var dejaFinanceur = financeur is null ? null : await db.Set<ProfilCompte>().Where(p => p.UtilisateurId == financeur).Select(p => p.Financeur).FirstOrDefaultAsync(ct);
        if (financeur is not null && dejaFinanceur is null && !await db.Set<ProfilCompte>().AnyAsync(p => p.UtilisateurId == financeur, ct))
            db.Add(new ProfilCompte { UtilisateurId = financeur, Financeur = Financeur });
        var programme = new Programme
        {
            Nom = "Développeur·se web et web mobile", Structure = ecole, LabelGen = "Grande École du Numérique (démo)", LabelDebut = aujourdHui.AddYears(-2), LabelFin = aujourdHui.AddYears(1),
            Certification = "Titre professionnel DWWM, niveau 5", Financeurs = dejaFinanceur is null || dejaFinanceur == Financeur ? Financeur : Financeur + "|" + dejaFinanceur, Demo = true,
        };
        var finFinie = aujourdHui.AddMonths(-7).AddDays(-10);
        var finie = new Cohorte { Programme = programme, Nom = "Promo « Calanques »", Debut = finFinie.AddMonths(-7), Fin = finFinie, HeuresPrevues = 1200, Capacite = 16, Lieu = "Marseille 3e", Statut = "terminee" };
        var enCours = new Cohorte { Programme = programme, Nom = "Promo « Vieux-Port »", Debut = aujourdHui.AddMonths(-2), Fin = aujourdHui.AddMonths(5), HeuresPrevues = 1200, Capacite = 16, Lieu = "Marseille 3e", Statut = "en_cours" };
        db.AddRange(programme, finie, enCours);
        await db.SaveChangesAsync(ct);

        Inscription Nouvelle(int k, Cohorte c, string statut)
        {
            var a = new Apprenant
            {
                StructureId = ecole.Id, Prenom = Prenoms[k % Prenoms.Length], Nom = Noms[(k * 7) % Noms.Length] + " (démo)", Courriel = $"apprenant{k}@exemple.org",
                DateNaissance = aujourdHui.AddYears(-19 - (k * 5) % 24), Genre = k % 3 == 0 ? "homme" : k % 3 == 1 ? "femme" : k % 2 == 0 ? "homme" : "femme",
                Commune = "Marseille", CodeQpv = k % 3 == 0 ? "QN01303I" : null, ConsentementLe = maintenant,
            };
            // Dated in the pathway's own time: applied 40 days and admitted 7 days before the course starts (candidates of the running
            // cohort applied 30 days ago); the team joins on the admission day, never after the learner's last day.
            var admission = c.Debut.AddDays(-7);
            var admiseLe = CloreMembre.Instant(admission, aujourdHui, horloge);
            var i = new Inscription { Apprenant = a, Cohorte = c, Statut = statut, Origine = k % 4 == 0 ? "prescripteur" : "formulaire", Prescripteur = k % 4 == 0 ? "Mission locale (démo)" : null,
                CandidatureLe = statut is Vocabulaire.Candidat ? maintenant.AddDays(-30) : admiseLe.AddDays(-33), Jeton = Web.Jetons.Nouveau() };
            if (statut is Vocabulaire.Candidat) return i;
            i.AdmissionLe = admission; i.DecisionLe = admiseLe; i.ReferentId = referente.Id;
            i.Situations.Add(Decider.Instantane(a, new SituationSaisie { DemandeurEmploi = k % 2 == 0, NiveauQualification = k % 4 == 3 ? "superieur" : k % 2 == 0 ? "infra_bac" : "bac",
                Neet = k % 3 != 2, Allocations = k % 5 == 0 ? ["RSA"] : [], Freins = k % 4 == 1 ? ["mobilite", "equipement"] : [] }, admission));
            i.Equipe.Add(new MembreEquipe { Mediateur = referente, Role = Vocabulaire.Referent, Debut = admiseLe });
            i.Equipe.Add(new MembreEquipe { Mediateur = cip, Role = "cip", Debut = admiseLe });
            return i;
        }

        for (var k = 0; k < Resultats.Length; k++)
        {
            var abandon = k is 10 or 13;
            var i = Nouvelle(k, finie, abandon ? Vocabulaire.Abandon : Vocabulaire.Termine);
            i.SortieLe = abandon ? finFinie.AddMonths(-3) : finFinie;
            i.MotifSortie = abandon ? "Reprise d'un emploi alimentaire" : null;
            foreach (var (moment, m) in Vocabulaire.Moments.Select((m, n) => (m.Code, n)))
                if (Resultats[k][m] is { } type)
                    i.Resultats.Add(new Resultat { Moment = moment, Type = type, Le = i.SortieLe.Value.AddMonths(Vocabulaire.MoisDe(moment)), Source = type == "INCONNU" ? "declaratif" : "justificatif", SaisiLe = maintenant });
            db.Add(i);
        }
        var enFormation = new List<Inscription>();
        for (var k = 0; k < 15; k++)
        {
            var i = Nouvelle(20 + k, enCours, k < 12 ? Vocabulaire.EnFormation : Vocabulaire.Candidat);
            db.Add(i);
            if (k < 12) enFormation.Add(i);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (i, k) in enFormation.Select((i, k) => (i, k)))
            db.Add(new EntreeJournal
            {
                InscriptionId = i.Id, Le = aujourdHui.AddDays(-7 - 3 * k), AuteurId = referente.UtilisateurId ?? "", Auteur = referente.Courriel ?? "", Support = "entretien",
                Synthese = "Point d'étape : projet, rythme et besoins.", ProchaineEtape = "Préparer la recherche de stage", ProchaineEtapeLe = aujourdHui.AddDays(14), CreeLe = maintenant,
            });
        await db.SaveChangesAsync(ct);
        await ParcoursSubventionDemo.SemerAsync(db, ecole, finFinie.Year, horloge, ct);
        await AidantsDemo.SemerAsync(db, ecole, programme, enCours, referente, horloge, ct);
    }
}
