using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RendezvousAteliersConventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JetonAgenda",
                table: "Mediateurs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediateurId = table.Column<int>(type: "integer", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: false),
                    JoursSemaine = table.Column<int>(type: "integer", nullable: false),
                    HeureDebut = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    HeureFin = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Raison = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Absences_Mediateurs_MediateurId",
                        column: x => x.MediateurId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ateliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Themes = table.Column<string>(type: "text", nullable: true),
                    Niveau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Public = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MaterielNecessaire = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DureeMinutes = table.Column<int>(type: "integer", nullable: false),
                    Archive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ateliers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Intitule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CoordinateurId = table.Column<int>(type: "integer", nullable: false),
                    PartenaireId = table.Column<int>(type: "integer", nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: false),
                    CreneauxParSemaine = table.Column<int>(type: "integer", nullable: false),
                    AteliersParMois = table.Column<int>(type: "integer", nullable: false),
                    DateSignature = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferenceDeliberation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Gratuite = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Conventions_Structures_CoordinateurId",
                        column: x => x.CoordinateurId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Conventions_Structures_PartenaireId",
                        column: x => x.PartenaireId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Fermetures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LieuId = table.Column<int>(type: "integer", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: false),
                    Raison = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fermetures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Fermetures_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Motifs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DureeMinutes = table.Column<int>(type: "integer", nullable: false),
                    Collectif = table.Column<bool>(type: "boolean", nullable: false),
                    Canal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QuiReserve = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DocumentsAApporter = table.Column<string>(type: "text", nullable: true),
                    TexteApresReservation = table.Column<string>(type: "text", nullable: true),
                    DelaiMinimumHeures = table.Column<int>(type: "integer", nullable: false),
                    HorizonJours = table.Column<int>(type: "integer", nullable: false),
                    TamponMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Motifs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Canal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Corps = table.Column<string>(type: "text", nullable: false),
                    Ics = table.Column<string>(type: "text", nullable: true),
                    PrevueLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PerimeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Etat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnvoyeeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    ProchaineTentative = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Jeton = table.Column<Guid>(type: "uuid", nullable: true),
                    PriseLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DerniereErreur = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReservationId = table.Column<int>(type: "integer", nullable: true),
                    InscriptionId = table.Column<int>(type: "integer", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SessionsAteliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtelierId = table.Column<int>(type: "integer", nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: false),
                    ConventionId = table.Column<int>(type: "integer", nullable: true),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fin = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacite = table.Column<int>(type: "integer", nullable: false),
                    Inscrits = table.Column<int>(type: "integer", nullable: false),
                    Annulee = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionsAteliers", x => x.Id);
                    table.CheckConstraint("CK_SessionsAteliers_Places", "\"Inscrits\" >= 0 AND \"Inscrits\" <= \"Capacite\"");
                    table.ForeignKey(
                        name: "FK_SessionsAteliers_Ateliers_AtelierId",
                        column: x => x.AtelierId,
                        principalTable: "Ateliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionsAteliers_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Permanences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LieuId = table.Column<int>(type: "integer", nullable: false),
                    MotifId = table.Column<int>(type: "integer", nullable: false),
                    ConventionId = table.Column<int>(type: "integer", nullable: true),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoursSemaine = table.Column<int>(type: "integer", nullable: false),
                    IntervalleSemaines = table.Column<int>(type: "integer", nullable: false),
                    Rang = table.Column<int>(type: "integer", nullable: false),
                    JourDuMois = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HeureDebut = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    HeureFin = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "date", nullable: false),
                    DateFin = table.Column<DateOnly>(type: "date", nullable: true),
                    Archivee = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Permanences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Permanences_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Permanences_Motifs_MotifId",
                        column: x => x.MotifId,
                        principalTable: "Motifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Jeton = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Consentement = table.Column<bool>(type: "boolean", nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PromueLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnnuleeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnonymiseeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inscriptions_SessionsAteliers_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SessionsAteliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Creneaux",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PermanenceId = table.Column<int>(type: "integer", nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: false),
                    MotifId = table.Column<int>(type: "integer", nullable: false),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fin = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacite = table.Column<int>(type: "integer", nullable: false),
                    Reserves = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Creneaux", x => x.Id);
                    table.CheckConstraint("CK_Creneaux_Places", "\"Reserves\" >= 0 AND \"Reserves\" <= \"Capacite\"");
                    table.ForeignKey(
                        name: "FK_Creneaux_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Creneaux_Motifs_MotifId",
                        column: x => x.MotifId,
                        principalTable: "Motifs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Creneaux_Permanences_PermanenceId",
                        column: x => x.PermanenceId,
                        principalTable: "Permanences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PermanenceMediateur",
                columns: table => new
                {
                    MediateursId = table.Column<int>(type: "integer", nullable: false),
                    PermanenceId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermanenceMediateur", x => new { x.MediateursId, x.PermanenceId });
                    table.ForeignKey(
                        name: "FK_PermanenceMediateur_Mediateurs_MediateursId",
                        column: x => x.MediateursId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PermanenceMediateur_Permanences_PermanenceId",
                        column: x => x.PermanenceId,
                        principalTable: "Permanences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreneauId = table.Column<int>(type: "integer", nullable: false),
                    Jeton = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Objet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Consentement = table.Column<bool>(type: "boolean", nullable: false),
                    TiersNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TiersContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReserveParUtilisateurId = table.Column<string>(type: "text", nullable: true),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnnuleeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnonymiseeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reservations_Creneaux_CreneauId",
                        column: x => x.CreneauId,
                        principalTable: "Creneaux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Motifs",
                columns: new[] { "Id", "Canal", "Collectif", "DelaiMinimumHeures", "DocumentsAApporter", "DureeMinutes", "HorizonJours", "Nom", "QuiReserve", "TamponMinutes", "TexteApresReservation" },
                values: new object[,]
                {
                    { 1, "SurPlace", false, 2, "Votre téléphone ou votre ordinateur portable si vous en avez un, et vos identifiants.", 60, 91, "Accompagnement individuel", "Public", 0, "Un médiateur numérique vous recevra. Prévenez si vous ne pouvez pas venir : la place ira à quelqu'un d'autre." },
                    { 2, "SurPlace", false, 2, "Une pièce d'identité, vos identifiants (impots.gouv, CAF, Ameli…), les courriers ou documents concernés.", 45, 91, "Aide aux démarches administratives", "Public", 0, "Un médiateur vous aidera à faire votre démarche. Il ne la fera pas à votre place sans votre accord." },
                    { 3, "SurPlace", true, 2, null, 120, 91, "Atelier collectif", "Public", 0, "L'atelier se fait en petit groupe. Les ordinateurs sont fournis." }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mediateurs_JetonAgenda",
                table: "Mediateurs",
                column: "JetonAgenda",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mediateurs_UtilisateurId",
                table: "Mediateurs",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_Absences_MediateurId_DateDebut",
                table: "Absences",
                columns: new[] { "MediateurId", "DateDebut" });

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_CoordinateurId",
                table: "Conventions",
                column: "CoordinateurId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_LieuId",
                table: "Conventions",
                column: "LieuId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_PartenaireId",
                table: "Conventions",
                column: "PartenaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_Debut",
                table: "Creneaux",
                column: "Debut");

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_LieuId_Debut",
                table: "Creneaux",
                columns: new[] { "LieuId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_MotifId",
                table: "Creneaux",
                column: "MotifId");

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_PermanenceId_Debut",
                table: "Creneaux",
                columns: new[] { "PermanenceId", "Debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Fermetures_LieuId_DateDebut",
                table: "Fermetures",
                columns: new[] { "LieuId", "DateDebut" });

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_Jeton",
                table: "Inscriptions",
                column: "Jeton",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_SessionId_Statut_CreeLe",
                table: "Inscriptions",
                columns: new[] { "SessionId", "Statut", "CreeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Etat_PrevueLe",
                table: "Notifications",
                columns: new[] { "Etat", "PrevueLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_InscriptionId",
                table: "Notifications",
                column: "InscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ReservationId",
                table: "Notifications",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_PermanenceMediateur_PermanenceId",
                table: "PermanenceMediateur",
                column: "PermanenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Permanences_ConventionId",
                table: "Permanences",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_Permanences_LieuId",
                table: "Permanences",
                column: "LieuId");

            migrationBuilder.CreateIndex(
                name: "IX_Permanences_MotifId",
                table: "Permanences",
                column: "MotifId");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_CreneauId_Statut",
                table: "Reservations",
                columns: new[] { "CreneauId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Jeton",
                table: "Reservations",
                column: "Jeton",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionsAteliers_AtelierId",
                table: "SessionsAteliers",
                column: "AtelierId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionsAteliers_ConventionId",
                table: "SessionsAteliers",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionsAteliers_Debut",
                table: "SessionsAteliers",
                column: "Debut");

            migrationBuilder.CreateIndex(
                name: "IX_SessionsAteliers_LieuId",
                table: "SessionsAteliers",
                column: "LieuId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "Conventions");

            migrationBuilder.DropTable(
                name: "Fermetures");

            migrationBuilder.DropTable(
                name: "Inscriptions");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PermanenceMediateur");

            migrationBuilder.DropTable(
                name: "Reservations");

            migrationBuilder.DropTable(
                name: "SessionsAteliers");

            migrationBuilder.DropTable(
                name: "Creneaux");

            migrationBuilder.DropTable(
                name: "Ateliers");

            migrationBuilder.DropTable(
                name: "Permanences");

            migrationBuilder.DropTable(
                name: "Motifs");

            migrationBuilder.DropIndex(
                name: "IX_Mediateurs_JetonAgenda",
                table: "Mediateurs");

            migrationBuilder.DropIndex(
                name: "IX_Mediateurs_UtilisateurId",
                table: "Mediateurs");

            migrationBuilder.DropColumn(
                name: "JetonAgenda",
                table: "Mediateurs");
        }
    }
}
