using Passerelle.Data;
using Passerelle.Features.Equiper.Appareils;
using Passerelle.Features.Equiper.Dons;
using Passerelle.Features.Equiper.Ventes;

namespace Passerelle.Features.Demo;

/// <summary>The demo's Fabrique: three donors (two fictitious companies, one public body), their lots and 120 devices
/// spread over the lifecycle, with the erasure records, tests and history their state requires, and a few capped sales.</summary>
public static class EquipementDemo
{
    static readonly string[] Parcours = [Etats.Recu, Etats.Qualifie, Etats.Efface, Etats.Teste, Etats.Classe, Etats.Reconditionne, Etats.EnStock, Etats.Vendu];

    public static async Task SemerAsync(AppDbContext db, TimeProvider horloge, CancellationToken ct)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var donateurs = new[]
        {
            (Origines.Entreprise, "Transports Calanques SAS (fictive)", "73282932000074", "portable", 50),
            (Origines.Entreprise, "Assurances du Vieux-Port (fictive)", "55208131766522", "fixe", 30),
            (Origines.Public, "Métropole — direction du numérique (démo)", "21130055300016", "portable", 40),
        };
        var numero = 0;
        foreach (var (origine, nom, siret, type, n) in donateurs)
        {
            var recu = maintenant.AddDays(-40 + numero * 5);
            var offre = new OffreDon
            {
                Jeton = Web.Jetons.Nouveau(), Origine = origine, Organisation = nom, Siret = siret, ContactNom = "Service informatique", Courriel = $"don{numero}@exemple.org",
                AdresseEnlevement = "Marseille", Disponibilites = "En semaine", AgeAnnees = 5, DisquesPresents = true, Statut = OffreDon.Recue, EnlevementLe = recu,
                CreeLe = recu.AddDays(-10), ReferenceDecision = origine == Origines.Public ? "Décision n° 2026-042" : null,
                Lignes = [new LigneOffre { Type = type, Quantite = n }],
            };
            var lot = new Lot { Offre = offre, RecuLe = recu, NombreAppareils = n, PoidsKg = n * (type == "portable" ? 2 : 8), RecuPar = "demo" };
            db.AddRange(offre, lot);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < n; i++)
            {
                var etat = i < 3 && type == "fixe" ? Etats.Deee : Parcours[i % Parcours.Length];
                var a = new Appareil
                {
                    LotId = lot.Id, Origine = origine, Type = type, Marque = type == "portable" ? "Lenovo" : "Dell", Modele = type == "portable" ? "ThinkPad T480" : "OptiPlex 7060",
                    NumeroSerie = $"DEMO-{numero}-{i:D3}", Processeur = "Intel Core i5-8350U", MemoireGo = 8, Etat = etat, CreeLe = recu,
                    Supports = [new SupportStockage { Type = "ssd", NumeroSerie = $"DEMO-SSD-{numero}-{i:D3}", CapaciteGo = 256 }],
                };
                var rang = Array.IndexOf(Parcours, etat);
                var efface = etat == Etats.Deee || rang >= 2;
                if (efface) a.Supports[0].Effacements.Add(new Effacement
                {
                    Niveau = etat == Etats.Deee ? "destroy" : "purge", Methode = etat == Etats.Deee ? "Broyage" : "ATA Secure Erase", Outil = etat == Etats.Deee ? "Broyeur" : "nwipe",
                    VersionOutil = "0.37", Passes = 1, Verification = "complete", ZonesCacheesStatut = "absentes", Debut = recu.AddDays(2), Fin = recu.AddDays(2).AddMinutes(40),
                    Operateur = "atelier@demo", Resultat = Effacement.Reussi, EnregistreLe = recu.AddDays(2),
                });
                if (rang >= 3) { a.Tests.Add(new TestFonctionnel { Le = recu.AddDays(3), Operateur = "atelier@demo", Reussi = true }); a.Grade = "ABC"[i % 3].ToString(); a.SanteBatterie = 80 + i % 15; }
                db.Add(a);
                await db.SaveChangesAsync(ct);
                var chemin = etat == Etats.Deee ? [Etats.Recu, Etats.Deee] : Parcours[..(rang + 1)];
                for (var k = 0; k < chemin.Length; k++)
                    db.Add(new EvenementAppareil { AppareilId = a.Id, De = k == 0 ? null : chemin[k - 1], Vers = chemin[k], Le = recu.AddDays(k), Auteur = "atelier@demo" });
                if (etat == Etats.Vendu)
                    db.Add(new Vente
                    {
                        AppareilId = a.Id, PrixCentimes = origine == Origines.Public ? 15000 : 12000, PlafondCentimes = origine == Origines.Public ? 18000 : null,
                        Motif = "rsa", Justificatif = "attestation CAF", DateJustificatif = DateOnly.FromDateTime(recu.AddDays(7)), EligibleJusquAu = DateOnly.FromDateTime(recu.AddDays(7)).AddMonths(3),
                        AcheteurNom = $"Acheteur {i}", AcheteurCommune = "Marseille", FoyerCle = Foyers.Cle(null, null, $"Acheteur {i}", "Marseille"), GarantieMois = 24, VenduLe = recu.AddDays(8), Vendeur = "gestionnaire@demo", Jeton = Web.Jetons.Nouveau(),
                    });
            }
            await db.SaveChangesAsync(ct);
            numero++;
        }
    }
}
