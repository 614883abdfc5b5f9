namespace Passerelle.Features.Accompagner.Beneficiaires;

/// <summary>A link the person's file page shows to what a higher feature offers for that person (decision 0016: the files own the
/// interface, the higher feature implements and registers it; with none registered, the page shows no extra link).</summary>
/// <param name="Href">Absolute path.</param>
public sealed record LienFiche(string Href, string Texte);

public interface ILiensDeLaFiche
{
    IEnumerable<LienFiche> Liens(int beneficiaireId);
}
