namespace Passerelle.Features.Referentiels;

/// <summary>The digital-competence framework: 5 areas and 16 competences of the French CRCN, the « cadre de référence des
/// compétences numériques » (décret n° 2019-919 du 30 août 2019, annex; the version Pix certifies, which follows the European
/// DigComp 2.1), codes and names copied exactly; each competence rated on Passerelle's 4 levels (0 to 3).</summary>
public static class Referentiel
{
    public sealed record Competence(string Code, string Domaine, string Nom);
    public static readonly string[] Domaines = ["Informations et données", "Communication et collaboration", "Création de contenus", "Protection et sécurité", "Environnement numérique"];
    public static readonly Competence[] Competences =
    [
        new("1.1", Domaines[0], "Mener une recherche et une veille d'information"),
        new("1.2", Domaines[0], "Gérer des données"),
        new("1.3", Domaines[0], "Traiter des données"),
        new("2.1", Domaines[1], "Interagir"),
        new("2.2", Domaines[1], "Partager et publier"),
        new("2.3", Domaines[1], "Collaborer"),
        new("2.4", Domaines[1], "S'insérer dans le monde numérique"),
        new("3.1", Domaines[2], "Développer des documents textuels"),
        new("3.2", Domaines[2], "Développer des documents multimédia"),
        new("3.3", Domaines[2], "Adapter les documents à leur finalité"),
        new("3.4", Domaines[2], "Programmer"),
        new("4.1", Domaines[3], "Sécuriser l'environnement numérique"),
        new("4.2", Domaines[3], "Protéger les données personnelles et la vie privée"),
        new("4.3", Domaines[3], "Protéger la santé, le bien-être et l'environnement"),
        new("5.1", Domaines[4], "Résoudre des problèmes techniques"),
        new("5.2", Domaines[4], "Construire un environnement numérique"),
    ];
    /// <summary>Levels 0 to 3.</summary>
    public static readonly string[] Niveaux = ["Pas encore", "Avec de l'aide", "Seul, avec des hésitations", "Autonome"];
}
