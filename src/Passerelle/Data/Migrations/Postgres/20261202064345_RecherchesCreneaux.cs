using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Jour = table.Column<DateOnly>(type: "date", nullable: false),
                    CodePostal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MotifId = table.Column<int>(type: "integer", nullable: false),
                    DelaiJours = table.Column<int>(type: "integer", nullable: false),
                    Nombre = table.Column<int>(type: "integer", nullable: false)
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
