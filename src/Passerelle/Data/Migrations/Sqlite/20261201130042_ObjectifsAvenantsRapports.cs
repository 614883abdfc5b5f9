using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObjectifsAvenantsRapports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Avenants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConventionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeliberationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AncienMontantAnnuelCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    NouveauMontantAnnuelCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    AncienDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NouveauDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AncienneFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NouvelleFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Objectifs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnregistrePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnregistreLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Avenants", x => x.Id);
                    table.CheckConstraint("CK_Avenants_Montant", "\"NouveauMontantAnnuelCentimes\" IS NULL OR \"NouveauMontantAnnuelCentimes\" >= 0");
                    table.CheckConstraint("CK_Avenants_Numero", "\"Numero\" >= 1");
                    table.ForeignKey(
                        name: "FK_Avenants_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Avenants_Deliberations_DeliberationId",
                        column: x => x.DeliberationId,
                        principalTable: "Deliberations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ObjectifsConventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConventionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<int>(type: "INTEGER", nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Indicateur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Cible = table.Column<int>(type: "INTEGER", nullable: false),
                    Actif = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectifsConventions", x => x.Id);
                    table.CheckConstraint("CK_ObjectifsConventions_Cible", "\"Cible\" >= 0");
                    table.ForeignKey(
                        name: "FK_ObjectifsConventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RapportsFinanciers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubventionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConventionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Echeance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BilanQualitatif = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Annexe = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SoumisLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SoumisPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecideLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RappelAvantLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RappelApresLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RapportsFinanciers", x => x.Id);
                    table.CheckConstraint("CK_RapportsFinanciers_Statut", "\"Statut\" IN ('a_remplir', 'soumis', 'accepte', 'a_corriger')");
                    table.ForeignKey(
                        name: "FK_RapportsFinanciers_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RapportsFinanciers_Subventions_SubventionId",
                        column: x => x.SubventionId,
                        principalTable: "Subventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicateursRapports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RapportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<int>(type: "INTEGER", nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Indicateur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Unite = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Cible = table.Column<int>(type: "INTEGER", nullable: false),
                    Mesure = table.Column<decimal>(type: "TEXT", precision: 14, scale: 1, nullable: true),
                    Declare = table.Column<decimal>(type: "TEXT", precision: 14, scale: 1, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicateursRapports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicateursRapports_RapportsFinanciers_RapportId",
                        column: x => x.RapportId,
                        principalTable: "RapportsFinanciers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LignesRapports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RapportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Compte = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PrevuCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    RealiseCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Explication = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesRapports", x => x.Id);
                    table.CheckConstraint("CK_LignesRapports_Montants", "\"PrevuCentimes\" >= 0 AND \"RealiseCentimes\" >= 0");
                    table.ForeignKey(
                        name: "FK_LignesRapports_RapportsFinanciers_RapportId",
                        column: x => x.RapportId,
                        principalTable: "RapportsFinanciers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Avenants_ConventionId_Numero",
                table: "Avenants",
                columns: new[] { "ConventionId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Avenants_DeliberationId",
                table: "Avenants",
                column: "DeliberationId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicateursRapports_RapportId_Rang",
                table: "IndicateursRapports",
                columns: new[] { "RapportId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LignesRapports_RapportId_Compte",
                table: "LignesRapports",
                columns: new[] { "RapportId", "Compte" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectifsConventions_ConventionId_Rang",
                table: "ObjectifsConventions",
                columns: new[] { "ConventionId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RapportsFinanciers_ConventionId",
                table: "RapportsFinanciers",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_RapportsFinanciers_Statut_Echeance",
                table: "RapportsFinanciers",
                columns: new[] { "Statut", "Echeance" });

            migrationBuilder.CreateIndex(
                name: "IX_RapportsFinanciers_SubventionId_Exercice",
                table: "RapportsFinanciers",
                columns: new[] { "SubventionId", "Exercice" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Avenants");

            migrationBuilder.DropTable(
                name: "IndicateursRapports");

            migrationBuilder.DropTable(
                name: "LignesRapports");

            migrationBuilder.DropTable(
                name: "ObjectifsConventions");

            migrationBuilder.DropTable(
                name: "RapportsFinanciers");
        }
    }
}
