using Microsoft.AspNetCore.Mvc.Testing;

namespace Passerelle.Tests.Infra;

public static class ClientsHttp
{
    /// <summary>A client (no redirection followed) whose requests come from <paramref name="ip"/>, as a configured proxy forwards it
    /// (<c>X-Forwarded-For</c>): for the rate limits and the search counter, which key clients by address.</summary>
    public static HttpClient DepuisAdresse(this WebApplicationFactory<Program> f, string ip)
    {
        var c = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        c.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return c;
    }
}
