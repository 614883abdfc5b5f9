namespace Passerelle.Features.Equiper.Appareils.Certificats;

/// <summary>What one erasure report says about one drive, whatever the file it came from (nwipe's per-drive PDF certificate or
/// its log; docs/standards/rapports-effacement.md §6). The fields follow the keys of nwipe's unreleased JSON report
/// (<c>device{model, serial_number, type, size_bytes}</c>, <c>wipe{status, method, prng, verify, rounds_*, start_time, end_time,
/// errors{pass, verify, fsyncdata}}</c>) so that a JSON reader could fill it 1:1. Times are the workstation's local time, as
/// nwipe writes them (no zone).</summary>
public sealed record DisqueEfface
{
    /// <summary>"nwipe".</summary>
    public string Outil { get; init; } = "nwipe";
    /// <summary>nwipe version (« 0.37 »), from the banner of the log or the PDF footer; null when the file does not say.</summary>
    public string? Version { get; init; }
    /// <summary>Device path in the run (« /dev/sda »): a key local to the run, never an identity.</summary>
    public string? Peripherique { get; init; }
    public string? Modele { get; init; }
    /// <summary>Serial number of the medium; null when nwipe had none (« Unknown », empty) or anonymised it (<c>XXXX…</c>, <c>????…</c>).</summary>
    public string? NumeroSerie { get; init; }
    /// <summary>Bus as nwipe prints it: ATA, ATA-SSD, USB, NVME, VIRT, SAS, SAS-SSD, MMC…</summary>
    public string? Bus { get; init; }
    public long? Octets { get; init; }
    /// <summary>nwipe's method label (« DoD Short », « PRNG Stream », « Fill With Zeros »…).</summary>
    public string Methode { get; init; } = "";
    public string? Prng { get; init; }
    /// <summary>Overwriting passes in total (rounds × passes per round, plus the final blanking pass), derived from the method
    /// when the report does not print it (rapports-effacement.md §3.5).</summary>
    public int Passes { get; init; }
    public int? RoundsFaits { get; init; }
    public int? RoundsDemandes { get; init; }
    /// <summary>« last », « all » or « none ».</summary>
    public string Verification { get; init; } = "none";
    /// <summary>ERASED, FAILED, ABORTED or INSANITY, as nwipe says it.</summary>
    public string Statut { get; init; } = "";
    /// <summary><see cref="Effacement.ZonesCachees"/> code: absentes, presentes, inconnu, sans_objet.</summary>
    public string ZonesCachees { get; init; } = "inconnu";
    public DateTime Debut { get; init; }
    public DateTime Fin { get; init; }
    public long ErreursPasses { get; init; }
    public long ErreursSynchro { get; init; }
    public long ErreursVerification { get; init; }
    /// <summary>I/O retries (nwipe 0.42+): an erasure with retries is « erased with reservation ».</summary>
    public long Reprises { get; init; }
    /// <summary>The technician named on the certificate (<c>Name/ID:</c>), null when left at nwipe's default.</summary>
    public string? Technicien { get; init; }
    /// <summary>nwipe's own warning (hidden sectors not erased, HPA/DCO status unknown).</summary>
    public string? Avertissement { get; init; }

    /// <summary>The verify-only methods check a drive, they do not erase it.</summary>
    public bool VerificationSeule => Methode.StartsWith("Verify", StringComparison.OrdinalIgnoreCase);

    /// <summary>Passes of one round per method (nwipe's man page and <c>method.c</c> pattern tables); 1 for the single-pattern methods.</summary>
    public static int PassesParRound(string methode) => methode.Trim() switch
    {
        "DoD Short" => 3, "DoD 5220.22-M" => 7, "Gutmann Wipe" => 35, "HMG IS5 Enhanced" => 3, "Bruce Schneier 7-Pass" => 7,
        "BMB21-2019" => 6, "RCMP TSSIT OPS-II" => 8, _ => 1,
    };

    /// <summary>Total passes: rounds × passes per round, plus one blanking pass unless there was none (OPS-II never blanks).</summary>
    public static int PassesTotales(string methode, int? passesParRound, int rounds, bool blanking) =>
        Math.Max(1, rounds) * (passesParRound ?? PassesParRound(methode)) + (blanking && methode.Trim() != "RCMP TSSIT OPS-II" ? 1 : 0);

    /// <summary>A serial nwipe could not read or was told to hide is absent, never a value.</summary>
    public static string? Serie(string? brut)
    {
        var s = brut?.Trim();
        if (string.IsNullOrEmpty(s) || s.Equals("Unknown", StringComparison.OrdinalIgnoreCase) || s.All(c => c is 'X' or '?')) return null;
        return s;
    }
}

/// <summary>A file that is not an erasure report the importer knows, or that is cut or inconsistent: its message says why, in French.</summary>
public sealed class CertificatIllisibleException(string message) : Exception(message);
