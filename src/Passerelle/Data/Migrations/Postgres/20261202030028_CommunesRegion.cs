using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunesRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CodeRegion",
                table: "Communes",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communes_CodeRegion",
                table: "Communes",
                column: "CodeRegion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Communes_CodeRegion",
                table: "Communes");

            migrationBuilder.DropColumn(
                name: "CodeRegion",
                table: "Communes");
        }
    }
}
