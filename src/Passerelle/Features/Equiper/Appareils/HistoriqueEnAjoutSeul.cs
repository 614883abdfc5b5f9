using Passerelle.Web;

namespace Passerelle.Features.Equiper.Appareils;

/// <summary>A device's history and its erasure proof are written once: any save that would change or delete an
/// <see cref="EvenementAppareil"/> or an <see cref="Effacement"/> is refused before it reaches the database.</summary>
public sealed class HistoriqueEnAjoutSeul() : EnAjoutSeul(e => e is EvenementAppareil or Effacement,
    "L'historique d'un appareil et ses preuves d'effacement ne se modifient pas : ajoutez une nouvelle entrée.");
