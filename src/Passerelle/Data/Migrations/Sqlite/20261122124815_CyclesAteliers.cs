using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Groupe",
                table: "Inscriptions",
                type: "TEXT",
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
