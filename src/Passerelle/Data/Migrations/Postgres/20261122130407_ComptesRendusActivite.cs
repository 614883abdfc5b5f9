using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComptesRendusActivite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediateurId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DureeMinutes = table.Column<int>(type: "integer", nullable: false),
                    TypeLieu = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LieuId = table.Column<int>(type: "integer", nullable: true),
                    Commune = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Materiel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ThemesDemarches = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NomDemarche = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Autonomie = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Niveau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Orientation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ParticipantsAnonymes = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReservationId = table.Column<int>(type: "integer", nullable: true),
                    SessionAtelierId = table.Column<int>(type: "integer", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifieLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreePar = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activites", x => x.Id);
                    table.CheckConstraint("CK_Activites_Duree", "\"DureeMinutes\" > 0 AND \"DureeMinutes\" <= 1440");
                    table.ForeignKey(
                        name: "FK_Activites_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activites_Mediateurs_MediateurId",
                        column: x => x.MediateurId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activites_Date",
                table: "Activites",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Activites_LieuId",
                table: "Activites",
                column: "LieuId");

            migrationBuilder.CreateIndex(
                name: "IX_Activites_MediateurId_Date",
                table: "Activites",
                columns: new[] { "MediateurId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Activites_ReservationId",
                table: "Activites",
                column: "ReservationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activites_SessionAtelierId",
                table: "Activites",
                column: "SessionAtelierId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Activites");
        }
    }
}
