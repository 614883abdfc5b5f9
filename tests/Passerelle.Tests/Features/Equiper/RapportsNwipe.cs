using PdfSharp.Drawing;

namespace Passerelle.Tests.Features.Equiper;

/// <summary>Synthetic nwipe reports with the real layout (docs/standards/rapports-effacement.md; nwipe's logging.c and
/// create_single_disc_pdf.c): a ShredOS 0.37 log of one run on two drives, and a per-drive PDF certificate drawn at nwipe's
/// coordinates (A4, labels 12 pt, values 10 pt, y from the bottom of the page as pdfgen counts it).</summary>
public static class RapportsNwipe
{
    /// <summary>A ShredOS log: PRNG Stream, 1 round, verify last, blanking; an ATA SSD (no hidden sectors) and an NVMe drive.</summary>
    public static string Journal(string serieSsd = "S3Z9NB0K123456A", string serieNvme = "1928AB441234", string statutNvme = " Erased ", int erreursNvme = 0) => $"""
[2025/03/12 08:58:01]    info: ShredOS v2024.02.2_26.0_x86-64_0.37
[2025/03/12 08:58:01]    info: Linux version 6.6.16 (shredos@buildhost) (x86_64-linux-gcc.br_real (Buildroot
                               2024.02.2) 12.3.0, GNU ld (GNU Binutils) 2.40) #1 SMP PREEMPT_DYNAMIC
[2025/03/12 08:58:01]    info: bios-version = N2DET62W (1.49 )
[2025/03/12 08:58:01]    info: system-serial-number = PF1ABCDE
[2025/03/12 08:58:01]  notice: Program options are set as follows...
[2025/03/12 08:58:01]  notice:   autonuke = 1 (on)
[2025/03/12 08:58:01]  notice:   prng = Isaac64
[2025/03/12 08:58:01]  notice:   method = PRNG Stream
[2025/03/12 08:58:01]  notice:   quiet = 0
[2025/03/12 08:58:01]  notice:   rounds = 1
[2025/03/12 08:58:01]  notice:   sync = 100000
[2025/03/12 08:58:01]  notice:   verify = 1 (last pass)
[2025/03/12 08:58:02]  notice: Found /dev/sda,  ATA-SSD, Samsung SSD 860 EVO 250GB,  250 GB, S/N={serieSsd}
[2025/03/12 08:58:02]  notice: /dev/sda has serial number {serieSsd}
[2025/03/12 08:58:02]    info: /dev/sda, sector(logical)/block(physical) sizes 512/512
[2025/03/12 08:58:02]    info: HPA:  max sectors   = 488397168/488397168, HPA is disabled
 on /dev/sda
[2025/03/12 08:58:02]    info: HPA values 488397168 / 488397168 on /dev/sda
[2025/03/12 08:58:02]    info: No hidden sectors on /dev/sda
[2025/03/12 08:58:02]  notice: Found /dev/nvme0n1, NVME    , WDC PC SN520 SDAPNUW-256G-1006,  256 GB, S/N={serieNvme}
[2025/03/12 08:58:02]  notice: /dev/nvme0n1 has serial number {serieNvme}
[2025/03/12 08:58:02]  notice: /dev/sda, sect/blk/dev 512/512/250059350016
[2025/03/12 08:58:02]  notice: /dev/nvme0n1, sect/blk/dev 512/512/256060514304
[2025/03/12 08:58:03]  notice: Invoking method 'PRNG Stream' on /dev/sda
[2025/03/12 08:58:03]  notice: Starting round 1 of 1 on /dev/sda
[2025/03/12 08:58:03]  notice: Starting pass 1/1, round 1/1, on /dev/sda
[2025/03/12 08:58:03]  notice: Invoking method 'PRNG Stream' on /dev/nvme0n1
[2025/03/12 08:58:03]  notice: Starting round 1 of 1 on /dev/nvme0n1
[2025/03/12 08:58:03]  notice: Starting pass 1/1, round 1/1, on /dev/nvme0n1
[2025/03/12 09:01:05]  notice: 256060514304 bytes written to /dev/nvme0n1
[2025/03/12 09:01:05]  notice: Finished pass 1/1, round 1/1, on /dev/nvme0n1
[2025/03/12 09:01:05]  notice: Verifying pass 1 of 1, round 1 of 1, on /dev/nvme0n1
[2025/03/12 09:04:05]  notice: Verified pass 1 of 1, round 1 of 1, on '/dev/nvme0n1'.
[2025/03/12 09:04:05]  notice: Blanking device /dev/nvme0n1
[2025/03/12 09:07:08]  notice: [SUCCESS] Blanked device /dev/nvme0n1
[2025/03/12 09:20:41]  notice: 250059350016 bytes written to /dev/sda
[2025/03/12 09:20:41]  notice: Finished pass 1/1, round 1/1, on /dev/sda
[2025/03/12 09:20:41]  notice: Verifying pass 1 of 1, round 1 of 1, on /dev/sda
[2025/03/12 09:40:12]  notice: Verified pass 1 of 1, round 1 of 1, on '/dev/sda'.
[2025/03/12 09:40:12]  notice: Blanking device /dev/sda
[2025/03/12 09:55:12]  notice: [SUCCESS] Blanked device /dev/sda

******************************** Error Summary *********************************
!   Device | Pass Errors | Verifications Errors | Fdatasync I\O Errors
--------------------------------------------------------------------------------
       sda |           0 |                    0 |                    0
{(erreursNvme > 0 ? "!" : " ")}   nvme0n1 |  {erreursNvme,10} |                    0 |                    0
********************************************************************************

********************************* Drive Status *********************************
!   Device | Status | Thru-put | HH:MM:SS | Model/Serial Number
--------------------------------------------------------------------------------
       sda | Erased |  264 MB/s | 00:57:09 | Samsung SSD 860 E/{serieSsd}
{(statutNvme.Trim() == "Erased" ? " " : "!")}   nvme0n1 |{statutNvme}| 1411 MB/s | 00:09:05 | WDC PC SN520 SDAP/{serieNvme}
--------------------------------------------------------------------------------
[2025/03/12 09:55:12] Total Throughput 1675 MB/s, PRNG Stream, 1R+B+VL
********************************************************************************

[2025/03/12 09:55:12]    info: Nwipe successfully completed. See summary table for details.
""";

    /// <summary>A per-drive certificate, page 1 « Erasure Status » and page 2 « Smart Data », as nwipe 0.41 draws them.</summary>
    public static byte[] Certificat(string modele = "TOSHIBA MQ01ABD100", string serie = "Y3EHT12AT", string statut = "ERASED", string hpa = "No hidden sectors",
        string debut = "2025/03/12 09:00:00", string fin = "2025/03/12 09:40:00", string methode = "DoD Short", string version = "0.41", bool systeme = false,
        bool sansStatut = false)
    {
        Passerelle.Features.Equiper.Dons.Polices.Installer();
        var document = new PdfSharp.Pdf.PdfDocument();
        document.Info.Title = "PDF Disk Erasure Certificate";
        document.Info.Author = "Nwipe";
        document.Info.Subject = "Disk Erase Certificate";
        document.Info.Creator = "https://github.com/PartialVolume/shredos.x86_64";
        var page = document.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            var libelle = new XFont("Helvetica", 12);
            var valeur = new XFont("Helvetica", 10, XFontStyleEx.Bold);
            void T(string texte, double x, double y, bool estLibelle = true) => g.DrawString(texte, estLibelle ? libelle : valeur, XBrushes.Black, x, 842 - y);
            T(systeme ? "System Erasure Report" : "Disk Erasure Report", 200, 800);
            T("Page 1 - Erasure Status", 220, 780, false);
            T($" Disk Model: {modele} ", 50, 760, false);
            T($" Disk S/N: {serie} ", 300, 760, false);
            T("Organisation Performing The Disk Erasure", 50, 630);
            T("Business Name:", 60, 610); T("Fabrique du réemploi", 153, 610, false);
            T("Business Address:", 60, 590); T("12 rue de l'Atelier, Marseille", 165, 590, false);
            T("Contact Name:", 60, 570); T("Not Applicable (CN)", 145, 570, false);
            T("Contact Phone:", 300, 570); T("Not Applicable (CP)", 390, 570, false);
            T("Customer Details", 50, 530);
            T("Name:", 60, 510); T("Société Exemple", 100, 510, false);
            T("Address:", 60, 490); T("1 rue de la Paix, Marseille", 110, 490, false);
            T("Contact Name:", 60, 470); T("Jeanne Martin", 145, 470, false);
            T("Contact Phone:", 300, 470); T("Not Applicable (CCP)", 390, 470, false);
            T("Disk Information", 50, 430);
            T("Make/Model:", 60, 410); T(modele, 135, 410, false);
            T("Serial:", 340, 410); T(serie, 380, 410, false);
            T("Bus:", 340, 390); T("ATA", 370, 390, false);
            T("Size(Apparent): ", 60, 390); T("1000 GB, 1000204886016 bytes", 145, 390, false);
            T("Size(Real):", 60, 370); T("1000 GB,1000204886016b", 125, 370, false);
            T("Disk Erasure Details", 50, 330);
            T("Start time:", 60, 310); T(debut, 120, 310, false);
            T("End time:", 300, 310); T(fin, 360, 310, false);
            T("Duration:", 60, 290); T("00:40:00", 115, 290, false);
            T("Status:", 300, 290);
            if (!sansStatut) T(statut, 365, 290, false);
            T("Method:", 60, 270); T(methode, 110, 270, false);
            T("PRNG algorithm:", 300, 270); T("Isaac64 (CSPRNG)", 395, 270, false);
            T("Final Pass(Zeros/Ones/None):", 60, 250); T("Zeros", 230, 250, false);
            T("Verify Pass(Last/All/None):", 300, 250); T("Last", 450, 250, false);
            T("*Bytes Erased:", 60, 230); T("1000204886016, (100.00%)", 150, 230, false);
            T("Rounds(completed/requested):", 300, 230); T("1/1", 470, 230, false);
            T("HPA/DCO:", 60, 210); T("HPA/DCO Size:", 300, 210);
            T(hpa == "Hidden sectors found!" ? "2048 sectors" : hpa, 390, 210, false); T(hpa, 130, 210, false);
            T("Throughput:", 300, 190); T("416 MB/sec", 385, 190, false);
            T("Errors(pass/sync/verify):", 60, 190); T("0/0/0", 230, 190, false);
            T("Information:", 60, 170);
            if (hpa == "Hidden sectors found!") { T("Warning", 140, 170, false); T("Visible sectors erased as requested, however hidden sectors NOT erased", 200, 170, false); }
            T("* bytes erased: The amount of drive that's been erased at least once", 60, 137, false);
            T("Technician/Operator ID", 50, 100);
            T("Name/ID:", 60, 80); T("Karim B.", 120, 80, false);
            T("Signature:", 300, 100);
            T($"Disc Erasure by NWIPE version {version}", 200, 20, false);
        }
        var smart = document.AddPage();
        using (var g = XGraphics.FromPdfPage(smart))
        {
            var f = new XFont("Courier", 8);
            g.DrawString("Page 2 - Smart Data", f, XBrushes.Black, 220, 62);
            g.DrawString("device model:     " + modele, f, XBrushes.Black, 50, 100);
            g.DrawString("serial number:    " + serie, f, XBrushes.Black, 50, 110);
        }
        using var flux = new MemoryStream();
        document.Save(flux);
        var octets = flux.ToArray();
        // nwipe's Producer: PDFsharp writes its own, so the test file says nwipe only through its title and footer, as a re-saved copy would.
        return octets;
    }
}
