using System.Globalization;

namespace Passerelle.Features.Accompagner.Activites;

/// <summary>One participant of a record as La Coop's export shows them (labels already La Coop's).</summary>
public sealed record PersonneCoop(string Nom, string? Commune, string? CodePostal, string? CodeInsee, string Genre, string Tranche, string Statut);

/// <summary>The place columns of La Coop's export: a place of activity, the employing structure for a remote record, or a commune.</summary>
public sealed record LieuCoop(string Nom, string Adresse, string Commune, string CodePostal, string CodeInsee);

/// <summary>A record with what the Coop report needs, its participants in order (named files first, then anonymous ones).</summary>
public sealed record ActiviteCoop(int Id, DateOnly Date, DateTime CreeLe, DateTime ModifieLe, string Prenom, string Nom, bool ConseillerNumerique,
    string Type, string TypeLieu, LieuCoop Lieu, int Duree, string? Atelier, string? Materiel, string? Themes, string? ThemesDemarches, string? Etiquettes,
    string? NomDemarche, string? Autonomie, string? Niveau, string? Orientation, string? Notes, IReadOnlyList<PersonneCoop> Personnes);

/// <summary>The rows of La Coop's current accompaniment export (one per participant), for a mediator's own records or, in the
/// coordinator variant, for a team's. Columns, their order and the cell rules are La Coop's (see <see cref="VocabulaireCoop.VersionCoop"/>):
/// the self export has 29 columns; the coordinator variant adds the mediator's first name, last name, role and Conum id after the
/// dates and drops the beneficiary's name and the notes (31 columns). "Participants" is the number 1 for a record with one
/// participant, else "i/n"; notes go on the first participant's row only; "Bénéficiaire réorienté" is empty for a workshop.</summary>
public static class LignesCoop
{
    public const string BeneficiaireAnonyme = "Bénéficiaire anonyme";

    static readonly string[] Debut = ["Date", "Enregistré le", "Dernière modification le"];
    static readonly string[] Mediateur = ["Prénom du médiateur", "Nom du médiateur", "Rôle", "ID - Conum"];
    static readonly string[] Lieu = ["Canaux d’accompagnement", "Nom du lieu", "Adresse", "Commune", "Code postal", "Code Insee", "Durée (min)", "Nom de l’atelier",
        "Matériel numérique utilisé", "Thématique(s) d’accompagnement", "Tags", "Nom de la démarche administrative", "Niveau d’autonomie (ou de l’atelier)",
        "Bénéficiaire réorienté", "Structure de redirection", "Commune du bénéficiaire", "Code postal du bénéficiaire", "Code Insee du bénéficiaire",
        "Genre du bénéficiaire", "Tranche d’âge du bénéficiaire", "Statut du bénéficiaire"];

    /// <summary>Header of the self export (29 columns) or of the coordinator variant (31).</summary>
    public static string[] Colonnes(bool equipe) => equipe
        ? [.. Debut, .. Mediateur, "Type", "Participants", .. Lieu, "ID CRA"]
        : [.. Debut, "Type", "Participants", "Bénéficiaire", .. Lieu, "Notes supplémentaires", "ID CRA"];

    /// <summary>The rows of one record. Cells are typed: <see cref="DateOnly"/> for the date, <see cref="int"/> for numbers, text otherwise;
    /// dates of entry and change are local times written "dd/MM/yyyy à HH:mm" as La Coop does; the change is empty when never changed.</summary>
    public static IEnumerable<object?[]> Lignes(ActiviteCoop a, bool equipe, TimeZoneInfo zone)
    {
        var n = a.Personnes.Count;
        for (var i = 0; i < n; i++)
        {
            var p = a.Personnes[i];
            var cellules = new List<object?> { a.Date, Horodatage(a.CreeLe, zone), a.ModifieLe == a.CreeLe ? "" : Horodatage(a.ModifieLe, zone) };
            if (equipe) cellules.AddRange([a.Prenom, a.Nom, a.ConseillerNumerique ? "Conseiller Numérique" : "Médiateur", ""]);
            cellules.Add(a.Type);
            cellules.Add(n == 1 ? 1 : $"{i + 1}/{n}");
            if (!equipe) cellules.Add(p.Nom);
            cellules.AddRange([VocabulaireCoop.LibelleExport(a.TypeLieu), a.Lieu.Nom, a.Lieu.Adresse, a.Lieu.Commune, a.Lieu.CodePostal, a.Lieu.CodeInsee,
                a.Duree, a.Atelier ?? "", Lignes(a.Materiel), Lignes(a.Themes, a.ThemesDemarches), Lignes(a.Etiquettes), a.NomDemarche ?? "", Niveau(a),
                a.Type == VocabulaireCoop.Collectif ? "" : a.Orientation is null ? "Non" : "Oui",
                a.Orientation is null ? "" : VocabulaireCoop.LibelleExport(a.Orientation),
                p.Commune ?? "", p.CodePostal ?? "", p.CodeInsee ?? "", p.Genre, p.Tranche, p.Statut]);
            if (!equipe) cellules.Add(i == 0 ? a.Notes ?? "" : "");
            cellules.Add(a.Id);
            yield return [.. cellules];
        }
    }

    /// <summary>A typed cell as CSV text (the date dd/MM/yyyy, numbers invariant).</summary>
    public static string Texte(object? v) => v switch
    {
        null => "",
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Anonymous participants with what is known of them: the anonymous counts by gender, age band and status are handed
    /// out in order, one criterion independently of the others (the record keeps totals, not who had which), the rest "Non communiqué".</summary>
    public static IEnumerable<PersonneCoop> Anonymes(int nombre, IReadOnlyList<(string Critere, string Valeur, int Nombre)> decomptes)
    {
        string[] Repartir(string critere, string defaut) =>
        [
            .. decomptes.Where(d => d.Critere == critere).SelectMany(d => Enumerable.Repeat(d.Valeur, d.Nombre)).Take(nombre),
            .. Enumerable.Repeat(defaut, nombre),
        ];
        var genres = Repartir(Beneficiaires.DecompteAnonyme.Genre, VocabulaireCoop.NonCommunique);
        var tranches = Repartir(Beneficiaires.DecompteAnonyme.TrancheAge, VocabulaireCoop.NonCommunique);
        var statuts = Repartir(Beneficiaires.DecompteAnonyme.Statut, VocabulaireCoop.StatutNonCommunique);
        for (var i = 0; i < nombre; i++) yield return new PersonneCoop(BeneficiaireAnonyme, null, null, null, genres[i], tranches[i], statuts[i]);
    }

    static string Horodatage(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    static string Lignes(params string?[] multi) => string.Join("\n", multi.Where(m => !string.IsNullOrEmpty(m)).SelectMany(m => m!.Split('|')));

    static string Niveau(ActiviteCoop a) =>
        a.Autonomie is not null ? $"{Array.IndexOf(VocabulaireCoop.Autonomie, a.Autonomie) + 1}/{VocabulaireCoop.Autonomie.Length}"
        : a.Niveau is not null ? $"{Array.IndexOf(VocabulaireCoop.Niveaux, a.Niveau) + 1}/{VocabulaireCoop.Niveaux.Length}" : "";
}
