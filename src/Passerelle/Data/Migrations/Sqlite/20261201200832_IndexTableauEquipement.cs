using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexTableauEquipement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Vers_Le_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Vers", "Le", "AppareilId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Vers_Le_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Le", "Vers", "AppareilId" });
        }
    }
}
