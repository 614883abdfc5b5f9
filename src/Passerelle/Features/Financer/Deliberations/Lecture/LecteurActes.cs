namespace Passerelle.Features.Financer.Deliberations.Lecture;

/// <summary>The local, deterministic reader: every value is read by a rule on the text (sections, labelled values,
/// French number and date grammar; see the classes of this folder) and explained by its passage. What no rule finds stays
/// null or empty — nothing is guessed. A rejected act decides nothing: no beneficiary, commitment, budget line, period or
/// place is proposed for it (the session keys still are). Inconsistencies are reported, never corrected.</summary>
public sealed class LecteurActes : ILecteurActes
{
    public PropositionActe Lire(string texte) => Lire(texte, CancellationToken.None);

    /// <summary>Reads at most <see cref="Garde.LongueurMax"/> characters (with a warning beyond), and stops between two
    /// rules when <paramref name="annulation"/> is cancelled (the client went away).</summary>
    public PropositionActe Lire(string texte, CancellationToken annulation)
    {
        texte ??= "";
        var tronque = texte.Length > Garde.LongueurMax;
        if (tronque) texte = texte[..Garde.LongueurMax];
        T? Sur<T>(Func<T?> regle)
        {
            annulation.ThrowIfCancellationRequested();
            return LecteurActes.Sur(regle);
        }
        annulation.ThrowIfCancellationRequested();
        var doc = new Document(texte);
        var passages = new Dictionary<string, Passage>();
        void Noter(string cle, int debut, int longueur)
        {
            if (debut >= 0 && longueur > 0 && debut + longueur <= doc.Texte.Length) passages[cle] = new Passage(debut, longueur);
        }

        var organe = Sur(() => Seance.Organe(doc));
        if (organe is not null) Noter("type_organe", organe.Debut, organe.Longueur);
        var collectivite = Sur(() => Collectivite.Lire(doc, organe?.Contenu));
        if (collectivite is not null) Noter("collectivite", collectivite.Debut, collectivite.Longueur);
        var actes = Sur(() => Transmission.Identifiant(doc));
        var numero = Sur(() => Seance.Numero(doc, actes?.Numero));
        if (numero is not null) Noter("numero", numero.Debut, numero.Longueur);
        var date = Sur(() => Seance.DateSeance(doc, actes?.Date));
        if (date is not null) Noter("date_seance", date.Debut, date.Longueur);
        var objet = Sur(() => Seance.Objet(doc));
        if (objet is not null) Noter("objet", objet.Debut, objet.Longueur);
        var matiere = Sur(() => Seance.Matiere(doc));
        if (matiere is not null) Noter("matiere_actes_code", matiere.Debut, matiere.Longueur);
        var president = Sur(() => Personnes.President(doc));
        if (president is not null) Noter("president", president.Debut, president.Longueur);
        var rapporteur = Sur(() => Personnes.Rapporteur(doc, president));
        if (rapporteur is not null) Noter("rapporteur", rapporteur.Debut, rapporteur.Longueur);

        var comptes = Sur(() => Votes.Comptes(doc)) ?? [];
        var presence = Sur(() => Presences.Lire(doc, comptes)) ?? new Presences.Resultat(null, null, null, null, null, new Dictionary<string, Seance.Valeur<int>>());
        foreach (var (cle, valeur) in presence.Passages) Noter(cle, valeur.Debut, valeur.Longueur);
        var vote = Sur(() => Votes.Vote(comptes));
        if (vote is { } v) Noter("vote", v.Debut, v.Fin - v.Debut);
        var (unanimite, adoptee) = Sur(() => Issue.Lire(doc, vote?.Vote, passages));

        var decide = adoptee != false;
        var lus = (decide ? Sur(() => Beneficiaires.Lire(doc, collectivite?.Contenu)) : null) ?? new Beneficiaires.Resultat([], null);
        for (var i = 0; i < lus.Lus.Count; i++) Noter($"beneficiaires[{i}]", lus.Lus[i].Debut, lus.Lus[i].Longueur);
        var beneficiaires = lus.Lus.Select(l => l.Beneficiaire).ToList();
        decimal? total = beneficiaires.Count > 0 ? beneficiaires.Where(b => b.Nature == "aide en numéraire").Sum(b => b.MontantEur) : null;
        var imputation = decide ? Sur(() => Imputation.Lire(doc)) : null;
        if (imputation is { } imp) Noter("imputation_budgetaire", imp.Debut, imp.Longueur);
        var budget = decide ? Sur(() => Budget.Lire(doc)) : null;
        if (budget is not null) Noter("budget", budget.Debut, budget.Longueur);
        var periode = decide ? Sur(() => Periode(doc)) : null;
        if (periode is { } p) Noter("periode", p.Index, p.Longueur);
        var lieu = decide ? Sur(() => Lieu.Lire(doc)) : null;
        if (lieu is not null) Noter("lieu", lieu.Debut, lieu.Longueur);
        var engagements = (decide ? Sur(() => Engagements.Lire(doc)) : null) ?? [];
        for (var i = 0; i < engagements.Count; i++) Noter($"engagements[{i}]", engagements[i].Debut, engagements[i].Longueur);

        var dateTransmission = Sur(() => Transmission.Date(doc));
        TransmissionProposee? transmission = dateTransmission is null && actes is null ? null
            : new TransmissionProposee(dateTransmission?.Date, actes?.Valeur);
        if (dateTransmission is not null) Noter("transmission_prefecture", dateTransmission.Debut, dateTransmission.Longueur);
        else if (actes is not null) Noter("transmission_prefecture", actes.Debut, actes.Valeur.Length);
        if (actes is not null) Noter("transmission_prefecture.identifiant", actes.Debut, actes.Valeur.Length);

        var proposition = new PropositionActe
        {
            Texte = doc.Texte,
            Collectivite = collectivite?.Contenu,
            TypeOrgane = organe?.Contenu,
            Numero = numero?.Contenu,
            DateSeance = date?.Contenu,
            Objet = objet?.Contenu,
            MatiereActesCode = matiere?.Contenu,
            President = president?.Nom,
            Rapporteur = rapporteur?.Nom,
            MembresEnExercice = presence.Exercice,
            Presents = presence.Presents,
            Representes = presence.Representes,
            Excuses = presence.Excuses,
            Vote = vote?.Vote,
            Unanimite = unanimite,
            Adoptee = adoptee,
            Beneficiaires = beneficiaires,
            MontantTotalEur = total,
            ImputationBudgetaire = imputation?.Imputation,
            BudgetNom = budget?.Nom,
            BudgetAnnee = budget?.Annee,
            PeriodeDebut = periode?.Debut,
            PeriodeFin = periode?.Fin,
            TransmissionPrefecture = transmission,
            Lieu = lieu?.Contenu,
            Engagements = engagements.Select(e => e.Texte).ToList(),
            Passages = passages,
        };
        var avertissements = Sur(() => Coherence.Verifier(proposition, presence, actes, Sur(() => Transmission.Siren(doc)), lus.TotalImprime)) ?? [];
        if (tronque) avertissements = [Garde.AvertissementTronque, .. avertissements];
        return proposition with { Avertissements = avertissements };
    }

    /// <summary>One rule that fails on an unforeseen layout leaves its field empty instead of failing the whole reading
    /// (the contract: the reader never throws on odd text).</summary>
    static T? Sur<T>(Func<T?> regle)
    {
        try { return regle(); }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException or OverflowException or NullReferenceException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return default;
        }
    }

    /// <summary>The period of the convention or funded action: in the operative part first, then anywhere.</summary>
    static (DateOnly Debut, DateOnly Fin, int Index, int Longueur)? Periode(Document doc)
    {
        var debut = Decision.Debut(doc);
        if (Dates.Periode(doc.Pli[debut..]) is { } p && !doc.DansCitation(debut + p.Index)) return p with { Index = p.Index + debut };
        var partout = Dates.Periode(doc.Pli[doc.FinEnTete..]);
        return partout is { } q && !doc.DansCitation(doc.FinEnTete + q.Index) ? q with { Index = q.Index + doc.FinEnTete } : null;
    }
}
