using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>The followed people of the account's structures as La Coop de la médiation numérique's people-import template
/// (apps/web/public/modeles/coop-numerique_import-beneficiaires.xlsx, read by analyseImportBeneficiairesExcel.ts, repository
/// inclusion-numerique/coop-mediation-numerique at commit 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542): sheet "Bénéficiaires",
/// instructions on row 1, headers on rows 2–3, one person per row from row 4 in columns A–J (Nom, Prénom, Année de naissance,
/// Commune, Code INSEE, Code postal, N° de téléphone, E-mail, Genre, Notes supplémentaires). Only files that are followed, with
/// consent recorded, not anonymised and with both names. The commune is written only when La Coop's reference knows it
/// (<see cref="Referentiels.CommunesCoop"/>), with La Coop's name and postcode string, since La Coop rejects any other; a birth year
/// outside 1900–this year is left out for the same reason. La Coop does not import the status and does not look for duplicates.</summary>
public static class ExporterFichesCoop
{
    public const string Feuille = "Bénéficiaires";
    public const int PremiereLigne = 4;

    public static async Task<byte[]> ExecuterAsync(AppDbContext db, HashSet<int> structures, ClaimsPrincipal user, TimeProvider h, CancellationToken ct)
    {
        var fiches = await db.Beneficiaires.AsNoTracking()
            .Where(b => structures.Contains(b.StructureId) && b.Suivi && b.ConsentementLe != null && b.AnonymiseLe == null && b.Prenom != null && b.Nom != null)
            .OrderBy(b => b.Nom).ThenBy(b => b.Prenom).ThenBy(b => b.Id).ToListAsync(ct);
        fiches = fiches.Where(b => !string.IsNullOrWhiteSpace(b.Prenom) && !string.IsNullOrWhiteSpace(b.Nom)).ToList();
        var annee = Territoire.AujourdHui(h).Year;
        var c = new Classeur(Feuille);
        c.Ligne([$"Fichier préparé par Passerelle le {Territoire.AujourdHui(h):dd/MM/yyyy} sur le modèle « Importer des bénéficiaires » de La Coop de la médiation numérique. "
            + "Une personne par ligne à partir de la ligne 4. La Coop n'importe pas le statut et ne repère pas les doublons : n'importez ce fichier qu'une fois."]);
        c.Ligne(["Nom", "Prénom", "Année de naissance", "Commune", null, null, "N° de téléphone", "E-mail", "Genre", "Notes supplémentaires"], gras: true);
        c.Ligne([null, null, null, "Nom", "Code INSEE", "Code postal"], gras: true);
        foreach (var f in (string[])["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:G3", "H2:H3", "I2:I3", "J2:J3"]) c.Fusionner(f);
        foreach (var b in fiches)
        {
            var commune = Referentiels.CommunesCoop.Trouver(b.Commune, b.CodePostal);
            c.Ligne([b.Nom!.Trim(), b.Prenom!.Trim(), b.AnneeNaissance is { } a && a >= 1900 && a <= annee ? a : null,
                commune?.Nom, commune?.Insee, commune?.CodePostal, Vide(b.Telephone), Vide(b.Courriel), Genre(b.Genre), Vide(b.Notes)]);
        }
        double[] largeurs = [20, 20, 18, 24, 12, 14, 16, 28, 16, 40];
        for (var i = 0; i < largeurs.Length; i++) c.Largeur(i, largeurs[i]);
        foreach (var s in structures) AccesBeneficiaires.Journaliser(db, user, Fiches.Maintenant(h), "Export Coop", Journal.Structure, s, $"{fiches.Count} fiches");
        await db.SaveChangesAsync(ct);
        return c.Ecrire();
    }

    /// <summary>La Coop's labels (genre.ts): it reads the first letter, F, M or N.</summary>
    public static string Genre(string genre) => genre switch
    {
        "Féminin" => "Féminin",
        "Masculin" => "Masculin",
        _ => VocabulaireCoop.NonCommunique,
    };

    static string? Vide(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
