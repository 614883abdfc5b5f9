using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClassesCommunes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FaitsPersonnes_Dimension_Valeur_Avant_Apres",
                table: "FaitsPersonnes");

            migrationBuilder.AddColumn<string>(
                name: "Classe",
                table: "FaitsPersonnes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApportsCommunes",
                columns: table => new
                {
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Classe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mois = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApportsCommunes", x => new { x.BeneficiaireId, x.Classe });
                });

            migrationBuilder.CreateTable(
                name: "ClassesLieux",
                columns: table => new
                {
                    LieuId = table.Column<int>(type: "INTEGER", nullable: false),
                    Classe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassesLieux", x => x.LieuId);
                });

            migrationBuilder.CreateTable(
                name: "GraphiesCommunes",
                columns: table => new
                {
                    Classe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GraphiesCommunes", x => new { x.Classe, x.Commune });
                });

            migrationBuilder.CreateTable(
                name: "OrientationsCommunes",
                columns: table => new
                {
                    OrientationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Classe = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mois = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Resultat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Avant = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Apres = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrientationsCommunes", x => new { x.OrientationId, x.Classe });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaitsPersonnes_Classe_Dimension_Valeur_Avant_Apres",
                table: "FaitsPersonnes",
                columns: new[] { "Classe", "Dimension", "Valeur", "Avant", "Apres" });

            migrationBuilder.CreateIndex(
                name: "IX_ApportsCommunes_Classe",
                table: "ApportsCommunes",
                column: "Classe");

            migrationBuilder.CreateIndex(
                name: "IX_ClassesLieux_Classe",
                table: "ClassesLieux",
                column: "Classe");

            migrationBuilder.CreateIndex(
                name: "IX_OrientationsCommunes_BeneficiaireId",
                table: "OrientationsCommunes",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_OrientationsCommunes_Classe_Mois",
                table: "OrientationsCommunes",
                columns: new[] { "Classe", "Mois" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApportsCommunes");

            migrationBuilder.DropTable(
                name: "ClassesLieux");

            migrationBuilder.DropTable(
                name: "GraphiesCommunes");

            migrationBuilder.DropTable(
                name: "OrientationsCommunes");

            migrationBuilder.DropIndex(
                name: "IX_FaitsPersonnes_Classe_Dimension_Valeur_Avant_Apres",
                table: "FaitsPersonnes");

            migrationBuilder.DropColumn(
                name: "Classe",
                table: "FaitsPersonnes");

            migrationBuilder.CreateIndex(
                name: "IX_FaitsPersonnes_Dimension_Valeur_Avant_Apres",
                table: "FaitsPersonnes",
                columns: new[] { "Dimension", "Valeur", "Avant", "Apres" });
        }
    }
}
