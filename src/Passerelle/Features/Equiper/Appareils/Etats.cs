namespace Passerelle.Features.Equiper.Appareils;

/// <summary>The lifecycle of a device (docs/standards/equipement-reemploi.md §1): the API and CSV codes, the graph of allowed
/// moves, the proof each move needs and the roles allowed to make it. A move outside the graph is refused (409).</summary>
public static class Etats
{
    public const string Recu = "recu", Qualifie = "qualifie", Efface = "efface", Teste = "teste", Classe = "classe",
        Reconditionne = "reconditionne", EnStock = "en_stock", Reserve = "reserve", Vendu = "vendu", Donne = "donne",
        Pieces = "pieces", Deee = "deee", Perdu = "perdu";

    public static readonly (string Code, string Libelle)[] Tous =
    [
        (Recu, "Reçu"), (Qualifie, "Qualifié"), (Efface, "Effacé"), (Teste, "Testé"), (Classe, "Classé"), (Reconditionne, "Reconditionné"),
        (EnStock, "En stock"), (Reserve, "Réservé"), (Vendu, "Vendu"), (Donne, "Donné"), (Pieces, "Pièces détachées"),
        (Deee, "DEEE (recyclage)"), (Perdu, "Perdu ou volé"),
    ];

    static readonly Dictionary<string, string[]> Graphe = new()
    {
        [Recu] = [Qualifie, Pieces, Deee, Perdu],
        [Qualifie] = [Efface, Pieces, Deee, Perdu],
        [Efface] = [Teste, Pieces, Deee, Perdu],
        [Teste] = [Classe, Pieces, Deee, Perdu],
        [Classe] = [Reconditionne, Pieces, Deee, Perdu],
        [Reconditionne] = [EnStock, Perdu],
        [EnStock] = [Reserve, Vendu, Donne, Pieces, Perdu],
        [Reserve] = [EnStock, Vendu, Donne, Perdu],
        [Pieces] = [Deee, Perdu],
        [Vendu] = [], [Donne] = [], [Deee] = [], [Perdu] = [],
    };

    /// <summary>States in which the device has left the workshop: its media must all be erased or destroyed first.</summary>
    public static readonly string[] Sorties = [Vendu, Donne, Deee];

    public static bool Existe(string? code) => code is not null && Graphe.ContainsKey(code);
    public static IReadOnlyList<string> Suivants(string de) => Graphe.TryGetValue(de, out var s) ? s : [];
    public static bool Permis(string de, string vers) => Suivants(de).Contains(vers);
    public static string Libelle(string code) => Tous.FirstOrDefault(e => e.Code == code).Libelle ?? code;

    /// <summary>Declaring a device lost or stolen is for administrators; reserving and giving (the sales side) for managers and
    /// administrators; the workshop's moves (intake to stock, spare parts, WEEE) also for the workshop staff (Atelier role).</summary>
    public static string[] Roles(string vers) => vers switch
    {
        Perdu => [Comptes.Roles.Administrateur],
        Reserve or Donne or Vendu => [Comptes.Roles.Gestionnaire, Comptes.Roles.Administrateur],
        _ => [Comptes.Roles.Atelier, Comptes.Roles.Gestionnaire, Comptes.Roles.Administrateur],
    };
}
