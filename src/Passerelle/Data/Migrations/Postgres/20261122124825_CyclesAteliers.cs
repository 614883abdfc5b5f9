using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CyclesAteliers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Cycle",
                table: "SessionsAteliers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Groupe",
                table: "Inscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionsAteliers_Cycle",
                table: "SessionsAteliers",
                column: "Cycle");

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_Groupe",
                table: "Inscriptions",
                column: "Groupe");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionsAteliers_Cycle",
                table: "SessionsAteliers");

            migrationBuilder.DropIndex(
                name: "IX_Inscriptions_Groupe",
                table: "Inscriptions");

            migrationBuilder.DropColumn(
                name: "Cycle",
                table: "SessionsAteliers");

            migrationBuilder.DropColumn(
                name: "Groupe",
                table: "Inscriptions");
        }
    }
}
