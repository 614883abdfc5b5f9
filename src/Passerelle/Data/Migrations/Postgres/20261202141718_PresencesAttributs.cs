using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PresencesAttributs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnneeNaissance",
                table: "PresencesPersonnes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Genre",
                table: "PresencesPersonnes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Premier",
                table: "PresencesPersonnes",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Situation",
                table: "PresencesPersonnes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "PresencesPersonnes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Suivi",
                table: "PresencesPersonnes",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnneeNaissance",
                table: "PresencesPersonnes");

            migrationBuilder.DropColumn(
                name: "Genre",
                table: "PresencesPersonnes");

            migrationBuilder.DropColumn(
                name: "Premier",
                table: "PresencesPersonnes");

            migrationBuilder.DropColumn(
                name: "Situation",
                table: "PresencesPersonnes");

            migrationBuilder.DropColumn(
                name: "Statut",
                table: "PresencesPersonnes");

            migrationBuilder.DropColumn(
                name: "Suivi",
                table: "PresencesPersonnes");
        }
    }
}
