using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary><c>POST /api/v1/equipement/appareils/{id}/transitions</c>: <c>vers</c> an <see cref="Etats"/> code, an optional note.</summary>
public sealed record TransitionSaisie(string? Vers, string? Note);

/// <summary>Moves a device along the graph. The move is one conditional UPDATE (same state, same version, and — for the
/// states that need it — every medium erased or destroyed): of two people acting at once, the second gets 409.</summary>
public static class ChangerEtat
{
    /// <exception cref="RegleMetierException">Move outside the graph, missing proof, or changed meanwhile (409).</exception>
    /// <exception cref="AccesRefuseException">The account's role may not make this move (403).</exception>
    public static async Task<Appareil> ExecuterAsync(AppDbContext db, int id, TransitionSaisie s, ClaimsPrincipal qui, TimeProvider horloge, CancellationToken ct)
    {
        if (!Etats.Existe(s.Vers)) throw Valider.Invalide(new() { ["vers"] = [$"État inconnu : choisissez parmi {string.Join(", ", Etats.Tous.Select(e => e.Code))}."] });
        if ((s.Note?.Length ?? 0) > 1000) throw Valider.Invalide(new() { ["note"] = ["1 000 caractères au plus."] });
        if (s.Vers is Etats.Vendu) throw new RegleMetierException("Une vente s'enregistre avec l'éligibilité de l'acheteur et le prix (POST /api/v1/equipement/ventes).", "vers");
        if (s.Vers is Etats.Reserve) throw new RegleMetierException("Une réservation s'enregistre avec son bénéficiaire et sa durée (POST /api/v1/equipement/reservations).", "vers");
        var a = await ChargerAsync(db, id, ct);
        Verifier(a, s.Vers!, qui);
        return await AppliquerAsync(db, a, s.Vers!, s.Note, Auteur(qui), horloge, ct);
    }

    public static string Auteur(ClaimsPrincipal qui) => qui.Identity?.Name ?? "inconnu";

    public static async Task<Appareil> ChargerAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Set<Appareil>().AsNoTracking().Include(a => a.Supports).ThenInclude(s => s.Effacements).Include(a => a.Tests)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new KeyNotFoundException("Appareil inconnu.");

    /// <summary>The graph, the role and the proof the target state needs, with the message a person can act on.</summary>
    public static void Verifier(Appareil a, string vers, ClaimsPrincipal qui)
    {
        if (!Etats.Permis(a.Etat, vers))
            throw new RegleMetierException($"Un appareil « {Etats.Libelle(a.Etat)} » ne peut pas passer à « {Etats.Libelle(vers)} ». "
                + (Etats.Suivants(a.Etat).Count == 0 ? "Cet état est définitif." : $"Étapes possibles : {string.Join(", ", Etats.Suivants(a.Etat).Select(Etats.Libelle))}."), "vers");
        if (!Etats.Roles(vers).Any(qui.IsInRole)) throw new AccesRefuseException($"Votre rôle ne permet pas de passer un appareil à « {Etats.Libelle(vers)} ».");
        var nonTraites = a.Supports.Where(x => !x.Effacements.Any(e => e.Resultat == Effacement.Reussi)).ToList();
        if ((vers == Etats.Efface || Etats.Sorties.Contains(vers) || vers == Etats.Reconditionne) && nonTraites.Count > 0)
            throw new RegleMetierException($"{nonTraites.Count} support(s) de stockage sans preuve d'effacement ni de destruction réussie"
                + $" ({string.Join(", ", nonTraites.Select(x => x.NumeroSerie ?? x.Type))}) : l'appareil ne peut pas passer à « {Etats.Libelle(vers)} ».", "vers");
        var testReussi = a.Tests.Any(t => t.Reussi);
        if (vers is Etats.Teste && !testReussi) throw new RegleMetierException("Enregistrez d'abord un test complet réussi de toutes les fonctions.", "vers");
        if (vers is Etats.Classe && a.Grade is null) throw new RegleMetierException("Indiquez d'abord le grade d'aspect (A à D).", "vers");
        // Décret n° 2022-190 (code de la consommation R.122-4): tests of all functions and deletion of the previous user's data.
        if (vers is Etats.Reconditionne && !testReussi)
            throw new RegleMetierException("« Reconditionné » exige un test complet réussi de toutes les fonctions (décret n° 2022-190).", "vers");
    }

    /// <summary>The conditional UPDATE and the history line, in one transaction. The proof guard is repeated in SQL so that an
    /// erasure record cannot disappear between the check and the move.</summary>
    public static async Task<Appareil> AppliquerAsync(AppDbContext db, Appareil a, string vers, string? note, string auteur, TimeProvider horloge, CancellationToken ct,
        Func<CancellationToken, Task>? dansLaTransaction = null)
    {
        var exigePreuve = vers == Etats.Efface || vers == Etats.Reconditionne || Etats.Sorties.Contains(vers);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var lignes = await db.Set<Appareil>()
            .Where(x => x.Id == a.Id && x.Etat == a.Etat && x.Version == a.Version)
            .Where(x => !exigePreuve || x.Supports.All(s => s.Effacements.Any(e => e.Resultat == Effacement.Reussi)))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Etat, vers).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (lignes == 0) throw new RegleMetierException("Cet appareil vient d'être modifié par quelqu'un d'autre : rechargez sa fiche et recommencez.", "vers");
        var site = await db.Set<Dons.Lot>().Where(l => l.Id == a.LotId).Select(l => l.Site).FirstOrDefaultAsync(ct);
        db.Add(new EvenementAppareil { AppareilId = a.Id, De = a.Etat, Vers = vers, Le = horloge.GetUtcNow().UtcDateTime, Auteur = auteur, Site = site, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
        await db.SaveChangesAsync(ct);
        if (dansLaTransaction is not null) await dansLaTransaction(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        a.Etat = vers;
        a.Version++;
        return a;
    }
}
