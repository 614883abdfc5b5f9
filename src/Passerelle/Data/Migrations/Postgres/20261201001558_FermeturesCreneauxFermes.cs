using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FermeturesCreneauxFermes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MotifAnnulation",
                table: "SessionsAteliers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MotifAnnulation",
                table: "Reservations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Reservations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Ferme",
                table: "Creneaux",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MotifAnnulation",
                table: "SessionsAteliers");

            migrationBuilder.DropColumn(
                name: "MotifAnnulation",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "Ferme",
                table: "Creneaux");
        }
    }
}
