using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistreDeliberations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeliberationId",
                table: "Conventions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Deliberations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CollectiviteNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CollectiviteSiret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Organe = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Numero = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateSeance = table.Column<DateOnly>(type: "date", nullable: false),
                    Objet = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MatiereCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    President = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Rapporteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MembresEnExercice = table.Column<int>(type: "integer", nullable: true),
                    Presents = table.Column<int>(type: "integer", nullable: true),
                    Representes = table.Column<int>(type: "integer", nullable: true),
                    Excuses = table.Column<int>(type: "integer", nullable: true),
                    NomsPresence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Unanimite = table.Column<bool>(type: "boolean", nullable: false),
                    VotePour = table.Column<int>(type: "integer", nullable: true),
                    VoteContre = table.Column<int>(type: "integer", nullable: true),
                    VoteAbstention = table.Column<int>(type: "integer", nullable: true),
                    NonParticipation = table.Column<int>(type: "integer", nullable: true),
                    Adoptee = table.Column<bool>(type: "boolean", nullable: false),
                    BudgetAnnee = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    BudgetNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PrefId = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    DateTransmission = table.Column<DateOnly>(type: "date", nullable: true),
                    IdentifiantActes = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DatePublication = table.Column<DateOnly>(type: "date", nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Fichier = table.Column<byte[]>(type: "bytea", nullable: true),
                    FichierNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FichierType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImputationAnnee = table.Column<int>(type: "integer", nullable: true),
                    ImputationSousPolitique = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ImputationChapitre = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ImputationNature = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ImputationFonction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliberations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MontantsAutorises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeliberationId = table.Column<int>(type: "integer", nullable: false),
                    Rang = table.Column<int>(type: "integer", nullable: false),
                    Beneficiaire = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MontantCentimes = table.Column<long>(type: "bigint", nullable: false),
                    Nature = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MontantsAutorises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MontantsAutorises_Deliberations_DeliberationId",
                        column: x => x.DeliberationId,
                        principalTable: "Deliberations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VersionsDeliberations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeliberationId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EnregistreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnregistreePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Motif = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Contenu = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsDeliberations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VersionsDeliberations_Deliberations_DeliberationId",
                        column: x => x.DeliberationId,
                        principalTable: "Deliberations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_DeliberationId",
                table: "Conventions",
                column: "DeliberationId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliberations_CollectiviteSiret_Numero",
                table: "Deliberations",
                columns: new[] { "CollectiviteSiret", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliberations_DateSeance",
                table: "Deliberations",
                column: "DateSeance");

            migrationBuilder.CreateIndex(
                name: "IX_MontantsAutorises_DeliberationId",
                table: "MontantsAutorises",
                column: "DeliberationId");

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeliberations_DeliberationId_Version",
                table: "VersionsDeliberations",
                columns: new[] { "DeliberationId", "Version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Conventions_Deliberations_DeliberationId",
                table: "Conventions",
                column: "DeliberationId",
                principalTable: "Deliberations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conventions_Deliberations_DeliberationId",
                table: "Conventions");

            migrationBuilder.DropTable(
                name: "MontantsAutorises");

            migrationBuilder.DropTable(
                name: "VersionsDeliberations");

            migrationBuilder.DropTable(
                name: "Deliberations");

            migrationBuilder.DropIndex(
                name: "IX_Conventions_DeliberationId",
                table: "Conventions");

            migrationBuilder.DropColumn(
                name: "DeliberationId",
                table: "Conventions");
        }
    }
}
