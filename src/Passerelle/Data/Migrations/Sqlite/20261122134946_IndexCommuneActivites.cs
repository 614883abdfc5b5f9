using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexCommuneActivites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activites_LieuId",
                table: "Activites");

            migrationBuilder.CreateIndex(
                name: "IX_Activites_Commune_Date",
                table: "Activites",
                columns: new[] { "Commune", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Activites_LieuId_Date",
                table: "Activites",
                columns: new[] { "LieuId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activites_Commune_Date",
                table: "Activites");

            migrationBuilder.DropIndex(
                name: "IX_Activites_LieuId_Date",
                table: "Activites");

            migrationBuilder.CreateIndex(
                name: "IX_Activites_LieuId",
                table: "Activites",
                column: "LieuId");
        }
    }
}
