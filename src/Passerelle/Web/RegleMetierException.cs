namespace Passerelle.Web;

/// <summary>The one business-rule exception: shown next to a field on pages, 409 on the API.</summary>
public sealed class RegleMetierException(string message, string? champ = null) : Exception(message)
{
    public string? Champ { get; } = champ;
}
