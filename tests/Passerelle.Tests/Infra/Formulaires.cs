using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Passerelle.Tests.Infra;

/// <summary>Reads pages with AngleSharp and submits their forms (antiforgery token included), as a browser without JavaScript would.</summary>
public static class Formulaires
{
    public static async Task<IDocument> DocumentAsync(HttpResponseMessage reponse)
    {
        var html = await reponse.Content.ReadAsStringAsync();
        var contexte = BrowsingContext.New(Configuration.Default);
        return await contexte.OpenAsync(r => r.Content(html).Address(reponse.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        r.EnsureSuccessStatusCode();
        return await DocumentAsync(r);
    }

    /// <summary>Submits the form as filled in the page, with the given values replacing fields of the same name.</summary>
    public static async Task<HttpResponseMessage> SoumettreAsync(HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> valeurs)
    {
        var champs = new List<KeyValuePair<string, string>>();
        var remplaces = valeurs.Select(v => v.Key).ToHashSet();
        foreach (var e in form.Elements)
        {
            var nom = e.GetAttribute("name");
            if (nom is null || remplaces.Contains(nom)) continue;
            if (e is IHtmlInputElement i)
            {
                if ((i.Type is "checkbox" or "radio") && !i.IsChecked) continue;
                if (i.Type is "submit" or "file") continue;
                champs.Add(new(nom, i.Value));
            }
            else if (e is IHtmlTextAreaElement t) champs.Add(new(nom, t.Value));
            // As a browser does: a multiple select sends each selected option, nothing when none is.
            else if (e is IHtmlSelectElement { IsMultiple: true } m) champs.AddRange(m.SelectedOptions.Select(o => new KeyValuePair<string, string>(nom, o.Value)));
            else if (e is IHtmlSelectElement s) champs.Add(new(nom, s.Value ?? ""));
        }
        champs.AddRange(valeurs);
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? form.Owner!.Url : action;
        return await client.PostAsync(url, new FormUrlEncodedContent(champs));
    }

    /// <summary>Submits a GET form (filters, searches) as a browser does: its fields in the query string.</summary>
    public static async Task<IDocument> SoumettreGetAsync(HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> valeurs)
    {
        var remplaces = valeurs.ToDictionary(v => v.Key, v => v.Value);
        var champs = form.Elements.Select(e => (Nom: e.GetAttribute("name"), e))
            .Where(x => x.Nom is not null && !remplaces.ContainsKey(x.Nom) && x.e is not IHtmlButtonElement && !(x.e is IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }))
            .Select(x => new KeyValuePair<string, string?>(x.Nom!, x.e switch { IHtmlInputElement i => i.Value, IHtmlSelectElement s => s.Value, IHtmlTextAreaElement t => t.Value, _ => null }))
            .Concat(remplaces.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        var action = form.GetAttribute("action");
        var chemin = string.IsNullOrEmpty(action) ? new Uri(form.Owner!.Url).AbsolutePath : action;
        return await PageAsync(client, chemin + Microsoft.AspNetCore.Http.QueryString.Create(champs).ToUriComponent());
    }

    public static async Task<HttpClient> ConnecterAsync(AppFactory app, string role)
    {
        var (email, mdp) = await app.CreerCompteAsync(role);
        return await ConnecterAsync(app, email, mdp);
    }

    public static async Task<HttpClient> ConnecterAsync(AppFactory app, string email, string mdp)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await PageAsync(client, "/connexion");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var r = await SoumettreAsync(client, form, [new("Formulaire.Email", email), new("Formulaire.MotDePasse", mdp)]);
        if ((int)r.StatusCode != 302) throw new InvalidOperationException($"Connexion refusée ({r.StatusCode}).");
        if (r.Headers.Location?.ToString().StartsWith("/connexion/code") == true) await SaisirCodeAsync(app, client, email, r.Headers.Location.ToString());
        return client;
    }

    /// <summary>The second step of sign-in: the code the authenticator app shows now.</summary>
    public static async Task<HttpResponseMessage> SaisirCodeAsync(AppFactory app, HttpClient client, string email, string url = "/connexion/code")
    {
        var page = await PageAsync(client, url);
        var r = await SoumettreAsync(client, page.QuerySelector<IHtmlFormElement>("main form")!, [new("Code", Totp.Code(app.ClesTotp[email]))]);
        if ((int)r.StatusCode != 302 || r.Headers.Location?.ToString().StartsWith("/connexion") == true) throw new InvalidOperationException($"Code refusé ({r.StatusCode}).");
        return r;
    }
}
