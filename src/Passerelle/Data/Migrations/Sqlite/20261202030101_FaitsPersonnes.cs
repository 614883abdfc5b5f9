using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FaitsPersonnes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApportsPersonnes",
                columns: table => new
                {
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mois = table.Column<string>(type: "TEXT", nullable: false),
                    Premier = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Suivi = table.Column<bool>(type: "INTEGER", nullable: false),
                    Genre = table.Column<string>(type: "TEXT", nullable: false),
                    AnneeNaissance = table.Column<int>(type: "INTEGER", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", nullable: false),
                    Situation = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApportsPersonnes", x => x.BeneficiaireId);
                });

            migrationBuilder.CreateTable(
                name: "FaitsPersonnes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Avant = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Apres = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Valeur = table.Column<string>(type: "TEXT", nullable: true),
                    Personnes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaitsPersonnes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarquesPersonnes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarquesPersonnes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PresencesPersonnes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Mois = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LieuId = table.Column<int>(type: "INTEGER", nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresencesPersonnes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaitsPersonnes_Dimension_Valeur_Avant_Apres",
                table: "FaitsPersonnes",
                columns: new[] { "Dimension", "Valeur", "Avant", "Apres" });

            migrationBuilder.CreateIndex(
                name: "IX_PresencesPersonnes_BeneficiaireId_Mois",
                table: "PresencesPersonnes",
                columns: new[] { "BeneficiaireId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_PresencesPersonnes_Commune_Mois",
                table: "PresencesPersonnes",
                columns: new[] { "Commune", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_PresencesPersonnes_LieuId_Mois",
                table: "PresencesPersonnes",
                columns: new[] { "LieuId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_PresencesPersonnes_Mois_BeneficiaireId",
                table: "PresencesPersonnes",
                columns: new[] { "Mois", "BeneficiaireId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApportsPersonnes");

            migrationBuilder.DropTable(
                name: "FaitsPersonnes");

            migrationBuilder.DropTable(
                name: "MarquesPersonnes");

            migrationBuilder.DropTable(
                name: "PresencesPersonnes");
        }
    }
}
