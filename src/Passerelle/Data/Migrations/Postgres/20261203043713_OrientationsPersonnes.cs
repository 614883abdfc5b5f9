using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrientationsPersonnes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrientationsPersonnes",
                columns: table => new
                {
                    OrientationId = table.Column<int>(type: "integer", nullable: false),
                    BeneficiaireId = table.Column<int>(type: "integer", nullable: false),
                    Mois = table.Column<DateOnly>(type: "date", nullable: false),
                    Resultat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Avant = table.Column<DateOnly>(type: "date", nullable: true),
                    Apres = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrientationsPersonnes", x => x.OrientationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrientationsPersonnes_BeneficiaireId",
                table: "OrientationsPersonnes",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_OrientationsPersonnes_Mois",
                table: "OrientationsPersonnes",
                column: "Mois");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrientationsPersonnes");
        }
    }
}
