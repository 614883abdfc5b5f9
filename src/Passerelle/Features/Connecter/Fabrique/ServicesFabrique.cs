using Passerelle.Features.Accompagner.Beneficiaires;

namespace Passerelle.Features.Connecter.Fabrique;

/// <summary>The person's file links to the three-field diagnostic through the files' own interface (decision 0016).</summary>
public sealed class LienDiagnosticFabrique : ILiensDeLaFiche
{
    public IEnumerable<LienFiche> Liens(int beneficiaireId) => [new($"/beneficiaires/{beneficiaireId}/diagnostic-fabrique", "Diagnostic équiper, connecter, accompagner")];
}

public static class ServicesFabrique
{
    public static void AddFabrique(this WebApplicationBuilder builder) => builder.Services.AddSingleton<ILiensDeLaFiche, LienDiagnosticFabrique>();
}
