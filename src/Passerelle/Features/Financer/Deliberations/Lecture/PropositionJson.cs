using System.Text.Encodings.Web;
using System.Text.Json;

namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The proposed record as one JSON object with the keys and conventions of the development corpus's
/// <c>expected.json</c> (<c>attendu</c>): snake_case keys in its order, dates <c>AAAA-MM-JJ</c>, amounts as JSON numbers in
/// euros, codes as strings, <c>null</c> for what was not found; then two keys the register records beyond the corpus
/// (<c>membres_en_exercice</c>, <c>budget</c> as <c>{nom, annee}</c>), <c>avertissements</c> (plain-French warnings) and
/// <c>passages</c> (for each key, where in the read text the value comes from: <c>debut</c>, <c>longueur</c> in characters
/// and the <c>extrait</c> itself).</summary>
public static class PropositionJson
{
    static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Ecrire(PropositionActe p, bool passages = true)
    {
        using var flux = new MemoryStream();
        using (var w = new Utf8JsonWriter(flux, Options)) Ecrire(w, p, passages);
        return System.Text.Encoding.UTF8.GetString(flux.ToArray());
    }

    public static void Ecrire(Utf8JsonWriter w, PropositionActe p, bool passages)
    {
        w.WriteStartObject();
        w.WriteString("collectivite", p.Collectivite);
        w.WriteString("type_organe", p.TypeOrgane);
        w.WriteString("numero", p.Numero);
        Date(w, "date_seance", p.DateSeance);
        w.WriteString("objet", p.Objet);
        w.WriteString("matiere_actes_code", p.MatiereActesCode);
        w.WriteString("president", p.President);
        w.WriteString("rapporteur", p.Rapporteur);
        Entier(w, "presents", p.Presents);
        Entier(w, "representes", p.Representes);
        Entier(w, "excuses", p.Excuses);
        if (p.Vote is { } v)
        {
            w.WriteStartObject("vote");
            w.WriteNumber("pour", v.Pour);
            w.WriteNumber("contre", v.Contre);
            w.WriteNumber("abstention", v.Abstention);
            w.WriteNumber("non_participation", v.NonParticipation);
            w.WriteEndObject();
        }
        else w.WriteNull("vote");
        Booleen(w, "unanimite", p.Unanimite);
        Booleen(w, "adoptee", p.Adoptee);
        w.WriteStartArray("beneficiaires");
        foreach (var b in p.Beneficiaires)
        {
            w.WriteStartObject();
            w.WriteString("nom", b.Nom);
            w.WriteNumber("montant_eur", b.MontantEur);
            w.WriteString("nature", b.Nature);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (p.MontantTotalEur is { } t) w.WriteNumber("montant_total_eur", t); else w.WriteNull("montant_total_eur");
        if (p.ImputationBudgetaire is { } i)
        {
            w.WriteStartObject("imputation_budgetaire");
            Entier(w, "annee", i.Annee);
            w.WriteString("sous_politique", i.SousPolitique);
            w.WriteString("chapitre", i.Chapitre);
            w.WriteString("nature", i.Nature);
            w.WriteString("fonction", i.Fonction);
            w.WriteEndObject();
        }
        else w.WriteNull("imputation_budgetaire");
        if (p.PeriodeDebut is not null || p.PeriodeFin is not null)
        {
            w.WriteStartObject("periode");
            Date(w, "debut", p.PeriodeDebut);
            Date(w, "fin", p.PeriodeFin);
            w.WriteEndObject();
        }
        else w.WriteNull("periode");
        if (p.TransmissionPrefecture is { } tr)
        {
            w.WriteStartObject("transmission_prefecture");
            Date(w, "date", tr.Date);
            w.WriteString("identifiant", tr.Identifiant);
            w.WriteEndObject();
        }
        else w.WriteNull("transmission_prefecture");
        w.WriteString("lieu", p.Lieu);
        w.WriteStartArray("engagements");
        foreach (var e in p.Engagements) w.WriteStringValue(e);
        w.WriteEndArray();
        // Beyond the corpus's keys: what the register records too.
        Entier(w, "membres_en_exercice", p.MembresEnExercice);
        if (p.BudgetNom is not null)
        {
            w.WriteStartObject("budget");
            w.WriteString("nom", p.BudgetNom);
            w.WriteString("annee", p.BudgetAnnee);
            w.WriteEndObject();
        }
        else w.WriteNull("budget");
        w.WriteStartArray("avertissements");
        foreach (var a in p.Avertissements) w.WriteStringValue(a);
        w.WriteEndArray();
        if (passages)
        {
            w.WriteStartObject("passages");
            foreach (var (cle, passage) in p.Passages.OrderBy(x => x.Value.Debut))
            {
                w.WriteStartObject(cle);
                w.WriteNumber("debut", passage.Debut);
                w.WriteNumber("longueur", passage.Longueur);
                w.WriteString("extrait", p.Texte.Substring(passage.Debut, passage.Longueur));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    static void Date(Utf8JsonWriter w, string cle, DateOnly? d)
    {
        if (d is { } x) w.WriteString(cle, x.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); else w.WriteNull(cle);
    }

    static void Entier(Utf8JsonWriter w, string cle, int? n)
    {
        if (n is { } x) w.WriteNumber(cle, x); else w.WriteNull(cle);
    }

    static void Booleen(Utf8JsonWriter w, string cle, bool? b)
    {
        if (b is { } x) w.WriteBoolean(cle, x); else w.WriteNull(cle);
    }
}
