namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>Checks of the proposed record against itself, as SCDL Délibérations 2.1.5 and the ACTES naming rules require
/// (docs/standards/scdl-deliberations.md): votes add up to the voters, attendance to the members in office, the prefecture
/// did not receive the act before the session, the ACTES identifier names the same body (SIREN), date, number and nature
/// (DE), the printed total equals the sum of the cash aid. Each finding is a plain-French sentence; nothing is corrected.</summary>
public static class Coherence
{
    public static List<string> Verifier(PropositionActe p, Presences.Resultat presence, Transmission.IdentifiantActes? actes, string? siren, decimal? totalImprime)
    {
        var r = new List<string>();
        if (p.Vote is { } v)
        {
            var total = v.Pour + v.Contre + v.Abstention + v.NonParticipation;
            int? votants = p.Presents is { } pr && p.Representes is { } re ? pr + re : presence.Votants;
            if (votants is { } n && n != total)
            {
                var detail = p.Presents is not null && p.Representes is not null ? $" ({p.Presents} présents + {p.Representes} représentés)" : "";
                r.Add($"Le vote publié totalise {total} voix ({v.Pour} pour, {v.Contre} contre, {v.Abstention} abstentions, {v.NonParticipation} ne prenant pas part au vote) alors que l'acte compte {n} votants{detail} : vérifiez les chiffres.");
            }
            if (v.Contre == v.Pour && v.Pour > 0) r.Add("Autant de voix pour que contre : vérifiez si la délibération a été adoptée (voix prépondérante du président).");
        }
        if (presence.Exercice is { } ex && p.Presents is { } a && p.Representes is { } b && p.Excuses is { } c && a + b + c != ex)
            r.Add($"Présents ({a}), représentés ({b}) et absents ({c}) font {a + b + c}, pas les {ex} membres en exercice.");
        if (presence.Exercice is { } ex2 && p.Presents is { } a2 && a2 > ex2)
            r.Add($"Plus de présents ({a2}) que de membres en exercice ({ex2}).");
        if (p.TransmissionPrefecture?.Date is { } recu && p.DateSeance is { } seance && recu < seance)
            r.Add($"La date de réception en préfecture ({recu:dd/MM/yyyy}) précède la séance ({seance:dd/MM/yyyy}).");
        if (actes is not null)
        {
            if (siren is not null && siren != actes.Siren)
                r.Add($"L'identifiant ACTES porte le SIREN {actes.Siren}, mais l'acte indique le SIREN {siren}.");
            if (actes.Date is { } d && p.DateSeance is { } s && d != s)
                r.Add($"L'identifiant ACTES porte la date du {d:dd/MM/yyyy}, mais la séance est datée du {s:dd/MM/yyyy}.");
            if (actes.Date is null)
                r.Add($"La date de l'identifiant ACTES ({actes.Valeur}) n'est pas une date valide.");
            if (actes.Nature != "DE")
                r.Add($"L'identifiant ACTES se termine par {actes.Nature} et non DE (délibération) : vérifiez qu'il s'agit bien de cet acte.");
            if (p.Numero is { } num && !string.Equals(System.Text.RegularExpressions.Regex.Replace(num, @"[/\-.\s]", "_"), actes.Numero, StringComparison.OrdinalIgnoreCase))
                r.Add($"Le numéro de l'identifiant ACTES ({actes.Numero}) ne correspond pas au numéro de l'acte ({num}).");
        }
        if (totalImprime is { } t && p.MontantTotalEur is { } somme && t != somme)
            r.Add(string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), "Le total imprimé ({0:N2} €) diffère de la somme des aides en numéraire lues ({1:N2} €).", t, somme));
        if (p.Adoptee == false && p.Vote is null)
            r.Add("L'acte semble rejeté sans que le décompte des voix soit lu : vérifiez.");
        return r;
    }
}
