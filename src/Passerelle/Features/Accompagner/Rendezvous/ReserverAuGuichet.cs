using System.ComponentModel.DataAnnotations;
using Passerelle.Data;
using Passerelle.Features.Notifications;
using Passerelle.Web;

namespace Passerelle.Features.Accompagner.Rendezvous;

/// <summary>What a mediator types at the desk (or on the phone) for someone who may have neither phone nor e-mail.</summary>
public sealed record ReservationGuichetSaisie
{
    [Range(1, int.MaxValue, ErrorMessage = "Choisissez un créneau.")] public int CreneauId { get; init; }
    [Required(ErrorMessage = "Indiquez le prénom de la personne."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Prenom { get; init; } = "";
    [Required(ErrorMessage = "Indiquez le nom de la personne."), StringLength(100, ErrorMessage = "100 caractères au plus.")] public string Nom { get; init; } = "";
    [StringLength(30, ErrorMessage = "Numéro trop long.")] public string? Telephone { get; init; }
    [StringLength(500, ErrorMessage = "500 caractères au plus.")] public string? Objet { get; init; }
}

/// <summary>Booking at the desk: the public booking use case, on the staff path (no notice, staff-only motifs), without
/// the contact that a citizen must give to receive the confirmation. The person agrees in front of the mediator.</summary>
public static class ReserverAuGuichet
{
    public static Dictionary<string, string[]> Verifier(ReservationGuichetSaisie s)
    {
        var erreurs = Valider.Objet(s) ?? [];
        if (!string.IsNullOrWhiteSpace(s.Telephone) && Identifiants.TelephoneInternational(s.Telephone) is null)
            erreurs["Telephone"] = ["Numéro de téléphone invalide (ex. 06 12 34 56 78), ou laissez vide."];
        return erreurs;
    }

    public static Task<Reservation> ExecuterAsync(AppDbContext db, ReservationGuichetSaisie s, string utilisateurId, NotificationsOptions options,
        TimeProvider horloge, CancellationToken ct) =>
        Reserver.ExecuterAsync(db, new ReservationSaisie
        {
            CreneauId = s.CreneauId, Prenom = s.Prenom, Nom = s.Nom, Telephone = s.Telephone, Objet = s.Objet, Consentement = true,
        }, utilisateurId, options, horloge, ct);
}
