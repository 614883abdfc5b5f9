using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FichesUnicitePersonneNonDoublons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailNormalise",
                table: "Reservations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailNormalise",
                table: "Inscriptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NonDoublons",
                columns: table => new
                {
                    BeneficiaireA = table.Column<int>(type: "integer", nullable: false),
                    BeneficiaireB = table.Column<int>(type: "integer", nullable: false),
                    Le = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Par = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonDoublons", x => new { x.BeneficiaireA, x.BeneficiaireB });
                    table.CheckConstraint("CK_NonDoublons_Ordre", "\"BeneficiaireA\" < \"BeneficiaireB\"");
                    table.ForeignKey(
                        name: "FK_NonDoublons_Beneficiaires_BeneficiaireA",
                        column: x => x.BeneficiaireA,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NonDoublons_Beneficiaires_BeneficiaireB",
                        column: x => x.BeneficiaireB,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Personne_Email",
                table: "Reservations",
                columns: new[] { "CreneauId", "EmailNormalise" },
                unique: true,
                filter: "\"EmailNormalise\" IS NOT NULL AND \"Statut\" = 'Confirmee'");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Personne_Telephone",
                table: "Reservations",
                columns: new[] { "CreneauId", "Telephone" },
                unique: true,
                filter: "\"Telephone\" IS NOT NULL AND \"Statut\" = 'Confirmee'");

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_Personne_Email",
                table: "Inscriptions",
                columns: new[] { "SessionId", "EmailNormalise" },
                unique: true,
                filter: "\"EmailNormalise\" IS NOT NULL AND \"Statut\" IN ('Inscrit', 'ListeAttente')");

            migrationBuilder.CreateIndex(
                name: "IX_Inscriptions_Personne_Telephone",
                table: "Inscriptions",
                columns: new[] { "SessionId", "Telephone" },
                unique: true,
                filter: "\"Telephone\" IS NOT NULL AND \"Statut\" IN ('Inscrit', 'ListeAttente')");

            migrationBuilder.CreateIndex(
                name: "IX_NonDoublons_BeneficiaireB",
                table: "NonDoublons",
                column: "BeneficiaireB");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NonDoublons");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Personne_Email",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Personne_Telephone",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Inscriptions_Personne_Email",
                table: "Inscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Inscriptions_Personne_Telephone",
                table: "Inscriptions");

            migrationBuilder.DropColumn(
                name: "EmailNormalise",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "EmailNormalise",
                table: "Inscriptions");
        }
    }
}
