using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Features.Former.Aidants;
using Passerelle.Features.Former.Parcours;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Features.Demo;

/// <summary>The demo's helpers' training (issue 14 §9): the demo school also trains the first-level helpers of the Fabrique's associations
/// (the beneficiaries of the 2023 Fabrique grants, <see cref="FinancementDemo"/>): a running cohort of fictitious helpers, two per
/// association, weekly signed sheets, self-assessments and the trainer's assessments at the start and now. Also the running coding
/// cohort's signed sheets of the last three weeks.</summary>
public static class AidantsDemo
{
    static readonly string[] Prenoms = ["Fatima", "Jean-Marc", "Leïla", "Christophe", "Samia", "Bernard", "Ophélie", "Moussa"];
    static readonly string[] Noms = ["Belkacem", "Giraud", "Mansouri", "Peyre", "Kaci", "Lambert", "Costa", "Diallo"];

    public static async Task SemerAsync(AppDbContext db, Structure ecole, Programme codage, Cohorte enCours, Mediateur formatrice, TimeProvider horloge, CancellationToken ct)
    {
        var aujourdHui = Territoire.AujourdHui(horloge);
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var associations = await db.Set<Subvention>().Where(s => s.Enveloppe != null && s.Enveloppe.Libelle == "Fabrique de l'inclusion numérique")
            .Select(s => s.BeneficiaireId).Distinct().OrderBy(x => x).ToListAsync(ct);
        if (associations.Count == 0) associations = [ecole.Id];
        var programme = new Programme
        {
            Nom = "Aidant·es numériques de premier niveau de la Fabrique", StructureId = ecole.Id, Nature = Programme.NatureAidants, Financeurs = codage.Financeurs, Demo = true,
            Certification = "Attestation de formation (référentiel des gestes de l'aide de premier niveau)",
        };
        var debut = aujourdHui.AddDays(-(((int)aujourdHui.DayOfWeek + 6) % 7) - 35); // a Monday five weeks ago
        var cohorte = new Cohorte { Programme = programme, Nom = "Aidant·es de la Fabrique — session 1", Debut = debut, Fin = debut.AddDays(83), HeuresPrevues = 42, Capacite = 12, Lieu = "Marseille 3e", Statut = "en_cours" };
        db.AddRange(programme, cohorte);
        await db.SaveChangesAsync(ct);
        var admission = debut.AddDays(-7);
        var admiseLe = CloreMembre.Instant(admission, aujourdHui, horloge);
        var aidants = new List<Inscription>();
        for (var k = 0; k < 2 * Math.Min(4, associations.Count); k++)
        {
            var a = new Apprenant
            {
                StructureId = ecole.Id, Prenom = Prenoms[k], Nom = Noms[k] + " (démo)", Courriel = $"aidant{k}@exemple.org", Genre = k % 2 == 0 ? "femme" : "homme",
                DateNaissance = aujourdHui.AddYears(-24 - 5 * k), Commune = "Marseille", ConsentementLe = maintenant, AssociationId = associations[k / 2],
            };
            var i = new Inscription
            {
                Apprenant = a, Cohorte = cohorte, Statut = Vocabulaire.EnFormation, Origine = "prescripteur", Prescripteur = "Association de la Fabrique",
                CandidatureLe = admiseLe.AddDays(-14), DecisionLe = admiseLe, AdmissionLe = admission, ReferentId = formatrice.Id, Jeton = Web.Jetons.Nouveau(),
            };
            i.Situations.Add(Decider.Instantane(a, new SituationSaisie { NiveauQualification = k % 3 == 0 ? "bac" : "superieur" }, admission));
            i.Equipe.Add(new MembreEquipe { Mediateur = formatrice, Role = Vocabulaire.Referent, Debut = admiseLe });
            db.Add(i);
            aidants.Add(i);
        }
        await db.SaveChangesAsync(ct);

        // Weekly sessions (Tuesday afternoon, 3 h 30) since the start; every fourth helper misses one, one comes late.
        for (var s = 0; debut.AddDays(1 + 7 * s) < aujourdHui; s++)
            db.Add(Feuille(cohorte.Id, debut.AddDays(1 + 7 * s), "apres_midi", 210, aidants.Select((i, k) =>
                (i.Id, (k + s) % 4 == 3 ? (s % 2 == 0 ? Vocabulaire.Excuse : Vocabulaire.Absent) : k == 5 && s == 1 ? Vocabulaire.Retard : Vocabulaire.Present)), maintenant));
        // The running coding cohort: mornings of the last three weeks (Monday to Thursday).
        var apprenants = await db.Set<Inscription>().Where(i => i.CohorteId == enCours.Id && i.Statut == Vocabulaire.EnFormation).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        for (var j = aujourdHui.AddDays(-21); j < aujourdHui; j = j.AddDays(1))
            if (j >= enCours.Debut && j.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
                db.Add(Feuille(enCours.Id, j, "matin", 210, apprenants.Select((id, k) =>
                    (id, (k * 3 + j.DayNumber) % 11 == 0 ? Vocabulaire.Absent : (k + j.DayNumber) % 13 == 0 ? Vocabulaire.Excuse : (k + j.DayNumber) % 9 == 0 ? Vocabulaire.Retard : Vocabulaire.Present)), maintenant));

        // Assessments: self and trainer at the start (levels 1–2), the trainer's again last week (levels 2–4).
        var competences = await db.Set<CompetenceAidant>().Where(c => c.Active).OrderBy(c => c.Ordre).Select(c => c.Id).ToListAsync(ct);
        foreach (var (i, k) in aidants.Select((i, k) => (i, k)))
            foreach (var (c, n) in competences.Select((c, n) => (c, n)))
            {
                var depart = 1 + (k + n) % 2;
                db.Add(new EvaluationAidant { InscriptionId = i.Id, CompetenceId = c, Le = debut.AddDays(1), Niveau = Math.Min(4, depart + (n % 3 == 0 ? 1 : 0)), Par = ReferentielAidants.Auto, SaisieLe = maintenant });
                db.Add(new EvaluationAidant { InscriptionId = i.Id, CompetenceId = c, Le = debut.AddDays(1), Niveau = depart, Par = ReferentielAidants.Formateur,
                    AuteurId = formatrice.UtilisateurId, Auteur = formatrice.Courriel, SaisieLe = maintenant });
                db.Add(new EvaluationAidant { InscriptionId = i.Id, CompetenceId = c, Le = aujourdHui.AddDays(-6), Niveau = Math.Min(4, depart + 1 + (k + 2 * n) % 3 / 2 + (k % 4 == 3 ? 0 : 1) - (n >= 9 && k % 2 == 1 ? 1 : 0)),
                    Par = ReferentielAidants.Formateur, AuteurId = formatrice.UtilisateurId, Auteur = formatrice.Courriel, SaisieLe = maintenant });
            }
        await db.SaveChangesAsync(ct);
    }

    static FeuillePresence Feuille(int cohorte, DateOnly le, string seance, int minutes, IEnumerable<(int Id, string Statut)> lignes, DateTime maintenant)
    {
        var f = new FeuillePresence { CohorteId = cohorte, Le = le, Seance = seance, MinutesPrevues = minutes, SigneePar = "Formatrice (démo)", SaisiePar = "demo", SaisieLe = maintenant };
        foreach (var (id, statut) in lignes)
            f.Presences.Add(new Presence { InscriptionId = id, Statut = statut, Minutes = statut == Vocabulaire.Present ? minutes : statut == Vocabulaire.Retard ? minutes - 45 : 0 });
        return f;
    }
}
