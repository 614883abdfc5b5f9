using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FichesBeneficiaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BeneficiaireId",
                table: "Activites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Etiquettes",
                table: "Activites",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParticipantsNommes",
                table: "Activites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DecomptesAnonymes",
                columns: table => new
                {
                    ActiviteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Critere = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Valeur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nombre = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecomptesAnonymes", x => new { x.ActiviteId, x.Critere, x.Valeur });
                    table.CheckConstraint("CK_DecomptesAnonymes_Nombre", "\"Nombre\" > 0");
                    table.ForeignKey(
                        name: "FK_DecomptesAnonymes_Activites_ActiviteId",
                        column: x => x.ActiviteId,
                        principalTable: "Activites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Etiquettes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Etiquettes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Utilisateur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ObjetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Qpv",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Departement = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CodesInsee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qpv", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Beneficiaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Suivi = table.Column<bool>(type: "INTEGER", nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NomRecherche = table.Column<string>(type: "TEXT", maxLength: 210, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneeNaissance = table.Column<int>(type: "INTEGER", nullable: true),
                    Genre = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CodePostal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ConsentementLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentementPar = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifieLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DerniereActiviteLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnonymiseLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beneficiaires", x => x.Id);
                    table.CheckConstraint("CK_Beneficiaires_Annee", "\"AnneeNaissance\" IS NULL OR (\"AnneeNaissance\" >= 1880 AND \"AnneeNaissance\" <= 2200)");
                    table.CheckConstraint("CK_Beneficiaires_Suivi", "(\"Suivi\" AND \"Nom\" IS NOT NULL AND \"ConsentementLe\" IS NOT NULL) OR (NOT \"Suivi\" AND \"Nom\" IS NULL AND \"Telephone\" IS NULL AND \"Courriel\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Qpv_CodeQpv",
                        column: x => x.CodeQpv,
                        principalTable: "Qpv",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Diagnostics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MediateurId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Diagnostics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Diagnostics_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Diagnostics_Mediateurs_MediateurId",
                        column: x => x.MediateurId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Orientations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Categorie = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LieuId = table.Column<int>(type: "INTEGER", nullable: true),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Resultat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResultatLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orientations", x => x.Id);
                    table.CheckConstraint("CK_Orientations_Destinataire", "\"LieuId\" IS NOT NULL OR \"Destinataire\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_Orientations_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Orientations_Lieux_LieuId",
                        column: x => x.LieuId,
                        principalTable: "Lieux",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantsActivites",
                columns: table => new
                {
                    ActiviteId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantsActivites", x => new { x.ActiviteId, x.BeneficiaireId });
                    table.ForeignKey(
                        name: "FK_ParticipantsActivites_Activites_ActiviteId",
                        column: x => x.ActiviteId,
                        principalTable: "Activites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipantsActivites_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NiveauxCompetences",
                columns: table => new
                {
                    DiagnosticId = table.Column<int>(type: "INTEGER", nullable: false),
                    Competence = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Niveau = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NiveauxCompetences", x => new { x.DiagnosticId, x.Competence });
                    table.CheckConstraint("CK_NiveauxCompetences_Niveau", "\"Niveau\" >= 0 AND \"Niveau\" <= 3");
                    table.ForeignKey(
                        name: "FK_NiveauxCompetences_Diagnostics_DiagnosticId",
                        column: x => x.DiagnosticId,
                        principalTable: "Diagnostics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activites_BeneficiaireId",
                table: "Activites",
                column: "BeneficiaireId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Activites_Participants",
                table: "Activites",
                sql: "\"ParticipantsAnonymes\" >= 0 AND \"ParticipantsNommes\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_CodeQpv",
                table: "Beneficiaires",
                column: "CodeQpv");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_StructureId_NomRecherche",
                table: "Beneficiaires",
                columns: new[] { "StructureId", "NomRecherche" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_Suivi_DerniereActiviteLe",
                table: "Beneficiaires",
                columns: new[] { "Suivi", "DerniereActiviteLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Diagnostics_BeneficiaireId_Date",
                table: "Diagnostics",
                columns: new[] { "BeneficiaireId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Diagnostics_MediateurId",
                table: "Diagnostics",
                column: "MediateurId");

            migrationBuilder.CreateIndex(
                name: "IX_Etiquettes_Nom",
                table: "Etiquettes",
                column: "Nom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Journal_Objet_ObjetId",
                table: "Journal",
                columns: new[] { "Objet", "ObjetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orientations_BeneficiaireId",
                table: "Orientations",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Orientations_LieuId",
                table: "Orientations",
                column: "LieuId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantsActivites_BeneficiaireId",
                table: "ParticipantsActivites",
                column: "BeneficiaireId");

            migrationBuilder.AddForeignKey(
                name: "FK_Activites_Beneficiaires_BeneficiaireId",
                table: "Activites",
                column: "BeneficiaireId",
                principalTable: "Beneficiaires",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activites_Beneficiaires_BeneficiaireId",
                table: "Activites");

            migrationBuilder.DropTable(
                name: "DecomptesAnonymes");

            migrationBuilder.DropTable(
                name: "Etiquettes");

            migrationBuilder.DropTable(
                name: "Journal");

            migrationBuilder.DropTable(
                name: "NiveauxCompetences");

            migrationBuilder.DropTable(
                name: "Orientations");

            migrationBuilder.DropTable(
                name: "ParticipantsActivites");

            migrationBuilder.DropTable(
                name: "Diagnostics");

            migrationBuilder.DropTable(
                name: "Beneficiaires");

            migrationBuilder.DropTable(
                name: "Qpv");

            migrationBuilder.DropIndex(
                name: "IX_Activites_BeneficiaireId",
                table: "Activites");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Activites_Participants",
                table: "Activites");

            migrationBuilder.DropColumn(
                name: "BeneficiaireId",
                table: "Activites");

            migrationBuilder.DropColumn(
                name: "Etiquettes",
                table: "Activites");

            migrationBuilder.DropColumn(
                name: "ParticipantsNommes",
                table: "Activites");
        }
    }
}
