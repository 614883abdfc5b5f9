using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Comptes;
using Passerelle.Web;

namespace Passerelle.Features.Connecter.Programmes;

/// <summary>One invoice line: <c>reference</c> of the voucher or transaction, <c>montant</c> in cents (negative for a credit note), <c>date</c>.</summary>
public sealed record LigneFactureSaisie(string? Reference, long? Montant, DateOnly? Date);
/// <summary><c>POST /api/v1/connexion/programmes/{id}/factures</c>: the operator, the invoice number and date, and its lines.</summary>
public sealed record FactureSaisie(string? Operateur, string? Numero, DateOnly? Date, LigneFactureSaisie[]? Lignes);
/// <summary><c>POST /api/v1/connexion/programmes/{id}/bons</c>: vouchers received for an offer.</summary>
public sealed record LotSaisie(int? Offre, int? Quantite, DateOnly? RecuLe, string? Reference = null);

/// <summary>Records operators' invoices and voucher lots for the reconciliation (<see cref="RapportRapprochement"/>): the managing structure's
/// staff and administrators. An invoice is all or nothing; its number is unique in the programme (409 on a second import).</summary>
public static class ImporterFacture
{
    public const int LignesMax = 20_000;

    /// <summary>The programme if the account runs it (staff of the managing structure, or an administrator): 404 unknown, 403 otherwise.</summary>
    public static async Task<ProgrammeConnexion> ProgrammeGereAsync(AppDbContext db, int id, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var p = await AccesConnexion.ProgrammeAsync(db, id, ct);
        if (!qui.IsInRole(Roles.Administrateur) && !(await AccesConnexion.StructuresAsync(db, qui, horloge, ct)).Contains(p.StructureGestionnaireId))
            throw new AccesRefuseException("Le rapprochement est tenu par la structure qui gère le programme.");
        return p;
    }

    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing fields, a line without reference, amount or date (400), keyed <c>lignes[i].champ</c>.</exception>
    /// <exception cref="RegleMetierException">Invoice number already imported for this programme (409).</exception>
    public static async Task<FactureOperateur> ExecuterAsync(AppDbContext db, int programmeId, FactureSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(s.Operateur) || s.Operateur.Length > 200) e["operateur"] = ["Indiquez l'opérateur (200 caractères au plus)."];
        if (string.IsNullOrWhiteSpace(s.Numero) || s.Numero.Length > 100) e["numero"] = ["Indiquez le numéro de la facture (100 caractères au plus)."];
        if (s.Date is null) e["date"] = ["Indiquez la date de la facture."];
        var lignes = s.Lignes ?? [];
        if (lignes.Length is 0 or > LignesMax) e["lignes"] = ["Une facture a de 1 à 20 000 lignes."];
        for (var i = 0; i < Math.Min(lignes.Length, LignesMax); i++)
        {
            var l = lignes[i];
            if (string.IsNullOrWhiteSpace(l?.Reference) || l.Reference.Trim().Length > 100) e[$"lignes[{i}].reference"] = [$"Ligne {i + 1} : référence du bon ou de la transaction (100 caractères au plus)."];
            if (l?.Montant is not { } m || m == 0 || Math.Abs(m) > 1_000_000) e[$"lignes[{i}].montant"] = [$"Ligne {i + 1} : montant en centimes, non nul, 10 000 € au plus."];
            if (l?.Date is null) e[$"lignes[{i}].date"] = [$"Ligne {i + 1} : date manquante."];
        }
        if (e.Count > 0) throw Valider.Invalide(e, "Facture invalide");
        var p = await ProgrammeGereAsync(db, programmeId, qui, horloge, ct);
        var numero = s.Numero!.Trim();
        if (await db.Set<FactureOperateur>().AnyAsync(f => f.ProgrammeId == p.Id && f.Numero == numero, ct))
            throw new RegleMetierException($"La facture {numero} est déjà enregistrée pour ce programme.", "numero");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var f = new FactureOperateur { ProgrammeId = p.Id, Operateur = s.Operateur!.Trim(), Numero = numero, Date = s.Date!.Value, Auteur = qui.Identity?.Name ?? "", CreeLe = horloge.GetUtcNow().UtcDateTime };
        db.Add(f);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new RegleMetierException($"La facture {numero} est déjà enregistrée pour ce programme.", "numero"); }
        db.AddRange(lignes.Select(l => new LigneFactureOperateur { FactureId = f.Id, Reference = l.Reference!.Trim(), MontantCentimes = l.Montant!.Value, Date = l.Date!.Value }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return f;
    }

    /// <summary>Reads an invoice's lines as the operator sends them: one line per voucher, <c>référence;montant;date</c> (or with commas or
    /// tabs), amount in euros the French way (« 5 », « 5,00 », « -5 »), date dd/mm/yyyy or yyyy-mm-dd; a first line naming the columns is
    /// skipped. Errors name the line number.</summary>
    public static (List<LigneFactureSaisie> Lignes, List<string> Erreurs) Lire(string texte)
    {
        var lignes = new List<LigneFactureSaisie>();
        var erreurs = new List<string>();
        var n = 0;
        foreach (var brute in texte.Split('\n'))
        {
            n++;
            var ligne = brute.Trim().TrimStart('\uFEFF');
            if (ligne.Length == 0) continue;
            var sep = ligne.Contains(';') ? ';' : ligne.Contains('\t') ? '\t' : ',';
            var champs = ligne.Split(sep).Select(c => c.Trim().Trim('"')).ToArray();
            if (lignes.Count == 0 && erreurs.Count == 0 && champs[0].ToLowerInvariant() is "reference" or "référence" or "ref") continue;
            if (champs.Length < 3) { erreurs.Add($"Ligne {n} : trois colonnes attendues (référence, montant, date)."); continue; }
            if (!Euros.Lire(champs[1], out var c) || c is null or 0) { erreurs.Add($"Ligne {n} : montant « {champs[1]} » illisible (en euros, par exemple 5,00)."); continue; }
            if (!DateOnly.TryParseExact(champs[2], ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            { erreurs.Add($"Ligne {n} : date « {champs[2]} » illisible (jj/mm/aaaa)."); continue; }
            lignes.Add(new LigneFactureSaisie(champs[0], c, d));
            if (lignes.Count > LignesMax) { erreurs.Add($"Plus de {LignesMax} lignes : découpez la facture."); break; }
        }
        return (lignes, erreurs);
    }

    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Missing offer, quantity or date (400).</exception>
    public static async Task<LotBons> RecevoirBonsAsync(AppDbContext db, int programmeId, LotSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (s.Offre is null) e["offre"] = ["Indiquez l'offre."];
        if (s.Quantite is not (> 0 and <= 1_000_000)) e["quantite"] = ["Nombre de bons reçus, de 1 à 1 000 000."];
        if (s.RecuLe is null) e["recuLe"] = ["Indiquez la date de réception."];
        if ((s.Reference?.Length ?? 0) > 100) e["reference"] = ["Référence : 100 caractères au plus."];
        if (e.Count > 0) throw Valider.Invalide(e, "Lot de bons invalide");
        var p = await ProgrammeGereAsync(db, programmeId, qui, horloge, ct);
        if (!await db.Set<OffreConnexion>().AnyAsync(o => o.Id == s.Offre && o.ProgrammeId == p.Id, ct))
            throw new RegleMetierException("Cette offre n'appartient pas au programme.", "offre");
        var lot = new LotBons { OffreId = s.Offre!.Value, Quantite = s.Quantite!.Value, RecuLe = s.RecuLe!.Value, Reference = string.IsNullOrWhiteSpace(s.Reference) ? null : s.Reference.Trim(),
            Auteur = qui.Identity?.Name ?? "", CreeLe = horloge.GetUtcNow().UtcDateTime };
        db.Add(lot);
        await db.SaveChangesAsync(ct);
        return lot;
    }
}
