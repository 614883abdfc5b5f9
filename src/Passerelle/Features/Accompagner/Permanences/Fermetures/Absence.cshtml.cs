using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Notifications;

namespace Passerelle.Features.Accompagner.Permanences.Fermetures;

/// <summary>One absence: change its mediator, dates or reason (days and hours set through the API are kept), or remove it.</summary>
public sealed class AbsenceModel(AppDbContext db, NotificationsOptions options, TimeProvider horloge) : PageIndisponibilite(db, options, horloge)
{
    [BindProperty] public int MediateurId { get; set; }
    public List<(int Id, string Nom)> Mediateurs { get; private set; } = [];
    Absence? actuelle;

    protected override int Cible { get => MediateurId; set => MediateurId = value; }

    protected override async Task<(int Cible, DateOnly Du, DateOnly Au, string? Raison)?> LireAsync(int id, CancellationToken ct) =>
        await Db.Absences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } a ? (a.MediateurId, a.DateDebut, a.DateFin, a.Raison) : null;

    protected override Task<bool> CibleGereeAsync(int cible, HashSet<int>? perimetre, CancellationToken ct) => DeclarerAbsence.MediateurGereAsync(Db, cible, perimetre, ct);

    protected override async Task ChargerChoixAsync(HashSet<int>? perimetre, CancellationToken ct) => Mediateurs = await Choix.MediateursAsync(Db, perimetre, ct);

    /// <summary>The stored days of the week and hours are kept: the form does not show them.</summary>
    protected override async Task<bool> AvantSaisieAsync(int id, CancellationToken ct) =>
        (actuelle = await Db.Absences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)) is not null;

    protected override Task<ResultatFermeture> EnregistrerAsync(int id, DateOnly du, DateOnly au, HashSet<int>? perimetre, CancellationToken ct)
    {
        DayOfWeek[] jours = [.. Enum.GetValues<DayOfWeek>().Where(j => (actuelle!.JoursSemaine & 1 << (((int)j + 6) % 7)) != 0)];
        return DeclarerAbsence.EnregistrerAsync(Db, id, new AbsenceSaisie(MediateurId, du, au, jours, actuelle!.HeureDebut, actuelle.HeureFin, Raison),
            perimetre, Options, Horloge, ct);
    }

    protected override Task<ResultatFermeture> SupprimerAsync(int id, HashSet<int>? perimetre, CancellationToken ct) =>
        DeclarerAbsence.SupprimerAsync(Db, id, perimetre, Options, Horloge, ct);

    protected override string DateDebutManquante => "Indiquez la date du premier jour d'absence (jour/mois/année).";

    protected override async Task<(string Titre, string Bilan)> ModifieeAsync(ResultatFermeture r, DateOnly du, DateOnly au, CancellationToken ct)
    {
        var nom = await Db.Mediateurs.Where(m => m.Id == MediateurId).Select(m => m.Prenom + " " + m.Nom).FirstAsync(ct);
        return ("Absence modifiée", $"{nom} est absent(e) {ListeModel.Periode(du, au)}.\n" + Choix.Bilan(r, fermeture: false));
    }

    protected override (string Titre, string Bilan) Supprimee => ("Absence supprimée",
        "Les places de ce médiateur sont de nouveau proposées ces jours-là.\nLes rendez-vous déjà annulés le restent (les personnes ont été prévenues).");
}
