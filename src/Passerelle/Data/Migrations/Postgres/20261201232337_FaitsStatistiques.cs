using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FaitsStatistiques : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FaitsActivites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mois = table.Column<DateOnly>(type: "date", nullable: false),
                    Territoire = table.Column<bool>(type: "boolean", nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: true),
                    Commune = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Valeur = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: true),
                    Accompagnements = table.Column<int>(type: "integer", nullable: false),
                    Activites = table.Column<int>(type: "integer", nullable: false),
                    Anonymes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaitsActivites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MarquesFaits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Mois = table.Column<DateOnly>(type: "date", nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: true),
                    Commune = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarquesFaits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FaitsActivites_Commune_Mois",
                table: "FaitsActivites",
                columns: new[] { "Commune", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_FaitsActivites_LieuId_Mois",
                table: "FaitsActivites",
                columns: new[] { "LieuId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_FaitsActivites_Territoire_Mois",
                table: "FaitsActivites",
                columns: new[] { "Territoire", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_MarquesFaits_Mois",
                table: "MarquesFaits",
                column: "Mois");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaitsActivites");

            migrationBuilder.DropTable(
                name: "MarquesFaits");
        }
    }
}
