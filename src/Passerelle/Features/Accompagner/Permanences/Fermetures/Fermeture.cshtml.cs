using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>One closure: change its place, dates or reason, or remove it (the place reopens, its slots come back).</summary>
public sealed class FermetureModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageIndisponibilite(db, options, horloge)
{
    [BindProperty] public int LieuId { get; set; }
    public List<(int Id, string Nom)> Lieux { get; private set; } = [];

    protected override int Cible { get => LieuId; set => LieuId = value; }

    protected override async Task<(int Cible, DateOnly Du, DateOnly Au, string? Raison)?> LireAsync(int id, CancellationToken ct) =>
        await Db.Fermetures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } f ? (f.LieuId, f.DateDebut, f.DateFin, f.Raison) : null;

    protected override Task<bool> CibleGereeAsync(int cible, HashSet<int>? perimetre, CancellationToken ct) => DeclarerFermeture.LieuGereAsync(Db, cible, perimetre, ct);

    protected override async Task ChargerChoixAsync(HashSet<int>? perimetre, CancellationToken ct) => Lieux = await Choix.LieuxAsync(Db, perimetre, ct);

    protected override Task<ResultatFermeture> EnregistrerAsync(int id, DateOnly du, DateOnly au, HashSet<int>? perimetre, CancellationToken ct) =>
        DeclarerFermeture.EnregistrerAsync(Db, id, new FermetureSaisie(LieuId, du, au, Raison), perimetre, Options, Horloge, ct);

    protected override Task<ResultatFermeture> SupprimerAsync(int id, HashSet<int>? perimetre, CancellationToken ct) =>
        DeclarerFermeture.SupprimerAsync(Db, id, perimetre, Options, Horloge, ct);

    protected override string DateDebutManquante => "Indiquez la date du premier jour de fermeture (jour/mois/année).";

    protected override async Task<(string Titre, string Bilan)> ModifieeAsync(ResultatFermeture r, DateOnly du, DateOnly au, CancellationToken ct)
    {
        var lieu = await Db.Lieux.Where(l => l.Id == LieuId).Select(l => l.Nom).FirstAsync(ct);
        return ("Fermeture modifiée", $"{lieu} est fermé {ListeModel.Periode(du, au)}.\n" + Choix.Bilan(r, fermeture: true));
    }

    protected override (string Titre, string Bilan) Supprimee => ("Fermeture supprimée",
        "Le lieu est de nouveau ouvert ces jours-là : les créneaux de ses permanences sont proposés à nouveau.\n"
        + "Les rendez-vous déjà annulés le restent (les personnes ont été prévenues).");
}
