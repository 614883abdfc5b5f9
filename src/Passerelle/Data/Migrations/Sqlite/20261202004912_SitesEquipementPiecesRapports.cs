using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SitesEquipementPiecesRapports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Site",
                table: "Lots",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Site",
                table: "EvenementsAppareils",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PiecesRapports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RapportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DeposePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeposeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesRapports", x => x.Id);
                    table.CheckConstraint("CK_PiecesRapports_Taille", "\"Taille\" > 0 AND \"Taille\" <= 10485760");
                    table.ForeignKey(
                        name: "FK_PiecesRapports_RapportsFinanciers_RapportId",
                        column: x => x.RapportId,
                        principalTable: "RapportsFinanciers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PiecesRapports_RapportId_Sha256",
                table: "PiecesRapports",
                columns: new[] { "RapportId", "Sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PiecesRapports");

            migrationBuilder.DropColumn(
                name: "Site",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "Site",
                table: "EvenementsAppareils");
        }
    }
}
