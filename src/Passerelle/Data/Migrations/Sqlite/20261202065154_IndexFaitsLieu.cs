using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexFaitsLieu : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FaitsActivites_Mois_Lieu",
                table: "FaitsActivites",
                column: "Mois",
                filter: "\"Dimension\" = 'lieu'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FaitsActivites_Mois_Lieu",
                table: "FaitsActivites");
        }
    }
}
