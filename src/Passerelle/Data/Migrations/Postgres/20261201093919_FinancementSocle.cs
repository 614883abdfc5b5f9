using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FinancementSocle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Financeurs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Nom = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Genre = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    Demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Financeurs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Financeurs_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enveloppes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinanceurId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Exercice = table.Column<int>(type: "integer", nullable: false),
                    Libelle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SousPolitique = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Chapitre = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Nature = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Fonction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    MontantPrevuCentimes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enveloppes", x => x.Id);
                    table.CheckConstraint("CK_Enveloppes_Montant", "\"MontantPrevuCentimes\" >= 0");
                    table.ForeignKey(
                        name: "FK_Enveloppes_Enveloppes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Enveloppes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enveloppes_Financeurs_FinanceurId",
                        column: x => x.FinanceurId,
                        principalTable: "Financeurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Subventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinanceurId = table.Column<int>(type: "integer", nullable: false),
                    EnveloppeId = table.Column<int>(type: "integer", nullable: true),
                    DeliberationId = table.Column<int>(type: "integer", nullable: true),
                    ReferenceDecision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    BeneficiaireId = table.Column<int>(type: "integer", nullable: false),
                    Exercice = table.Column<int>(type: "integer", nullable: false),
                    Objet = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MontantCentimes = table.Column<long>(type: "bigint", nullable: false),
                    MontantTotalCentimes = table.Column<long>(type: "bigint", nullable: true),
                    PartDixMilliemes = table.Column<int>(type: "integer", nullable: false),
                    Nature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValorisationNatureCentimes = table.Column<long>(type: "bigint", nullable: true),
                    ConditionsVersement = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    VersementDebut = table.Column<DateOnly>(type: "date", nullable: true),
                    VersementFin = table.Column<DateOnly>(type: "date", nullable: true),
                    NotificationUe = table.Column<bool>(type: "boolean", nullable: false),
                    IdRae = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    DispositifAide = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BudgetActionCentimes = table.Column<long>(type: "bigint", nullable: true),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subventions", x => x.Id);
                    table.CheckConstraint("CK_Subventions_Montant", "\"MontantCentimes\" >= 0");
                    table.CheckConstraint("CK_Subventions_Part", "\"PartDixMilliemes\" >= 100 AND \"PartDixMilliemes\" <= 10000");
                    table.ForeignKey(
                        name: "FK_Subventions_Deliberations_DeliberationId",
                        column: x => x.DeliberationId,
                        principalTable: "Deliberations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subventions_Enveloppes_EnveloppeId",
                        column: x => x.EnveloppeId,
                        principalTable: "Enveloppes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subventions_Financeurs_FinanceurId",
                        column: x => x.FinanceurId,
                        principalTable: "Financeurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subventions_Structures_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enveloppes_FinanceurId_Exercice",
                table: "Enveloppes",
                columns: new[] { "FinanceurId", "Exercice" });

            migrationBuilder.CreateIndex(
                name: "IX_Enveloppes_ParentId",
                table: "Enveloppes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Financeurs_Siret",
                table: "Financeurs",
                column: "Siret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Financeurs_StructureId",
                table: "Financeurs",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Subventions_BeneficiaireId_Exercice",
                table: "Subventions",
                columns: new[] { "BeneficiaireId", "Exercice" });

            migrationBuilder.CreateIndex(
                name: "IX_Subventions_DeliberationId",
                table: "Subventions",
                column: "DeliberationId");

            migrationBuilder.CreateIndex(
                name: "IX_Subventions_EnveloppeId",
                table: "Subventions",
                column: "EnveloppeId");

            migrationBuilder.CreateIndex(
                name: "IX_Subventions_FinanceurId_Exercice",
                table: "Subventions",
                columns: new[] { "FinanceurId", "Exercice" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Subventions");

            migrationBuilder.DropTable(
                name: "Enveloppes");

            migrationBuilder.DropTable(
                name: "Financeurs");
        }
    }
}
