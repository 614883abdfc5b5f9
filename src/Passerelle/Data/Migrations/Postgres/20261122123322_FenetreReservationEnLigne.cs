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
            migrationBuilder.AddColumn<string>(
                name: "CodePostal",
                table: "Creneaux",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommuneRecherche",
                table: "Creneaux",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

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
                name: "IX_Creneaux_CodePostal_Debut",
                table: "Creneaux",
                columns: new[] { "CodePostal", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_Creneaux_CommuneRecherche_Debut",
                table: "Creneaux",
                columns: new[] { "CommuneRecherche", "Debut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Creneaux_CodePostal_Debut",
                table: "Creneaux");

            migrationBuilder.DropIndex(
                name: "IX_Creneaux_CommuneRecherche_Debut",
                table: "Creneaux");

            migrationBuilder.DropColumn(
                name: "CodePostal",
                table: "Creneaux");

            migrationBuilder.DropColumn(
                name: "CommuneRecherche",
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
