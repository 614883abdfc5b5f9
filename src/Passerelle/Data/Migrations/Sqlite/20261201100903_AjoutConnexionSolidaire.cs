using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AjoutConnexionSolidaire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiagnosticsFabrique",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Equipement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Connexion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScoreCompetences = table.Column<int>(type: "INTEGER", nullable: false),
                    Objectifs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ManqueEquipement = table.Column<bool>(type: "INTEGER", nullable: false),
                    ManqueConnexion = table.Column<bool>(type: "INTEGER", nullable: false),
                    ManqueCompetences = table.Column<bool>(type: "INTEGER", nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    AppareilsProposes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProgrammesProposes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SessionsProposees = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreneauxProposes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiagnosticsFabrique", x => x.Id);
                    table.CheckConstraint("CK_DiagnosticsFabrique_Score", "\"ScoreCompetences\" >= 0 AND \"ScoreCompetences\" <= 6");
                    table.ForeignKey(
                        name: "FK_DiagnosticsFabrique_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammesConnexion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureGestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BudgetCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PlafondMensuelCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    DureeAdhesionMois = table.Column<int>(type: "INTEGER", nullable: false),
                    RenouvellementsMax = table.Column<int>(type: "INTEGER", nullable: false),
                    RevueJoursAvantFin = table.Column<int>(type: "INTEGER", nullable: false),
                    Regles = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OffresSortie = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RetentionMois = table.Column<int>(type: "INTEGER", nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammesConnexion", x => x.Id);
                    table.CheckConstraint("CK_ProgrammesConnexion_Duree", "\"DureeAdhesionMois\" >= 1 AND \"RenouvellementsMax\" >= 0 AND \"RetentionMois\" >= 0");
                    table.CheckConstraint("CK_ProgrammesConnexion_Montants", "\"BudgetCentimes\" >= 0 AND \"PlafondMensuelCentimes\" > 0");
                    table.ForeignKey(
                        name: "FK_ProgrammesConnexion_Structures_StructureGestionnaireId",
                        column: x => x.StructureGestionnaireId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Adhesions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Prescripteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Regle = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Justificatif = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateJustificatif = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EligibleJusquAu = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RevueLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Renouvellements = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlafondMensuelCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    TermineeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MotifSortie = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OffreSortie = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EffaceeLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adhesions", x => x.Id);
                    table.CheckConstraint("CK_Adhesions_Dates", "\"Fin\" >= \"Debut\" AND \"PlafondMensuelCentimes\" > 0");
                    table.CheckConstraint("CK_Adhesions_Statut", "\"Statut\" IN ('en_attente', 'active', 'suspendue', 'terminee')");
                    table.ForeignKey(
                        name: "FK_Adhesions_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Adhesions_ProgrammesConnexion_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Adhesions_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffresConnexion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferenceProduit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValeurFacialeCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    VolumeMo = table.Column<int>(type: "INTEGER", nullable: true),
                    PrixPayeCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    SubventionCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    SubventionPayeePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffresConnexion", x => x.Id);
                    table.CheckConstraint("CK_OffresConnexion_Montants", "\"ValeurFacialeCentimes\" >= 0 AND \"PrixPayeCentimes\" >= 0 AND \"SubventionCentimes\" >= 0 AND (\"VolumeMo\" IS NULL OR \"VolumeMo\" >= 0)");
                    table.ForeignKey(
                        name: "FK_OffresConnexion_ProgrammesConnexion_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartenairesProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConventionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartenairesProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartenairesProgrammes_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartenairesProgrammes_ProgrammesConnexion_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartenairesProgrammes_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ConsommationsMensuelles",
                columns: table => new
                {
                    AdhesionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsommeCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PlafondCentimes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsommationsMensuelles", x => new { x.AdhesionId, x.Mois });
                    table.CheckConstraint("CK_ConsommationsMensuelles_Plafond", "\"ConsommeCentimes\" >= 0 AND \"ConsommeCentimes\" <= \"PlafondCentimes\"");
                    table.ForeignKey(
                        name: "FK_ConsommationsMensuelles_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LignesMobiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdhesionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Iccid = table.Column<string>(type: "TEXT", maxLength: 22, nullable: true),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Operateur = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActiveeLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DesactiveeLe = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesMobiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesMobiles_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivationsBox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdhesionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bailleur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Residence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferenceLogement = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OffreId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActiveeLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DesactiveeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuiviImpayes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivationsBox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivationsBox_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivationsBox_OffresConnexion_OffreId",
                        column: x => x.OffreId,
                        principalTable: "OffresConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MouvementsRecharges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdhesionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OffreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PrixPayeCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    SubventionCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceSubvention = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VolumeMo = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MouvementOrigineId = table.Column<long>(type: "INTEGER", nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MouvementsRecharges", x => x.Id);
                    table.CheckConstraint("CK_MouvementsRecharges_Mois", "\"Mois\" >= 200001 AND \"Mois\" <= 999912");
                    table.CheckConstraint("CK_MouvementsRecharges_Signe", "(\"Type\" = 'recharge' AND \"MontantCentimes\" > 0) OR (\"Type\" IN ('remboursement', 'bon_annule') AND \"MontantCentimes\" < 0 AND \"MouvementOrigineId\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_MouvementsRecharges_Adhesions_AdhesionId",
                        column: x => x.AdhesionId,
                        principalTable: "Adhesions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MouvementsRecharges_MouvementsRecharges_MouvementOrigineId",
                        column: x => x.MouvementOrigineId,
                        principalTable: "MouvementsRecharges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MouvementsRecharges_OffresConnexion_OffreId",
                        column: x => x.OffreId,
                        principalTable: "OffresConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { "operateur", "Operateur", "Operateur", "OPERATEUR" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivationsBox_AdhesionId",
                table: "ActivationsBox",
                column: "AdhesionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivationsBox_OffreId",
                table: "ActivationsBox",
                column: "OffreId");

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_BeneficiaireId",
                table: "Adhesions",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_ProgrammeId_BeneficiaireId",
                table: "Adhesions",
                columns: new[] { "ProgrammeId", "BeneficiaireId" },
                unique: true,
                filter: "\"Statut\" <> 'terminee' AND \"BeneficiaireId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_ProgrammeId_Statut",
                table: "Adhesions",
                columns: new[] { "ProgrammeId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Adhesions_StructureId",
                table: "Adhesions",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosticsFabrique_BeneficiaireId_Le",
                table: "DiagnosticsFabrique",
                columns: new[] { "BeneficiaireId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosticsFabrique_Commune_CodeQpv",
                table: "DiagnosticsFabrique",
                columns: new[] { "Commune", "CodeQpv" });

            migrationBuilder.CreateIndex(
                name: "IX_LignesMobiles_AdhesionId",
                table: "LignesMobiles",
                column: "AdhesionId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesMobiles_Iccid",
                table: "LignesMobiles",
                column: "Iccid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MouvementsRecharges_AdhesionId_Mois",
                table: "MouvementsRecharges",
                columns: new[] { "AdhesionId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_MouvementsRecharges_MouvementOrigineId",
                table: "MouvementsRecharges",
                column: "MouvementOrigineId");

            migrationBuilder.CreateIndex(
                name: "IX_MouvementsRecharges_OffreId_Le",
                table: "MouvementsRecharges",
                columns: new[] { "OffreId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_MouvementsRecharges_Reference",
                table: "MouvementsRecharges",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_OffresConnexion_ProgrammeId_Libelle",
                table: "OffresConnexion",
                columns: new[] { "ProgrammeId", "Libelle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartenairesProgrammes_ConventionId",
                table: "PartenairesProgrammes",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_PartenairesProgrammes_ProgrammeId_Role_Nom",
                table: "PartenairesProgrammes",
                columns: new[] { "ProgrammeId", "Role", "Nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartenairesProgrammes_StructureId",
                table: "PartenairesProgrammes",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammesConnexion_Nom",
                table: "ProgrammesConnexion",
                column: "Nom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammesConnexion_StructureGestionnaireId",
                table: "ProgrammesConnexion",
                column: "StructureGestionnaireId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivationsBox");

            migrationBuilder.DropTable(
                name: "ConsommationsMensuelles");

            migrationBuilder.DropTable(
                name: "DiagnosticsFabrique");

            migrationBuilder.DropTable(
                name: "LignesMobiles");

            migrationBuilder.DropTable(
                name: "MouvementsRecharges");

            migrationBuilder.DropTable(
                name: "PartenairesProgrammes");

            migrationBuilder.DropTable(
                name: "Adhesions");

            migrationBuilder.DropTable(
                name: "OffresConnexion");

            migrationBuilder.DropTable(
                name: "ProgrammesConnexion");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "operateur");
        }
    }
}
