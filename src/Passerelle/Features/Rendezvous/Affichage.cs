namespace Passerelle.Features.Rendezvous;

public static class Affichage
{
    /// <summary>"+33442443000" → "04 42 44 30 00"; other numbers as stored.</summary>
    public static string Telephone(string t)
    {
        if (!t.StartsWith("+33") || t.Length != 12) return t;
        var national = "0" + t[3..];
        return string.Join(" ", Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2)));
    }
}
