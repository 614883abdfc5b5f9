using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Passerelle.Browser;

/// <summary>Waits that cannot miss what they wait for, however busy the machine.
/// <para>Playwright for .NET's <c>WaitForURLAsync</c> first reads the page's address on the test's thread, then subscribes
/// to the navigation (or to the load event) that the driver reports on another thread: an event arriving between the
/// two is lost and the wait runs to its timeout (microsoft/playwright-dotnet issue 3364). On an idle machine the window
/// is microseconds wide; on two busy cores a descheduled test thread widens it, which is how a journey "timed out" once
/// in a while. These waits are done by the driver itself, which polls until the condition holds: the address through
/// <c>Expect(page).ToHaveURLAsync</c>, the end of loading through <c>document.readyState</c>.</para></summary>
public static class Attentes
{
    /// <summary>Until the page's address matches <paramref name="motif"/> (a Playwright glob: <c>*</c> stops at a slash,
    /// <c>**</c> does not, anything else is literal) and the page has finished loading.</summary>
    public static Task AttendreAdresseAsync(this IPage page, string motif) => page.AttendreAdresseAsync(Glob(motif));

    /// <summary>Until the page's whole address (scheme to fragment) matches <paramref name="adresse"/> and the page has finished loading.</summary>
    public static async Task AttendreAdresseAsync(this IPage page, Regex adresse)
    {
        await Assertions.Expect(page).ToHaveURLAsync(adresse);
        await page.AttendreChargementAsync();
    }

    /// <summary>Until the current document has loaded with its style sheets and scripts (its <c>load</c> event has fired).
    /// Polled by the driver every 50 ms, so a page that had already loaded answers at once.</summary>
    public static Task AttendreChargementAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 50 });

    /// <summary>The regular expression of a Playwright URL glob, as the driver reads it (the subset the journeys use).</summary>
    public static Regex Glob(string motif)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < motif.Length; i++)
        {
            if (motif[i] != '*') { sb.Append(Regex.Escape(motif[i].ToString())); continue; }
            var etoiles = 1;
            while (i + 1 < motif.Length && motif[i + 1] == '*') { etoiles++; i++; }
            if (etoiles == 1) sb.Append("[^/]*");
            else if (i + 1 < motif.Length && motif[i + 1] == '/') { sb.Append(i - etoiles >= 0 && motif[i - etoiles] == '/' ? "((.+/)|)" : "(.*/)"); i++; }
            else sb.Append(".*");
        }
        return new Regex(sb.Append('$').ToString());
    }
}
