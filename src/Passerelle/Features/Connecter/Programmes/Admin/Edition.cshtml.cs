using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Features.Reseau.Structures;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes.Admin;

/// <summary>A partner row of the form; a row with no name is ignored.</summary>
public sealed class PartenaireLigne
{
    public string? Role { get; set; }
    public string? Nom { get; set; }
    public int? StructureId { get; set; }
}

/// <summary>An offer row of the form, amounts typed in euros; a new row with no label is ignored.</summary>
public sealed class OffreLigne
{
    public int? Id { get; set; }
    public string? Type { get; set; }
    public string? Libelle { get; set; }
    public string? ValeurFaciale { get; set; }
    public string? PrixPaye { get; set; }
    public string? Subvention { get; set; }
    public string? SubventionPayeePar { get; set; }
    public int? VolumeMo { get; set; }
    public string? ReferenceProduit { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>The programme form as typed: amounts in euros (« 30 », « 2 500,50 »).</summary>
public sealed class ProgrammeFormulaire
{
    public string? Nom { get; set; }
    public int? StructureGestionnaireId { get; set; }
    public DateOnly? Debut { get; set; }
    public DateOnly? Fin { get; set; }
    public string? Budget { get; set; }
    public string? PlafondMensuel { get; set; }
    public int? DureeMois { get; set; } = 9;
    public int? RenouvellementsMax { get; set; } = 1;
    public int? RevueJoursAvantFin { get; set; } = 30;
    public int? RetentionMois { get; set; } = 12;
    public List<string> Regles { get; set; } = [];
    public string? OffresSortie { get; set; }
    public List<PartenaireLigne> Partenaires { get; set; } = [];
    public List<OffreLigne> Offres { get; set; } = [];
}

/// <summary><c>/admin/connexion/programmes/edition</c> (new) and <c>/admin/connexion/programmes/edition/{id}</c>: a programme with its partners
/// and offers (<see cref="CreerProgramme"/>, <see cref="ModifierProgramme"/>); managers of the managing structure and administrators.</summary>
[Authorize(Policy = Roles.PolitiqueGestion)]
public sealed class EditionModel(AppDbContext db, TimeProvider horloge) : PageModel
{
    const int LignesVides = 2;
    [BindProperty] public ProgrammeFormulaire Saisie { get; set; } = new();
    public int? Id { get; private set; }
    public List<Option> Structures { get; private set; } = [];
    public Dictionary<string, string[]> Erreurs { get; private set; } = [];

    async Task PreparerAsync(CancellationToken ct)
    {
        Structures = (await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(ct))
            .Select(s => new Option(s.Id.ToString(), s.Nom)).ToList();
        while (Saisie.Partenaires.Count(p => string.IsNullOrWhiteSpace(p.Nom)) < LignesVides) Saisie.Partenaires.Add(new());
        while (Saisie.Offres.Count(o => o.Id is null && string.IsNullOrWhiteSpace(o.Libelle)) < LignesVides) Saisie.Offres.Add(new());
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } i)
        {
            var p = await db.Set<ProgrammeConnexion>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == i, ct);
            if (p is null) return NotFound();
            if (!Perimetre.Autorise(await Perimetre.StructuresGereesAsync(db, User, ct), p.StructureGestionnaireId)) return Forbid();
            Saisie = new ProgrammeFormulaire
            {
                Nom = p.Nom, StructureGestionnaireId = p.StructureGestionnaireId, Debut = p.Debut, Fin = p.Fin, Budget = Texte(p.BudgetCentimes),
                PlafondMensuel = Texte(p.PlafondMensuelCentimes), DureeMois = p.DureeAdhesionMois, RenouvellementsMax = p.RenouvellementsMax,
                RevueJoursAvantFin = p.RevueJoursAvantFin, RetentionMois = p.RetentionMois, Regles = [.. p.CodesRegles], OffresSortie = p.OffresSortie,
                Partenaires = await db.Set<PartenaireProgramme>().AsNoTracking().Where(x => x.ProgrammeId == i).OrderBy(x => x.Id)
                    .Select(x => new PartenaireLigne { Role = x.Role, Nom = x.Nom, StructureId = x.StructureId }).ToListAsync(ct),
                Offres = (await db.Set<OffreConnexion>().AsNoTracking().Where(x => x.ProgrammeId == i).OrderBy(x => x.Id).ToListAsync(ct)).Select(o => new OffreLigne
                {
                    Id = o.Id, Type = o.Type, Libelle = o.Libelle, ValeurFaciale = Texte(o.ValeurFacialeCentimes), PrixPaye = Texte(o.PrixPayeCentimes),
                    Subvention = Texte(o.SubventionCentimes), SubventionPayeePar = o.SubventionPayeePar, VolumeMo = o.VolumeMo, ReferenceProduit = o.ReferenceProduit, Active = o.Active,
                }).ToList(),
            };
        }
        await PreparerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var e = new Dictionary<string, string[]>();
        long? Centimes(string? texte, string cle)
        {
            if (Euros.Lire(texte, out var c)) return c;
            e[cle] = ["Montant en euros, par exemple 30 ou 2 500,50."];
            return null;
        }
        var budget = Centimes(Saisie.Budget, "budget");
        var plafond = Centimes(Saisie.PlafondMensuel, "plafondMensuel");
        // Rows left empty are ignored; the use case's row numbers are mapped back to the form's.
        var partenaires = Saisie.Partenaires.Select((p, i) => (p, i)).Where(x => !string.IsNullOrWhiteSpace(x.p.Nom)).ToList();
        var offres = Saisie.Offres.Select((o, i) => (o, i)).Where(x => x.o.Id is not null || !string.IsNullOrWhiteSpace(x.o.Libelle)).ToList();
        var saisiesOffres = offres.Select(x => new OffreSaisie(x.o.Type, x.o.Libelle, Centimes(x.o.ValeurFaciale, $"offres[{x.i}].montants") ?? 0,
            Centimes(x.o.PrixPaye, $"offres[{x.i}].montants") ?? 0, Centimes(x.o.Subvention, $"offres[{x.i}].montants") ?? 0, x.o.SubventionPayeePar, x.o.VolumeMo,
            x.o.ReferenceProduit, x.o.Id, x.o.Active)).ToArray();
        var s = new ProgrammeSaisie(Saisie.Nom, Saisie.StructureGestionnaireId, Saisie.Debut, Saisie.Fin, budget ?? 0, plafond, Saisie.DureeMois, Saisie.RenouvellementsMax,
            [.. Saisie.Regles], Saisie.OffresSortie, Saisie.RetentionMois, Saisie.RevueJoursAvantFin,
            [.. partenaires.Select(x => new PartenaireSaisie(x.p.Role, x.p.Nom, x.p.StructureId))], saisiesOffres);
        string Ramener(string cle)
        {
            foreach (var (prefixe, lignes) in new[] { ("partenaires[", partenaires.Select(x => x.i).ToList()), ("offres[", offres.Select(x => x.i).ToList()) })
                if (cle.StartsWith(prefixe) && int.TryParse(cle[prefixe.Length..cle.IndexOf(']')], out var k) && k < lignes.Count)
                    return $"{prefixe}{lignes[k]}{cle[cle.IndexOf(']')..]}";
            return cle;
        }
        if (e.Count == 0)
        {
            try
            {
                var p = id is { } i ? await ModifierProgramme.ExecuterAsync(db, i, s, User, ct) : await CreerProgramme.ExecuterAsync(db, s, User, horloge, ct);
                TempData["Message"] = id is null ? "Programme créé." : "Programme modifié.";
                return Redirect($"/admin/connexion/programmes/{p.Id}");
            }
            catch (ValidationException ex) { foreach (var (k, v) in Valider.Erreurs(ex)) e[Ramener(k)] = v; }
            catch (RegleMetierException ex) { e[Ramener(ex.Champ ?? "")] = [ex.Message]; }
            catch (AccesRefuseException ex) { e["structureGestionnaireId"] = [ex.Message]; }
            catch (KeyNotFoundException) { return NotFound(); }
        }
        Erreurs = e;
        await PreparerAsync(ct);
        return Page();
    }

    static string Texte(long centimes) => (centimes / 100m).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
