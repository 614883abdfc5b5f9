namespace Passerelle.Web;

/// <summary>The one business-rule exception: shown next to a field on pages, 409 on the API.</summary>
public sealed class RegleMetierException(string message, string? champ = null) : Exception(message)
{
    public string? Champ { get; } = champ;
}

/// <summary>The object exists but is outside the signed-in account's perimeter: 403 on the API, the refusal page on pages.</summary>
public sealed class AccesRefuseException(string message) : Exception(message);
