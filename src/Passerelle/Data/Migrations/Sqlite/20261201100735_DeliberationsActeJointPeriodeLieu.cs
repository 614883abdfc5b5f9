using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliberationsActeJointPeriodeLieu : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FichierNom",
                table: "VersionsDeliberations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FichierSha256",
                table: "VersionsDeliberations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Engagements",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FichierSha256",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FichierTaille",
                table: "Deliberations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lieu",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodeDebut",
                table: "Deliberations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodeFin",
                table: "Deliberations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActesDeposes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    DeposePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeposeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActesDeposes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActesDeposes_DeposeLe",
                table: "ActesDeposes",
                column: "DeposeLe");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActesDeposes");

            migrationBuilder.DropColumn(
                name: "FichierNom",
                table: "VersionsDeliberations");

            migrationBuilder.DropColumn(
                name: "FichierSha256",
                table: "VersionsDeliberations");

            migrationBuilder.DropColumn(
                name: "Engagements",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "FichierSha256",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "FichierTaille",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "Lieu",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "PeriodeDebut",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "PeriodeFin",
                table: "Deliberations");
        }
    }
}
