using System.Security.Cryptography;

namespace Passerelle.Web;

/// <summary>Secret keys of the links sent to people (a booking, a workshop registration).</summary>
public static class Jetons
{
    /// <summary>192 random bits, URL-safe base64 (32 characters): the only key to what the link opens.</summary>
    public static string Nouveau() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
