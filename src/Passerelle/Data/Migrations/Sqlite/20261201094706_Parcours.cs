using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Parcours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Apprenants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Genre = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ConsentementLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnonymiseLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apprenants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Apprenants_Qpv_CodeQpv",
                        column: x => x.CodeQpv,
                        principalTable: "Qpv",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenants_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammesFormation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelGen = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LabelDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LabelFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Financeurs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammesFormation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammesFormation_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cohortes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HeuresPrevues = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacite = table.Column<int>(type: "INTEGER", nullable: false),
                    Lieu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecrutementDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecrutementFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cohortes", x => x.Id);
                    table.CheckConstraint("CK_Cohortes_Capacite", "\"Capacite\" >= 0 AND \"HeuresPrevues\" >= 0");
                    table.CheckConstraint("CK_Cohortes_Dates", "\"Fin\" >= \"Debut\"");
                    table.CheckConstraint("CK_Cohortes_Statut", "\"Statut\" IN ('recrutement', 'en_cours', 'terminee')");
                    table.ForeignKey(
                        name: "FK_Cohortes_ProgrammesFormation_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesFormation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InscriptionsParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApprenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    CohorteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Prescripteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CandidatureLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecisionLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MotifDecision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AdmissionLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SortieLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MotifSortie = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReferentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Jeton = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InscriptionsParcours", x => x.Id);
                    table.CheckConstraint("CK_InscriptionsParcours_Referent", "\"Statut\" IN ('candidat', 'refuse') OR \"ReferentId\" IS NOT NULL");
                    table.CheckConstraint("CK_InscriptionsParcours_Statut", "\"Statut\" IN ('candidat', 'refuse', 'admis', 'en_formation', 'termine', 'abandon')");
                    table.ForeignKey(
                        name: "FK_InscriptionsParcours_Apprenants_ApprenantId",
                        column: x => x.ApprenantId,
                        principalTable: "Apprenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InscriptionsParcours_Cohortes_CohorteId",
                        column: x => x.CohorteId,
                        principalTable: "Cohortes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InscriptionsParcours_Mediateurs_ReferentId",
                        column: x => x.ReferentId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalParcours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Support = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Synthese = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NotePrivee = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProchaineEtape = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProchaineEtapeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MembresEquipeParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MediateurId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Debut = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MotifFin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembresEquipeParcours", x => x.Id);
                    table.CheckConstraint("CK_MembresEquipeParcours_Fin", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\"");
                    table.ForeignKey(
                        name: "FK_MembresEquipeParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembresEquipeParcours_Mediateurs_MediateurId",
                        column: x => x.MediateurId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultatsParcours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Moment = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Le = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Organisme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SaisiPar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SaisiLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultatsParcours", x => x.Id);
                    table.CheckConstraint("CK_ResultatsParcours_Moment", "\"Moment\" IN ('sortie', '3mois', '6mois')");
                    table.CheckConstraint("CK_ResultatsParcours_Source", "\"Source\" IN ('declaratif', 'justificatif', 'tiers')");
                    table.CheckConstraint("CK_ResultatsParcours_Type", "\"Type\" IN ('CDI', 'CDD_6_PLUS', 'CDD_MOINS_6', 'ALTERNANCE', 'CREATION', 'FORMATION', 'SANS_SOLUTION', 'INCONNU')");
                    table.ForeignKey(
                        name: "FK_ResultatsParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SituationsEntree",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DemandeurEmploi = table.Column<bool>(type: "INTEGER", nullable: false),
                    DemandeurEmploiDepuis = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResidentQpv = table.Column<bool>(type: "INTEGER", nullable: false),
                    NiveauQualification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MoinsDe26 = table.Column<bool>(type: "INTEGER", nullable: false),
                    Femme = table.Column<bool>(type: "INTEGER", nullable: false),
                    Neet = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rqth = table.Column<bool>(type: "INTEGER", nullable: false),
                    Allocations = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Freins = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationsEntree", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationsEntree_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_CodeQpv",
                table: "Apprenants",
                column: "CodeQpv");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_StructureId",
                table: "Apprenants",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Cohortes_ProgrammeId",
                table: "Cohortes",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_ApprenantId_CohorteId",
                table: "InscriptionsParcours",
                columns: new[] { "ApprenantId", "CohorteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_CohorteId_Statut",
                table: "InscriptionsParcours",
                columns: new[] { "CohorteId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_Jeton",
                table: "InscriptionsParcours",
                column: "Jeton",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InscriptionsParcours_ReferentId",
                table: "InscriptionsParcours",
                column: "ReferentId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalParcours_InscriptionId_Le",
                table: "JournalParcours",
                columns: new[] { "InscriptionId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipeParcours_MediateurId_Fin",
                table: "MembresEquipeParcours",
                columns: new[] { "MediateurId", "Fin" });

            migrationBuilder.CreateIndex(
                name: "IX_MembresEquipeParcours_ReferentActif",
                table: "MembresEquipeParcours",
                column: "InscriptionId",
                unique: true,
                filter: "\"Role\" = 'referent' AND \"Fin\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammesFormation_StructureId",
                table: "ProgrammesFormation",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultatsParcours_InscriptionId_Moment",
                table: "ResultatsParcours",
                columns: new[] { "InscriptionId", "Moment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SituationsEntree_InscriptionId_Le",
                table: "SituationsEntree",
                columns: new[] { "InscriptionId", "Le" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JournalParcours");

            migrationBuilder.DropTable(
                name: "MembresEquipeParcours");

            migrationBuilder.DropTable(
                name: "ResultatsParcours");

            migrationBuilder.DropTable(
                name: "SituationsEntree");

            migrationBuilder.DropTable(
                name: "InscriptionsParcours");

            migrationBuilder.DropTable(
                name: "Apprenants");

            migrationBuilder.DropTable(
                name: "Cohortes");

            migrationBuilder.DropTable(
                name: "ProgrammesFormation");
        }
    }
}
