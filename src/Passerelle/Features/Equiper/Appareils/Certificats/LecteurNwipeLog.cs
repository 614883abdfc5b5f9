using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Features.Equiper.Appareils.Certificats;

/// <summary>Reads nwipe's text log, 0.30 and later (docs/standards/rapports-effacement.md §2): one <see cref="DisqueEfface"/> per
/// row of the « Drive Status » table of each run. The table gives the verdict; the discovery line (<c>Found /dev/sda, bus, model,
/// size, S/N=…</c>) the model and serial; <c>Invoking method</c> the method and start; <c>Starting pass p/P</c> the passes;
/// the HPA/DCO verdict lines the hidden areas; the « Error Summary » the error counts; the « Total Throughput » line the rounds,
/// blanking and verification. A file may hold several runs (nwipe appends): they are split on the version banner.
/// Logs before 0.30 have no per-drive verdict and are refused (they cannot prove an erasure).</summary>
public static partial class LecteurNwipeLog
{
    [GeneratedRegex(@"^\[(?<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2})\]\s+(?<niv>debug|info|notice|warning|error|fatal|sanity): (?<msg>.*)$")]
    private static partial Regex Ligne();
    [GeneratedRegex(@"^\[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\] nwipe: ")]
    private static partial Regex AncienFormat();
    [GeneratedRegex(@"^(?:nwipe (?<v>\d+\.\d+[\w.]*)|ShredOS v\S*?_v?(?<v>\d+\.\d+[\w.]*?)(?:-nomodeset)?)(?: \(ANONYMIZED\))?\s*$")]
    private static partial Regex Banniere();
    [GeneratedRegex(@"^Found (?<dev>/dev/[^,\s]+),\s*(?<bus>[^,]*?)\s*,\s*(?<modele>.*?),\s*(?<taille>\d+ ?[KMGTP]?B),\s*S/N=(?<serie>.*)$")]
    private static partial Regex Decouverte();
    [GeneratedRegex(@"^(?<dev>/dev/\S+), sect/blk/dev \d+/\d+/(?<octets>\d+)")]
    private static partial Regex Geometrie();
    [GeneratedRegex(@"^Invoking method '(?<m>[^']+)' on (?<dev>/dev/\S+)")]
    private static partial Regex Methode();
    [GeneratedRegex(@"^Starting pass \d+/(?<p>\d+), round \d+/(?<r>\d+), on (?<dev>/dev/\S+)")]
    private static partial Regex Passe();
    [GeneratedRegex(@"(?<dev>/dev/[A-Za-z0-9_\-/]+)")]
    private static partial Regex Peripherique();
    [GeneratedRegex(@"^(?<flag>[! ])\s*(?<dev>\S+) \|(?<statut>.{8})\|\s*(?<debit>[^|]*)\|\s*(?<h>\d+):(?<m>\d\d):(?<s>\d\d) \| (?<modser>.*)$")]
    private static partial Regex LigneStatut();
    [GeneratedRegex(@"^(?<flag>[! ])\s*(?<dev>\S+) \|\s*(?<p>\d+) \|\s*(?<v>\d+) \|(?:\s*(?<f>\d+))?")]
    private static partial Regex LigneErreurs();
    [GeneratedRegex(@"^\[[^\]]+\] Total Throughput .*?, (?<m>[^,]+), (?<r>\d+)R\+(?<b>B|NB)\+(?<v>NV|VL|VA)\s*$")]
    private static partial Regex Total();

    sealed class Disque
    {
        public string Dev = "", Bus = "", Modele = "";
        public string? Serie, Methode, Zones;
        public long? Octets;
        public int? PassesParRound;
        public DateTime? Debut, Derniere;
    }

    /// <exception cref="CertificatIllisibleException">Not an nwipe log, a log before 0.30, or a run without its « Drive Status » table.</exception>
    public static List<DisqueEfface> Lire(string texte)
    {
        var lignes = texte.Replace("\r\n", "\n").Split('\n');
        if (lignes.Any(l => AncienFormat().IsMatch(l)))
            throw new CertificatIllisibleException("Journal nwipe antérieur à la version 0.30 : il ne donne pas de verdict par disque et ne peut pas prouver un effacement. Saisissez la preuve à la main.");
        // Runs start at the version banner; a log without one is a single run.
        var debuts = new List<int>();
        for (var i = 0; i < lignes.Length; i++)
            if (Ligne().Match(lignes[i]) is { Success: true } m && m.Groups["niv"].Value == "info" && Banniere().IsMatch(m.Groups["msg"].Value)) debuts.Add(i);
        if (debuts.Count == 0 || debuts[0] > 0 && lignes.Take(debuts[0]).Any(l => l.Contains("Drive Status"))) debuts.Insert(0, 0);
        var disques = new List<DisqueEfface>();
        for (var k = 0; k < debuts.Count; k++)
            disques.AddRange(LireExecution(lignes[debuts[k]..(k + 1 < debuts.Count ? debuts[k + 1] : lignes.Length)]));
        if (disques.Count == 0)
            throw new CertificatIllisibleException(lignes.Any(l => Ligne().IsMatch(l))
                ? "Journal nwipe sans tableau « Drive Status » : l'exécution n'est pas terminée ou le journal est coupé. Aucun verdict par disque."
                : "Ce fichier n'est ni un journal nwipe ni un certificat PDF nwipe.");
        return disques;
    }

    static IEnumerable<DisqueEfface> LireExecution(string[] lignes)
    {
        string? version = null;
        var disques = new Dictionary<string, Disque>();
        Disque De(string dev) => disques.TryGetValue(dev, out var d) ? d : disques[dev] = new Disque { Dev = dev };
        var section = "";
        var statuts = new List<Match>();
        var erreurs = new Dictionary<string, (long P, long V, long F)>();
        Match? total = null;
        foreach (var brute in lignes)
        {
            var l = brute.TrimEnd();
            if (Ligne().Match(l) is { Success: true } m)
            {
                var ts = DateTime.ParseExact(m.Groups["ts"].Value, "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
                var msg = m.Groups["msg"].Value.Trim();
                if (Banniere().Match(msg) is { Success: true } b) version ??= b.Groups["v"].Value;
                else if (Decouverte().Match(msg) is { Success: true } f)
                {
                    var d = De(f.Groups["dev"].Value);
                    (d.Bus, d.Modele, d.Serie) = (f.Groups["bus"].Value.Trim(), f.Groups["modele"].Value.Trim(), DisqueEfface.Serie(f.Groups["serie"].Value));
                }
                else if (Geometrie().Match(msg) is { Success: true } g) De(g.Groups["dev"].Value).Octets = long.Parse(g.Groups["octets"].Value, CultureInfo.InvariantCulture);
                else if (Methode().Match(msg) is { Success: true } me) { var d = De(me.Groups["dev"].Value); d.Methode = me.Groups["m"].Value; d.Debut ??= ts; }
                else if (Passe().Match(msg) is { Success: true } p) De(p.Groups["dev"].Value).PassesParRound = int.Parse(p.Groups["p"].Value, CultureInfo.InvariantCulture);
                else if (msg.StartsWith("No hidden sectors on ")) De(Dev(msg)).Zones = "absentes";
                else if (msg.Contains("HIDDEN SECTORS DETECTED") || msg.Contains("HIDDEN AREA DETECTED")) De(Dev(msg)).Zones = "presentes";
                else if (msg.Contains("HIDDEN SECTORS INDETERMINATE") || msg.Contains("HIDDEN AREA INDETERMINATE")) De(Dev(msg)).Zones = "inconnu";
                foreach (Match x in Peripherique().Matches(msg))
                    if (disques.TryGetValue(x.Groups["dev"].Value.TrimEnd('.', '\'', ','), out var d)) d.Derniere = ts;
                continue;
            }
            if (l.Contains("Error Summary")) { section = "erreurs"; continue; }
            if (l.Contains("Erasure Summary")) { section = "octets"; continue; }
            if (l.Contains("Drive Status") || l.TrimStart().StartsWith("! Device | Status") || l.StartsWith("!   Device | Status")) { section = "statut"; continue; }
            if (Total().Match(l) is { Success: true } t) { total = t; section = ""; continue; }
            if (section == "statut" && LigneStatut().Match(l) is { Success: true } s) statuts.Add(s);
            else if (section == "erreurs" && LigneErreurs().Match(l) is { Success: true } e)
                erreurs[e.Groups["dev"].Value] = (long.Parse(e.Groups["p"].Value), long.Parse(e.Groups["v"].Value), e.Groups["f"].Success ? long.Parse(e.Groups["f"].Value) : 0);
        }
        foreach (var s in statuts)
        {
            // The table truncates device names (6 characters before 0.33, 8 since): map a row back to its discovery line by suffix.
            var court = s.Groups["dev"].Value;
            var candidats = disques.Values.Where(d => d.Dev.EndsWith(court, StringComparison.Ordinal)).ToList();
            var modser = s.Groups["modser"].Value;
            var barre = modser.LastIndexOf('/');
            var d = candidats.Count == 1 ? candidats[0] : new Disque { Dev = "/dev/" + court, Modele = barre < 0 ? modser.Trim() : modser[..barre].Trim(), Serie = DisqueEfface.Serie(barre < 0 ? null : modser[(barre + 1)..]) };
            var methode = d.Methode ?? total?.Groups["m"].Value.Trim()
                ?? throw new CertificatIllisibleException($"Journal nwipe : la méthode d'effacement de {d.Dev} n'est pas indiquée.");
            var rounds = total is null ? 1 : int.Parse(total.Groups["r"].Value, CultureInfo.InvariantCulture);
            var blanking = total?.Groups["b"].Value != "NB";
            var debut = d.Debut ?? d.Derniere ?? throw new CertificatIllisibleException($"Journal nwipe : aucune ligne horodatée pour {d.Dev}.");
            var duree = new TimeSpan(int.Parse(s.Groups["h"].Value), int.Parse(s.Groups["m"].Value), int.Parse(s.Groups["s"].Value));
            var statut = s.Groups["statut"].Value.Trim() switch { "Erased" => "ERASED", "-FAILED-" or "--FAIL--" => "FAILED", "UABORTED" => "ABORTED", var x => x };
            var err = erreurs.FirstOrDefault(x => d.Dev.EndsWith(x.Key, StringComparison.Ordinal)).Value;
            var bus = d.Bus.Trim();
            var zones = d.Zones ?? (bus is "NVME" or "VIRT" || bus.StartsWith("SAS") ? "sans_objet" : "inconnu");
            yield return new DisqueEfface
            {
                Version = version, Peripherique = d.Dev, Modele = string.IsNullOrEmpty(d.Modele) ? null : d.Modele, NumeroSerie = d.Serie, Bus = bus.Length == 0 ? null : bus,
                Octets = d.Octets, Methode = methode, Passes = DisqueEfface.PassesTotales(methode, d.PassesParRound, rounds, blanking),
                RoundsDemandes = rounds, Verification = total?.Groups["v"].Value switch { "VL" => "last", "VA" => "all", _ => "none" },
                Statut = statut, ZonesCachees = zones, Debut = debut, Fin = debut + duree,
                ErreursPasses = err.P, ErreursVerification = err.V, ErreursSynchro = err.F,
                Avertissement = zones switch
                {
                    "presentes" => "Zones cachées (HPA/DCO) détectées : elles n'ont pas été effacées.",
                    "inconnu" => "État des zones cachées (HPA/DCO) indéterminé.",
                    _ => null,
                },
            };
        }
    }

    static string Dev(string msg) => Peripherique().Match(msg) is { Success: true } m ? m.Groups["dev"].Value.TrimEnd('.', '\'', ',') : "";
}
