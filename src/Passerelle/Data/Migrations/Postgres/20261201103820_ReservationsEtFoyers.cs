using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReservationsEtFoyers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FoyerCle",
                table: "Ventes",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReserveJusquAu",
                table: "Appareils",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservePour",
                table: "Appareils",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ventes_FoyerCle_VenduLe",
                table: "Ventes",
                columns: new[] { "FoyerCle", "VenduLe" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ventes_FoyerCle_VenduLe",
                table: "Ventes");

            migrationBuilder.DropColumn(
                name: "FoyerCle",
                table: "Ventes");

            migrationBuilder.DropColumn(
                name: "ReserveJusquAu",
                table: "Appareils");

            migrationBuilder.DropColumn(
                name: "ReservePour",
                table: "Appareils");
        }
    }
}
