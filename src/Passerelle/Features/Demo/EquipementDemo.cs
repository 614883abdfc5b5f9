using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Features.Equiper.Insertion;
using Passerelle.Features.Equiper.Ventes;

namespace Passerelle.Features.Demo;

/// <summary>The demo's Fabrique: three donors (two fictitious companies, one public body), six lots received over the last ten
/// months at two work sites (Marseille, then Aubagne for the public body's lots) and 400 devices in every state of the lifecycle, with the erasure records, tests and history their state requires; a
/// few sales (public-origin ones at or under the cap), the companies' tax receipts and the work site's insertion hours.
/// Deterministic (no randomness) and written in a few batched saves: it runs on every fresh start and in tests.</summary>
public static class EquipementDemo
{
    static readonly string[] Parcours = [Etats.Recu, Etats.Qualifie, Etats.Efface, Etats.Teste, Etats.Classe, Etats.Reconditionne, Etats.EnStock];
    /// <summary>The outcome of the i-th device of a lot, cycling: every state appears in every lot.</summary>
    static readonly string[] Cycle =
    [
        Etats.Recu, Etats.Qualifie, Etats.Efface, Etats.Teste, Etats.Classe, Etats.Reconditionne, Etats.EnStock, Etats.EnStock, Etats.EnStock, Etats.Reserve,
        Etats.Vendu, Etats.Donne, Etats.Donne, Etats.EnStock, Etats.Pieces, Etats.Deee, Etats.Deee, Etats.EnStock, Etats.Perdu, Etats.Vendu,
    ];

    static (string Marque, string Modele, string? Support, int Go, int Kg) Modele(string type) => type switch
    {
        "portable" => ("Lenovo", "ThinkPad T480", "ssd", 256, 2),
        "fixe" => ("Dell", "OptiPlex 7060", "hdd", 500, 7),
        "ecran" => ("Dell", "P2419H", null, 0, 5),
        "smartphone" => ("Samsung", "Galaxy A52", "emmc", 128, 0),
        _ => ("Apple", "iPad 7e génération", "emmc", 32, 1),
    };

    static List<string> Chemin(string etat, int i) => etat switch
    {
        Etats.Reserve or Etats.Vendu or Etats.Donne or Etats.Perdu => [.. Parcours, etat],
        Etats.Pieces => [Etats.Recu, Etats.Qualifie, Etats.Pieces],
        Etats.Deee => i % 2 == 0 ? [Etats.Recu, Etats.Qualifie, Etats.Pieces, Etats.Deee] : [Etats.Recu, Etats.Deee],
        _ => [.. Parcours[..(Array.IndexOf(Parcours, etat) + 1)]],
    };

    /// <summary>The demo's two work sites: the company lots go to the first, the public body's to the second.</summary>
    public static readonly string[] Sites = ["Fabrique — atelier de Marseille", "Fabrique — atelier d'Aubagne"];

    public static async Task SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var lots = new (string Origine, string Nom, string Siret, string Type, int N, int JoursAvant)[]
        {
            (Origines.Entreprise, "Transports Calanques SAS (fictive)", "73282932000074", "portable", 120, 300),
            (Origines.Entreprise, "Transports Calanques SAS (fictive)", "73282932000074", "ecran", 40, 240),
            (Origines.Entreprise, "Assurances du Vieux-Port (fictive)", "55208131766522", "fixe", 60, 200),
            (Origines.Entreprise, "Assurances du Vieux-Port (fictive)", "55208131766522", "smartphone", 40, 150),
            (Origines.Public, "Métropole — direction du numérique (démo)", "21130055300016", "portable", 100, 100),
            (Origines.Public, "Métropole — direction du numérique (démo)", "21130055300016", "tablette", 40, 60),
        };
        var lignesLots = new List<(Lot Lot, string Type, int N)>();
        var numero = 0;
        foreach (var (origine, nom, siret, type, n, joursAvant) in lots)
        {
            var recu = maintenant.AddDays(-joursAvant);
            var offre = new OffreDon
            {
                Jeton = Web.Jetons.Nouveau(), Origine = origine, Organisation = nom, Siret = siret, ContactNom = "Service informatique", Courriel = $"don{numero}@exemple.org",
                AdresseEnlevement = "Marseille", Disponibilites = "En semaine", AgeAnnees = 5, DisquesPresents = Modele(type).Support is not null, Statut = OffreDon.Recue, EnlevementLe = recu,
                CreeLe = recu.AddDays(-10), ReferenceDecision = origine == Origines.Public ? "Décision n° 2026-042" : null,
                Lignes = [new LigneOffre { Type = type, Quantite = n }],
            };
            var lot = new Lot { Offre = offre, RecuLe = recu, NombreAppareils = n, PoidsKg = Math.Max(1, n * Modele(type).Kg + (type == "smartphone" ? 8 : 0)), RecuPar = "demo",
                Site = origine == Origines.Public ? Sites[1] : Sites[0] };
            db.AddRange(offre, lot);
            lignesLots.Add((lot, type, n));
            numero++;
        }
        await db.SaveChangesAsync(ct);

        // The devices, their media, erasure records and tests in one batched save.
        var appareils = new List<(Appareil A, List<string> Chemin, DateTime Recu, int I)>();
        numero = 0;
        foreach (var (lot, type, n) in lignesLots)
        {
            var m = Modele(type);
            for (var i = 0; i < n; i++)
            {
                var etat = Cycle[i % Cycle.Length];
                var chemin = Chemin(etat, i);
                var a = new Appareil
                {
                    LotId = lot.Id, Origine = lot.Offre!.Origine, Type = type, Marque = m.Marque, Modele = m.Modele, NumeroSerie = $"DEMO-{numero}-{i:D3}",
                    Processeur = type is "portable" or "fixe" ? "Intel Core i5-8350U" : null, MemoireGo = type is "portable" or "fixe" ? 8 : null, Etat = etat, CreeLe = lot.RecuLe,
                    Version = chemin.Count - 1,
                };
                if (m.Support is not null) a.Supports.Add(new SupportStockage { Type = m.Support, NumeroSerie = $"DEMO-SUP-{numero}-{i:D3}", CapaciteGo = m.Go });
                var detruit = etat == Etats.Deee;
                if (a.Supports.Count > 0 && (detruit || chemin.Contains(Etats.Efface))) a.Supports[0].Effacements.Add(new Effacement
                {
                    Niveau = detruit ? "destroy" : "purge", Methode = detruit ? "Broyage" : "ATA Secure Erase", Outil = detruit ? "Broyeur" : "nwipe",
                    VersionOutil = detruit ? null : "0.37", Passes = 1, Verification = "complete", ZonesCacheesStatut = "absentes", Debut = lot.RecuLe.AddDays(2),
                    Fin = lot.RecuLe.AddDays(2).AddMinutes(40), Operateur = "atelier@demo", Site = lot.Site, Resultat = Effacement.Reussi, EnregistreLe = lot.RecuLe.AddDays(2),
                });
                if (chemin.Contains(Etats.Teste))
                {
                    a.Tests.Add(new TestFonctionnel { Le = lot.RecuLe.AddDays(3), Operateur = "atelier@demo", Reussi = true });
                    a.Grade = "ABCD"[i % 4].ToString();
                    a.SanteBatterie = type is "fixe" or "ecran" ? null : 75 + i % 20;
                }
                if (etat == Etats.Reserve) { a.ReserveJusquAu = maintenant.AddDays(5); a.ReservePour = $"Réservation démo {i}"; }
                appareils.Add((a, chemin, lot.RecuLe, i));
            }
            numero++;
        }
        db.AddRange(appareils.Select(x => x.A));
        await db.SaveChangesAsync(ct);

        // The history, the sales, the households' purchase rows, the receipts and the insertion hours; the outcomes' CO2e and
        // weights are added by the save itself (Impact.ValeurEcologique).
        var quartiers = await db.Qpv.AsNoTracking().Where(q => q.Departement == "13").OrderBy(q => q.Code).Select(q => q.Code).Take(3).ToListAsync(ct);
        var motifs = Eligibilite.Regles.Select(r => r.Code).Where(c => c != "quotient_familial").ToArray();
        var vente = 0;
        var sites = lignesLots.ToDictionary(l => l.Lot.Id, l => l.Lot.Site);
        foreach (var (a, chemin, recu, i) in appareils)
        {
            for (var k = 0; k < chemin.Count; k++)
                db.Add(new EvenementAppareil { AppareilId = a.Id, De = k == 0 ? null : chemin[k - 1], Vers = chemin[k], Le = recu.AddDays(k), Auteur = "atelier@demo", Site = sites[a.LotId] });
            if (a.Etat != Etats.Vendu) continue;
            var le = recu.AddDays(chemin.Count - 1);
            var jour = DateOnly.FromDateTime(HeureParis.Depuis(le));
            var motif = motifs[vente % motifs.Length];
            var publique = a.Origine == Origines.Public;
            var plafond = publique ? PlafondPrix.GrilleDecret.First(g => g.Type == a.Type).Centimes : (long?)null;
            var qpv = vente % 3 == 0 && quartiers.Count > 0 ? quartiers[vente % quartiers.Count] : null;
            var foyer = Foyers.Cle($"DEMO-FOYER-{vente}", null, "", null);
            db.Add(new Vente
            {
                AppareilId = a.Id, PrixCentimes = plafond is { } p ? p - 3000 : a.Type == "portable" ? 12000 : 8000, PlafondCentimes = plafond, Motif = motif,
                Justificatif = Eligibilite.Regles.First(r => r.Code == motif).Preuve, DateJustificatif = jour.AddDays(-10), EligibleJusquAu = Eligibilite.Expiration(motif, jour.AddDays(-10)),
                AcheteurNom = $"Acheteur démo {vente + 1}", AcheteurCommune = "Marseille", SituationQpv = qpv is not null ? Quartiers.EnQpv : vente % 3 == 1 ? Quartiers.HorsQpv : Quartiers.NonRenseigne,
                CodeQpv = qpv, FoyerCle = foyer, GarantieMois = 24, VenduLe = le, Vendeur = "gestionnaire@demo", Jeton = Web.Jetons.Nouveau(),
            });
            db.Add(new AchatFoyer { FoyerCle = foyer, DernierAchat = jour });
            vente++;
        }
        var sequences = new Dictionary<int, int>();
        foreach (var (lot, type, n) in lignesLots.Where(l => l.Lot.Offre!.Origine == Origines.Entreprise))
        {
            var annee = lot.RecuLe.Year;
            sequences[annee] = sequences.GetValueOrDefault(annee) + 1;
            db.Add(new RecuDon
            {
                OffreDonId = lot.OffreDonId, Annee = annee, Sequence = sequences[annee], DateDon = DateOnly.FromDateTime(lot.RecuLe), EtabliLe = lot.RecuLe.AddDays(20),
                DonateurNom = lot.Offre!.Organisation, Siren = lot.Offre.Siret![..9], FormeJuridique = "SAS", AdresseDonateur = "13002 Marseille",
                Nature = $"Don en nature : {n} × {Materiel.Libelle(type)}", MethodeValorisation = "Valeur nette comptable (matériel amorti) déclarée par le donateur",
                MontantCentimes = n * 1000,
            });
        }
        var moisCourant = DateOnly.FromDateTime(HeureParis.Depuis(maintenant));
        for (var k = 1; k <= 10; k++)
        {
            var mois = new DateOnly(moisCourant.Year, moisCourant.Month, 1).AddMonths(-k);
            foreach (var (code, _) in HeuresInsertion.Activites)
                db.Add(new HeuresInsertion { Site = Sites[0], Mois = mois, Categorie = "insertion", Activite = code, Minutes = (120 + 15 * ((k + code.Length) % 7)) * 60, Personnes = 6 + k % 3, SaisiPar = "demo", SaisiLe = maintenant });
            db.Add(new HeuresInsertion { Site = Sites[0], Mois = mois, Categorie = "encadrement", Activite = "reconditionnement", Minutes = 280 * 60, Personnes = 2, SaisiPar = "demo", SaisiLe = maintenant });
            if (k <= 4) // the second site opened four months ago, with the public body's lots
                db.Add(new HeuresInsertion { Site = Sites[1], Mois = mois, Categorie = "insertion", Activite = "reconditionnement", Minutes = (90 + 10 * k) * 60, Personnes = 3, SaisiPar = "demo", SaisiLe = maintenant });
        }
        await db.SaveChangesAsync(ct);
    }
}
