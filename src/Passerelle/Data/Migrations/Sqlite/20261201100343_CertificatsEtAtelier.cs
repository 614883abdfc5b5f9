using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificatsEtAtelier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Effacements_SupportId",
                table: "Effacements");

            migrationBuilder.AddColumn<string>(
                name: "Reserve",
                table: "Effacements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { "atelier", "Atelier", "Atelier", "ATELIER" });

            migrationBuilder.CreateIndex(
                name: "IX_Effacements_SupportId_CertificatSha256",
                table: "Effacements",
                columns: new[] { "SupportId", "CertificatSha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Effacements_SupportId_CertificatSha256",
                table: "Effacements");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "atelier");

            migrationBuilder.DropColumn(
                name: "Reserve",
                table: "Effacements");

            migrationBuilder.CreateIndex(
                name: "IX_Effacements_SupportId",
                table: "Effacements",
                column: "SupportId");
        }
    }
}
