using System.Runtime.CompilerServices;

namespace Passerelle.Browser;

/// <summary>The journeys keep to the waits that cannot miss their event, and read the time from the app's clock.</summary>
public class AttentesTests
{
    static string Dossier([CallerFilePath] string chemin = "") => Path.GetDirectoryName(chemin)!;

    [Fact]
    public void Les_parcours_n_attendent_ni_un_delai_fixe_ni_un_evenement_qu_ils_peuvent_manquer_ni_l_heure_de_la_machine()
    {
        string[] interdits =
        [
            // Check-then-subscribe on the test's thread: an event arriving in between is lost (see Attentes).
            ".WaitForURLAsync(", ".WaitForLoadStateAsync(", ".WaitForNavigationAsync(",
            // Fixed sleeps: too short on a busy machine, too long on an idle one.
            "WaitForTimeoutAsync(", "Task.Delay(", "Thread.Sleep(",
            // The wall clock: the app runs on Navigateur.Horloge.
            "DateTime.UtcNow", "DateTime.Now", "DateTime.Today", "DateTimeOffset.UtcNow", "DateTimeOffset.Now",
        ];
        var fautes = Directory.GetFiles(Dossier(), "Parcours*.cs").Append(Path.Combine(Dossier(), "Navigateur.cs"))
            .SelectMany(f => File.ReadAllLines(f).Select((ligne, i) => (Fichier: Path.GetFileName(f), Ligne: i + 1, Texte: ligne)))
            .Where(l => !l.Texte.TrimStart().StartsWith("//") && interdits.Any(l.Texte.Contains))
            .Select(l => $"{l.Fichier}:{l.Ligne}: {l.Texte.Trim()}").ToList();
        fautes.ShouldBeEmpty("Attendre avec Attentes.AttendreAdresseAsync / AttendreChargementAsync ou un localisateur ; lire l'heure sur app.Maintenant.");
        Directory.GetFiles(Dossier(), "Parcours*.cs").Length.ShouldBeGreaterThan(5);
    }

    [Theory]
    [InlineData("**/admin", "http://127.0.0.1:5000/admin", true)]
    [InlineData("**/admin", "http://127.0.0.1:5000/admin/agenda", false)]
    [InlineData("**/lieux/*", "http://127.0.0.1:5000/lieux/35", true)]
    [InlineData("**/lieux/*", "http://127.0.0.1:5000/lieux/35/modifier", false)]
    [InlineData("**/lieux?**", "http://127.0.0.1:5000/lieux?commune=Port-Saint-Louis", true)]
    [InlineData("**/lieux?**", "http://127.0.0.1:5000/lieux", false)]
    [InlineData("**service=**", "http://127.0.0.1:5000/lieux?commune=X&service=acces", true)]
    [InlineData("**/admin/agenda?date=*#rdv-*", "http://127.0.0.1:5000/admin/agenda?date=2026-11-17#rdv-12", true)]
    [InlineData("**/admin/agenda?date=*#rdv-*", "http://127.0.0.1:5000/admin/agenda?date=2026-11-17", false)]
    [InlineData("**/mon-rendez-vous/**", "http://127.0.0.1:5000/mon-rendez-vous/abc?fait=1", true)]
    [InlineData("**/statistiques?*qpv=oui*", "http://127.0.0.1:5000/statistiques?du=2026-01-01&qpv=oui&convention=3", true)]
    public void Un_motif_d_adresse_se_lit_comme_le_lit_playwright(string motif, string adresse, bool attendu) =>
        Attentes.Glob(motif).IsMatch(adresse).ShouldBe(attendu, Attentes.Glob(motif).ToString());

    [Fact]
    public void L_horloge_des_parcours_part_de_l_instant_fixe_et_avance()
    {
        var depart = new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero);
        var horloge = new HorlogeParcours(depart);
        var t1 = horloge.GetUtcNow();
        t1.ShouldBeInRange(depart, depart.AddMinutes(1));
        SpinWait.SpinUntil(() => horloge.GetUtcNow() > t1, TimeSpan.FromSeconds(5)).ShouldBeTrue();
        horloge.GetUtcNow().ShouldBeGreaterThan(t1);
    }
}
