using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComptesInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProfilCompte",
                columns: table => new
                {
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InviteLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DerniereConnexion = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Financeur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfilCompte", x => x.UtilisateurId);
                    table.ForeignKey(
                        name: "FK_ProfilCompte_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfilCompte");
        }
    }
}
