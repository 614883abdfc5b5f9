using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FinancementChaine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EngageCentimes",
                table: "Subventions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PayeCentimes",
                table: "Subventions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RangActe",
                table: "Subventions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JournalFinancement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Le = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Par = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Objet = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ObjetId = table.Column<int>(type: "integer", nullable: false),
                    Champ = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Ancien = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Nouveau = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalFinancement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MouvementsSubventions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubventionId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MontantCentimes = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Numero = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    EnregistreLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnregistrePar = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MouvementsSubventions", x => x.Id);
                    table.CheckConstraint("CK_MouvementsSubventions_Signe", "(\"Type\" IN ('engagement', 'mandat') AND \"MontantCentimes\" > 0) OR (\"Type\" IN ('annulation', 'reversement', 'avoir') AND \"MontantCentimes\" < 0)");
                    table.ForeignKey(
                        name: "FK_MouvementsSubventions_Subventions_SubventionId",
                        column: x => x.SubventionId,
                        principalTable: "Subventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Subventions_DeliberationId_RangActe",
                table: "Subventions",
                columns: new[] { "DeliberationId", "RangActe" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Subventions_Engage",
                table: "Subventions",
                sql: "\"EngageCentimes\" >= 0 AND \"EngageCentimes\" <= \"MontantCentimes\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Subventions_Paye",
                table: "Subventions",
                sql: "\"PayeCentimes\" >= 0 AND \"PayeCentimes\" <= \"MontantCentimes\"");

            migrationBuilder.CreateIndex(
                name: "IX_JournalFinancement_Objet_ObjetId",
                table: "JournalFinancement",
                columns: new[] { "Objet", "ObjetId" });

            migrationBuilder.CreateIndex(
                name: "IX_MouvementsSubventions_SubventionId_Date",
                table: "MouvementsSubventions",
                columns: new[] { "SubventionId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JournalFinancement");

            migrationBuilder.DropTable(
                name: "MouvementsSubventions");

            migrationBuilder.DropIndex(
                name: "IX_Subventions_DeliberationId_RangActe",
                table: "Subventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subventions_Engage",
                table: "Subventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subventions_Paye",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "EngageCentimes",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "PayeCentimes",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "RangActe",
                table: "Subventions");
        }
    }
}
