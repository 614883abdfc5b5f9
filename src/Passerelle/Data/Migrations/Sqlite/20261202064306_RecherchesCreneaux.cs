using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecherchesCreneaux : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecherchesCreneaux",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jour = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CodePostal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MotifId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelaiJours = table.Column<int>(type: "INTEGER", nullable: false),
                    Nombre = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecherchesCreneaux", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecherchesCreneaux_Jour_Commune_MotifId_DelaiJours",
                table: "RecherchesCreneaux",
                columns: new[] { "Jour", "Commune", "MotifId", "DelaiJours" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecherchesCreneaux");
        }
    }
}
