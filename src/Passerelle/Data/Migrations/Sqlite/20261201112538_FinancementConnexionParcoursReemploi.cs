using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FinancementConnexionParcoursReemploi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Effacements_SupportId",
                table: "Effacements");

            migrationBuilder.AddColumn<string>(
                name: "FichierNom",
                table: "VersionsDeliberations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FichierSha256",
                table: "VersionsDeliberations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FoyerCle",
                table: "Ventes",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "EngageCentimes",
                table: "Subventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PayeCentimes",
                table: "Subventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RangActe",
                table: "Subventions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reserve",
                table: "Effacements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Engagements",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FichierSha256",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FichierTaille",
                table: "Deliberations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lieu",
                table: "Deliberations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodeDebut",
                table: "Deliberations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodeFin",
                table: "Deliberations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "LieuId",
                table: "Conventions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "CoordinateurId",
                table: "Conventions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "MontantAnnuelCentimes",
                table: "Conventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SubventionId",
                table: "Conventions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReserveJusquAu",
                table: "Appareils",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservePour",
                table: "Appareils",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActesDeposes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    DeposePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeposeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActesDeposes", x => x.Id);
                });

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
                name: "FichiersDeliberations",
                columns: table => new
                {
                    DeliberationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FichiersDeliberations", x => x.DeliberationId);
                    table.ForeignKey(
                        name: "FK_FichiersDeliberations_Deliberations_DeliberationId",
                        column: x => x.DeliberationId,
                        principalTable: "Deliberations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Written by hand: the attached acts move to their own table before the old column goes (nothing lost).
            migrationBuilder.Sql("INSERT INTO \"FichiersDeliberations\" (\"DeliberationId\", \"Contenu\") SELECT \"Id\", \"Fichier\" FROM \"Deliberations\" WHERE \"Fichier\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "Fichier",
                table: "Deliberations");

            migrationBuilder.CreateTable(
                name: "JournalFinancement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Par = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ObjetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Champ = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Ancien = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Nouveau = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalFinancement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MouvementsSubventions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubventionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    EnregistreLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnregistrePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "atelier", "Atelier", "Atelier", "ATELIER" },
                    { "operateur", "Operateur", "Operateur", "OPERATEUR" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ventes_FoyerCle_VenduLe",
                table: "Ventes",
                columns: new[] { "FoyerCle", "VenduLe" });

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
                name: "IX_Effacements_SupportId_CertificatSha256",
                table: "Effacements",
                columns: new[] { "SupportId", "CertificatSha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_SubventionId",
                table: "Conventions",
                column: "SubventionId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Conventions_MontantAnnuel",
                table: "Conventions",
                sql: "\"MontantAnnuelCentimes\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_ActesDeposes_DeposeLe",
                table: "ActesDeposes",
                column: "DeposeLe");

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
                name: "IX_DiagnosticsFabrique_BeneficiaireId_Le",
                table: "DiagnosticsFabrique",
                columns: new[] { "BeneficiaireId", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_DiagnosticsFabrique_Commune_CodeQpv",
                table: "DiagnosticsFabrique",
                columns: new[] { "Commune", "CodeQpv" });

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
                name: "IX_JournalFinancement_Objet_ObjetId",
                table: "JournalFinancement",
                columns: new[] { "Objet", "ObjetId" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalParcours_InscriptionId_Le",
                table: "JournalParcours",
                columns: new[] { "InscriptionId", "Le" });

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
                name: "IX_MouvementsSubventions_SubventionId_Date",
                table: "MouvementsSubventions",
                columns: new[] { "SubventionId", "Date" });

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

            migrationBuilder.AddForeignKey(
                name: "FK_Conventions_Subventions_SubventionId",
                table: "Conventions",
                column: "SubventionId",
                principalTable: "Subventions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conventions_Subventions_SubventionId",
                table: "Conventions");

            migrationBuilder.DropTable(
                name: "ActesDeposes");

            migrationBuilder.DropTable(
                name: "ActivationsBox");

            migrationBuilder.DropTable(
                name: "ConsommationsMensuelles");

            migrationBuilder.DropTable(
                name: "DiagnosticsFabrique");

            migrationBuilder.DropTable(
                name: "FichiersDeliberations");

            migrationBuilder.DropTable(
                name: "JournalFinancement");

            migrationBuilder.DropTable(
                name: "JournalParcours");

            migrationBuilder.DropTable(
                name: "LignesMobiles");

            migrationBuilder.DropTable(
                name: "MembresEquipeParcours");

            migrationBuilder.DropTable(
                name: "MouvementsRecharges");

            migrationBuilder.DropTable(
                name: "MouvementsSubventions");

            migrationBuilder.DropTable(
                name: "PartenairesProgrammes");

            migrationBuilder.DropTable(
                name: "ResultatsParcours");

            migrationBuilder.DropTable(
                name: "SituationsEntree");

            migrationBuilder.DropTable(
                name: "Adhesions");

            migrationBuilder.DropTable(
                name: "OffresConnexion");

            migrationBuilder.DropTable(
                name: "InscriptionsParcours");

            migrationBuilder.DropTable(
                name: "ProgrammesConnexion");

            migrationBuilder.DropTable(
                name: "Apprenants");

            migrationBuilder.DropTable(
                name: "Cohortes");

            migrationBuilder.DropTable(
                name: "ProgrammesFormation");

            migrationBuilder.DropIndex(
                name: "IX_Ventes_FoyerCle_VenduLe",
                table: "Ventes");

            migrationBuilder.DropIndex(
                name: "IX_Subventions_DeliberationId_RangActe",
                table: "Subventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subventions_Engage",
                table: "Subventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subventions_Paye",
                table: "Subventions");

            migrationBuilder.DropIndex(
                name: "IX_Effacements_SupportId_CertificatSha256",
                table: "Effacements");

            migrationBuilder.DropIndex(
                name: "IX_Conventions_SubventionId",
                table: "Conventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Conventions_MontantAnnuel",
                table: "Conventions");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "atelier");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "operateur");

            migrationBuilder.DropColumn(
                name: "FichierNom",
                table: "VersionsDeliberations");

            migrationBuilder.DropColumn(
                name: "FichierSha256",
                table: "VersionsDeliberations");

            migrationBuilder.DropColumn(
                name: "FoyerCle",
                table: "Ventes");

            migrationBuilder.DropColumn(
                name: "EngageCentimes",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "PayeCentimes",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "RangActe",
                table: "Subventions");

            migrationBuilder.DropColumn(
                name: "Reserve",
                table: "Effacements");

            migrationBuilder.DropColumn(
                name: "Engagements",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "FichierSha256",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "FichierTaille",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "Lieu",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "PeriodeDebut",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "PeriodeFin",
                table: "Deliberations");

            migrationBuilder.DropColumn(
                name: "MontantAnnuelCentimes",
                table: "Conventions");

            migrationBuilder.DropColumn(
                name: "SubventionId",
                table: "Conventions");

            migrationBuilder.DropColumn(
                name: "ReserveJusquAu",
                table: "Appareils");

            migrationBuilder.DropColumn(
                name: "ReservePour",
                table: "Appareils");

            migrationBuilder.AddColumn<byte[]>(
                name: "Fichier",
                table: "Deliberations",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "LieuId",
                table: "Conventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CoordinateurId",
                table: "Conventions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Effacements_SupportId",
                table: "Effacements",
                column: "SupportId");
        }
    }
}
