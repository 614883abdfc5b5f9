using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Genre",
                table: "PresencesPersonnes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Premier",
                table: "PresencesPersonnes",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Situation",
                table: "PresencesPersonnes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Statut",
                table: "PresencesPersonnes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Suivi",
                table: "PresencesPersonnes",
                type: "INTEGER",
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
