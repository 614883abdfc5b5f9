using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Accompagner.Ateliers;
using Passerelle.Features.Reseau.Lieux;
using Passerelle.Features.Reseau.Mediateurs;
using Passerelle.Features.Accompagner.Motifs;
using Passerelle.Features.Accompagner.Permanences;
using Passerelle.Features.Reseau.Structures;

namespace Passerelle.Tests.Infra;

/// <summary>Builds what booking tests need: a place, mediators, a permanence and its slots.</summary>
public static class Scenario
{
    public static async Task<Lieu> LieuAsync(AppFactory app, string commune = "Port-Saint-Louis-du-Rhône", string codePostal = "13230")
    {
        return await app.AvecDb(async db =>
        {
            var l = new Lieu { Source = "Test", IdLocal = Guid.NewGuid().ToString("N") };
            l.Appliquer(new LigneLieu(l.IdLocal, "W133001234", "Maison France Service " + l.IdLocal[..4], commune, codePostal, null, "4 rue Jean Rouget", null,
                43.38, 4.80, null, null, null, null, null, null, null, "Test", null, null, new DateOnly(2024, 1, 1), null, null, null, null, null, null, null, null, null, null, null),
                DateTime.UtcNow);
            db.Lieux.Add(l);
            await db.SaveChangesAsync();
            return l;
        });
    }

    public static async Task<int> StructureAsync(AppFactory app) => await app.AvecDb(async db =>
    {
        var s = new Structure { Nom = "Association " + Guid.NewGuid().ToString("N")[..6], Typologie = "ASSO" };
        db.Structures.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    /// <summary>A member of a structure's team with an API client: a mediator (account + card employed since 2024 + a place) or a manager of the structure.</summary>
    public static async Task<(HttpClient Api, int? MediateurId, int LieuId, string Email, string MotDePasse)> EquipierAsync(AppFactory app, int structureId, string role = Passerelle.Features.Comptes.Roles.Mediateur)
    {
        var lieu = await LieuAsync(app);
        var (email, mdp) = await app.CreerCompteAsync(role);
        int? mediateurId = null;
        await app.AvecDb(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            if (role == Passerelle.Features.Comptes.Roles.Gestionnaire) db.GestionsStructures.Add(new() { UtilisateurId = userId, StructureId = structureId });
            else
            {
                var m = new Mediateur { Prenom = "Médiatrice", Nom = "E" + Guid.NewGuid().ToString("N")[..8], UtilisateurId = userId };
                m.Employer(structureId, new DateOnly(2024, 1, 1), null);
                m.Lieux.Add(await db.Lieux.SingleAsync(l => l.Id == lieu.Id));
                db.Mediateurs.Add(m);
                await db.SaveChangesAsync();
                mediateurId = m.Id;
            }
            await db.SaveChangesAsync();
        });
        return (await app.ClientApiAsync(email, mdp), mediateurId, lieu.Id, email, mdp);
    }

    public static async Task<List<Mediateur>> MediateursAsync(AppFactory app, int n) => await app.AvecDb(async db =>
    {
        var liste = Enumerable.Range(0, n).Select(i => new Mediateur { Prenom = "Médiateur", Nom = $"N{i} {Guid.NewGuid():N}"[..12] }).ToList();
        db.Mediateurs.AddRange(liste);
        await db.SaveChangesAsync();
        return liste;
    });

    /// <summary>A weekly permanence and its generated slots; returns the permanence id.</summary>
    public static async Task<int> PermanenceAsync(AppFactory app, int lieuId, IEnumerable<int> mediateurs, DayOfWeek[] jours, TimeOnly debut, TimeOnly fin,
        int motifId = Motif.IdDemarches, DateOnly? du = null, DateOnly? au = null)
    {
        var id = await app.AvecDb(async db =>
        {
            var ids = mediateurs.ToList();
            var p = new Permanence
            {
                LieuId = lieuId, MotifId = motifId, Type = TypeRecurrence.Hebdomadaire, JoursSemaine = Recurrence.Masque(jours), HeureDebut = debut, HeureFin = fin,
                DateDebut = du ?? new DateOnly(2025, 1, 1), DateFin = au, Mediateurs = await db.Mediateurs.Where(m => ids.Contains(m.Id)).ToListAsync(),
            };
            p.Verifier();
            db.Permanences.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        await app.AvecDb(db => GenererCreneaux.ExecuterAsync(db, app.Horloge, id, CancellationToken.None));
        return id;
    }

    public static async Task<SessionAtelier> SessionAsync(AppFactory app, int lieuId, DateTime debut, int capacite) => await app.AvecDb(async db =>
    {
        var a = new Atelier { Titre = "Premiers pas sur internet", Themes = "Navigation sur internet", DureeMinutes = 120, MaterielNecessaire = "Rien : les ordinateurs sont fournis." };
        db.Ateliers.Add(a);
        await db.SaveChangesAsync();
        var s = new SessionAtelier { AtelierId = a.Id, LieuId = lieuId, Debut = debut, Fin = debut.AddHours(2), Capacite = capacite };
        db.SessionsAteliers.Add(s);
        await db.SaveChangesAsync();
        return s;
    });

    public static object Personne(int creneauId, string prenom = "Josiane", string? email = "josiane@exemple.fr", string? telephone = "06 12 34 56 78") =>
        new { creneauId, prenom, nom = "Martin", telephone, email, objet = "Déclaration de revenus", consentement = true };
}
