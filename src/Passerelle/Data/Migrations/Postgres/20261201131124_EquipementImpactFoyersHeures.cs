using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EquipementImpactFoyersHeures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Le", "Vers", "AppareilId" });

            migrationBuilder.AddColumn<string>(
                name: "CodeQpv",
                table: "Ventes",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SituationQpv",
                table: "Ventes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AchatsFoyers",
                columns: table => new
                {
                    FoyerCle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DernierAchat = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AchatsFoyers", x => x.FoyerCle);
                });

            migrationBuilder.CreateTable(
                name: "FacteursCo2",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EmpreinteNeufGrammes = table.Column<long>(type: "bigint", nullable: false),
                    EviteParAnGrammes = table.Column<long>(type: "bigint", nullable: false),
                    AnneesSecondeVie = table.Column<int>(type: "integer", nullable: false),
                    ValableDu = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacteursCo2", x => x.Id);
                    table.CheckConstraint("CK_FacteursCo2_Positifs", "\"EmpreinteNeufGrammes\" >= 0 AND \"EviteParAnGrammes\" >= 0 AND \"AnneesSecondeVie\" BETWEEN 0 AND 20");
                });

            migrationBuilder.CreateTable(
                name: "HeuresInsertion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mois = table.Column<DateOnly>(type: "date", nullable: false),
                    Categorie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Activite = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Personnes = table.Column<int>(type: "integer", nullable: false),
                    SaisiPar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SaisiLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeuresInsertion", x => x.Id);
                    table.CheckConstraint("CK_HeuresInsertion_Valeurs", "\"Minutes\" BETWEEN 0 AND 10000000 AND \"Personnes\" BETWEEN 0 AND 10000");
                });

            migrationBuilder.CreateTable(
                name: "BilansAppareils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppareilId = table.Column<int>(type: "integer", nullable: false),
                    Issue = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FacteurCo2Id = table.Column<int>(type: "integer", nullable: true),
                    AnneesSupposees = table.Column<int>(type: "integer", nullable: false),
                    Co2eEviteGrammes = table.Column<long>(type: "bigint", nullable: false),
                    MasseGrammes = table.Column<long>(type: "bigint", nullable: false),
                    Le = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BilansAppareils", x => x.Id);
                    table.CheckConstraint("CK_BilansAppareils_Issue", "\"Issue\" IN ('reemploi','recyclage')");
                    table.ForeignKey(
                        name: "FK_BilansAppareils_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BilansAppareils_FacteursCo2_FacteurCo2Id",
                        column: x => x.FacteurCo2Id,
                        principalTable: "FacteursCo2",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BilansAppareils_AppareilId",
                table: "BilansAppareils",
                column: "AppareilId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BilansAppareils_FacteurCo2Id",
                table: "BilansAppareils",
                column: "FacteurCo2Id");

            migrationBuilder.CreateIndex(
                name: "IX_BilansAppareils_Le",
                table: "BilansAppareils",
                column: "Le");

            migrationBuilder.CreateIndex(
                name: "IX_FacteursCo2_Type_ValableDu",
                table: "FacteursCo2",
                columns: new[] { "Type", "ValableDu" });

            migrationBuilder.CreateIndex(
                name: "IX_FacteursCo2_Version_Type",
                table: "FacteursCo2",
                columns: new[] { "Version", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeuresInsertion_Site_Mois_Categorie_Activite",
                table: "HeuresInsertion",
                columns: new[] { "Site", "Mois", "Categorie", "Activite" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.DropTable(
                name: "AchatsFoyers");

            migrationBuilder.DropTable(
                name: "BilansAppareils");

            migrationBuilder.DropTable(
                name: "HeuresInsertion");

            migrationBuilder.DropTable(
                name: "FacteursCo2");

            migrationBuilder.DropColumn(
                name: "CodeQpv",
                table: "Ventes");

            migrationBuilder.DropColumn(
                name: "SituationQpv",
                table: "Ventes");
        }
    }
}
