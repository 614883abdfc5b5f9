using Microsoft.EntityFrameworkCore;
using Passerelle.Features.Comptes;
using Passerelle.Features.Financer.Subventions;
using Passerelle.Tests.Infra;

namespace Passerelle.Tests.Features.Financer.Subventions;

/// <summary>Test data of the funding chain: a funder (found again by its SIRET), a structure, a voted grant.</summary>
public static class Financement
{
    public static async Task<int> FinanceurAsync(AppFactory app, string nom = "Métropole Aix-Marseille-Provence", string? siret = null) => await app.AvecDb(async db =>
    {
        var f = await db.Set<Financeur>().FirstOrDefaultAsync(x => x.Nom == nom);
        if (f is not null) return f.Id;
        f = new Financeur { Nom = nom, Siret = siret, Siren = siret?[..9], Genre = GenresFinanceur.Collectivite };
        db.Add(f);
        await db.SaveChangesAsync();
        return f.Id;
    });

    public static async Task<int> SubventionAsync(AppFactory app, int financeurId, int structureId, long montant, string statut = StatutsSubvention.Votee, int exercice = 2023, int? enveloppeId = null) =>
        await app.AvecDb(async db =>
        {
            var s = new Subvention { FinanceurId = financeurId, BeneficiaireId = structureId, Exercice = exercice, Objet = "Médiation numérique", MontantCentimes = montant, Statut = statut, EnveloppeId = enveloppeId };
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    /// <summary>A Financeur account tied to the funder of that name by its id (decision 0026), with its API client.</summary>
    public static async Task<HttpClient> CompteFinanceurAsync(AppFactory app, string nomFinanceur)
    {
        var (email, mdp) = await app.CreerCompteAsync(Roles.Financeur);
        await app.AvecDb(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var p = await db.Set<ProfilCompte>().FirstOrDefaultAsync(x => x.UtilisateurId == id);
            var cle = nomFinanceur.ToLower();
            // The exact name first: SQLite's lower() leaves non-ASCII letters as they are (« État » never equals « état »).
            var fid = await db.Set<Financeur>().Where(f => f.Nom == nomFinanceur).Select(f => (int?)f.Id).FirstOrDefaultAsync()
                ?? await db.Set<Financeur>().Where(f => f.Nom.ToLower() == cle).Select(f => (int?)f.Id).FirstOrDefaultAsync();
            if (p is null) db.Add(new ProfilCompte { UtilisateurId = id, Financeur = nomFinanceur, FinanceurId = fid });
            else (p.Financeur, p.FinanceurId) = (nomFinanceur, fid);
            await db.SaveChangesAsync();
        });
        return await app.ClientApiAsync(email, mdp);
    }
}
