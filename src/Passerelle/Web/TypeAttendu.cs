namespace Passerelle.Web;

/// <summary>What a .NET type expects, said in French for a person who typed a value (settings, JSON bodies).</summary>
public static class TypeAttendu
{
    /// <summary>« un nombre entier », « une date (…) »…, for the message « … n'est pas X » or « … attend X »; null when the type
    /// has no plain name. Nullable types are named as their underlying type.</summary>
    public static string? Libelle(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"une des valeurs possibles ({string.Join(", ", Enum.GetNames(type))})";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
                => "un nombre entier",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "un nombre (avec un point pour les décimales)",
            TypeCode.Boolean => "« true » ou « false »",
            TypeCode.String or TypeCode.Char => "un texte",
            TypeCode.DateTime => Date,
            _ when type == typeof(DateOnly) || type == typeof(DateTimeOffset) => Date,
            _ when type == typeof(TimeOnly) => "une heure (heures:minutes)",
            _ when type == typeof(TimeSpan) => "une durée (heures:minutes:secondes)",
            _ when type == typeof(Uri) => "une adresse",
            _ when Element(type) is not null => "une liste",
            _ when type.IsClass && type != typeof(object) => "un objet",
            _ => null,
        };
    }

    const string Date = "une date (année-mois-jour, par exemple 2026-12-01)";

    /// <summary>Element type of an array, a list or a set, value type of a dictionary; null for any other type (strings included).</summary>
    public static Type? Element(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var generique = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (generique is null) return null;
        var t = generique.GetGenericArguments()[0];
        return t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? t.GetGenericArguments()[1] : t;
    }
}
