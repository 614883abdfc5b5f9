using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FenetreReservationEnLigne : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EnLigne",
                table: "Creneaux",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FermetureEnLigne",
                table: "Creneaux",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "OuvertureEnLigne",
                table: "Creneaux",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_EnLigne_FermetureEnLigne",
                table: "Creneaux",
                columns: new[] { "EnLigne", "FermetureEnLigne" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Creneaux_EnLigne_FermetureEnLigne",
                table: "Creneaux");

            migrationBuilder.DropColumn(
                name: "EnLigne",
                table: "Creneaux");

            migrationBuilder.DropColumn(
                name: "FermetureEnLigne",
                table: "Creneaux");

            migrationBuilder.DropColumn(
                name: "OuvertureEnLigne",
                table: "Creneaux");
        }
    }
}
