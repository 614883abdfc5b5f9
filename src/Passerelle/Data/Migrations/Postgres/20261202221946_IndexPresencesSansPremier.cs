using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexPresencesSansPremier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PresencesPersonnes_SansPremier",
                table: "PresencesPersonnes",
                column: "BeneficiaireId",
                filter: "\"Premier\" < '1000-01-01'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PresencesPersonnes_SansPremier",
                table: "PresencesPersonnes");
        }
    }
}
