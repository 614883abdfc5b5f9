using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParcoursPresencesIndexEquipement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.CreateTable(
                name: "FeuillesPresence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohorteId = table.Column<int>(type: "integer", nullable: false),
                    Le = table.Column<DateOnly>(type: "date", nullable: false),
                    Seance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinutesPrevues = table.Column<int>(type: "integer", nullable: false),
                    SigneePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SaisiePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SaisieLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeuillesPresence", x => x.Id);
                    table.CheckConstraint("CK_FeuillesPresence_Minutes", "\"MinutesPrevues\" > 0 AND \"MinutesPrevues\" <= 720");
                    table.CheckConstraint("CK_FeuillesPresence_Seance", "\"Seance\" IN ('matin', 'apres_midi', 'journee', 'soir')");
                    table.ForeignKey(
                        name: "FK_FeuillesPresence_Cohortes_CohorteId",
                        column: x => x.CohorteId,
                        principalTable: "Cohortes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImmersionsParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InscriptionId = table.Column<int>(type: "integer", nullable: false),
                    Entreprise = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: false),
                    Tuteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Bilan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImmersionsParcours", x => x.Id);
                    table.CheckConstraint("CK_ImmersionsParcours_Dates", "\"Fin\" >= \"Debut\"");
                    table.ForeignKey(
                        name: "FK_ImmersionsParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectifsPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InscriptionId = table.Column<int>(type: "integer", nullable: false),
                    Axe = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AccordLe = table.Column<DateOnly>(type: "date", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectifsPlan", x => x.Id);
                    table.CheckConstraint("CK_ObjectifsPlan_Axe", "\"Axe\" IN ('projet', 'competences', 'mobilite', 'logement', 'sante', 'numerique', 'autre')");
                    table.CheckConstraint("CK_ObjectifsPlan_Statut", "\"Statut\" IN ('en_cours', 'atteint', 'abandonne')");
                    table.ForeignKey(
                        name: "FK_ObjectifsPlan_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PresencesParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FeuillePresenceId = table.Column<int>(type: "integer", nullable: false),
                    InscriptionId = table.Column<int>(type: "integer", nullable: false),
                    Statut = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresencesParcours", x => x.Id);
                    table.CheckConstraint("CK_PresencesParcours_Minutes", "\"Minutes\" >= 0 AND \"Minutes\" <= 720 AND (\"Statut\" IN ('present', 'retard') OR \"Minutes\" = 0)");
                    table.CheckConstraint("CK_PresencesParcours_Statut", "\"Statut\" IN ('present', 'excuse', 'absent', 'retard')");
                    table.ForeignKey(
                        name: "FK_PresencesParcours_FeuillesPresence_FeuillePresenceId",
                        column: x => x.FeuillePresenceId,
                        principalTable: "FeuillesPresence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PresencesParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionsPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ObjectifPlanId = table.Column<int>(type: "integer", nullable: false),
                    Intitule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: true),
                    Echeance = table.Column<DateOnly>(type: "date", nullable: true),
                    Structure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionsPlan", x => x.Id);
                    table.CheckConstraint("CK_ActionsPlan_Dates", "\"Echeance\" IS NULL OR \"Debut\" IS NULL OR \"Echeance\" >= \"Debut\"");
                    table.CheckConstraint("CK_ActionsPlan_Statut", "\"Statut\" IN ('planifiee', 'en_cours', 'realisee', 'abandonnee', 'en_attente')");
                    table.ForeignKey(
                        name: "FK_ActionsPlan_ObjectifsPlan_ObjectifPlanId",
                        column: x => x.ObjectifPlanId,
                        principalTable: "ObjectifsPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Vers_Le_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Vers", "Le", "AppareilId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionsPlan_ObjectifPlanId",
                table: "ActionsPlan",
                column: "ObjectifPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FeuillesPresence_CohorteId_Le_Seance",
                table: "FeuillesPresence",
                columns: new[] { "CohorteId", "Le", "Seance" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImmersionsParcours_InscriptionId",
                table: "ImmersionsParcours",
                column: "InscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectifsPlan_InscriptionId",
                table: "ObjectifsPlan",
                column: "InscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_PresencesParcours_FeuillePresenceId_InscriptionId",
                table: "PresencesParcours",
                columns: new[] { "FeuillePresenceId", "InscriptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PresencesParcours_InscriptionId",
                table: "PresencesParcours",
                column: "InscriptionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionsPlan");

            migrationBuilder.DropTable(
                name: "ImmersionsParcours");

            migrationBuilder.DropTable(
                name: "PresencesParcours");

            migrationBuilder.DropTable(
                name: "ObjectifsPlan");

            migrationBuilder.DropTable(
                name: "FeuillesPresence");

            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Vers_Le_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Le", "Vers", "AppareilId" });
        }
    }
}
