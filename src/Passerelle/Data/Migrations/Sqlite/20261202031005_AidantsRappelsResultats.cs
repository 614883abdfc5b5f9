using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AidantsRappelsResultats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Nature",
                table: "ProgrammesFormation",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "ecole");

            migrationBuilder.AddColumn<int>(
                name: "AssociationId",
                table: "Apprenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompetencesAidant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Domaine = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencesAidant", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RappelsResultatsParcours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Moment = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DueLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnvoyeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RappelsResultatsParcours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RappelsResultatsParcours_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationsAidant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InscriptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Niveau = table.Column<int>(type: "INTEGER", nullable: false),
                    Par = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AuteurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SaisieLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationsAidant", x => x.Id);
                    table.CheckConstraint("CK_EvaluationsAidant_Niveau", "\"Niveau\" BETWEEN 1 AND 4");
                    table.CheckConstraint("CK_EvaluationsAidant_Par", "\"Par\" IN ('auto', 'formateur')");
                    table.ForeignKey(
                        name: "FK_EvaluationsAidant_CompetencesAidant_CompetenceId",
                        column: x => x.CompetenceId,
                        principalTable: "CompetencesAidant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationsAidant_InscriptionsParcours_InscriptionId",
                        column: x => x.InscriptionId,
                        principalTable: "InscriptionsParcours",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CompetencesAidant",
                columns: new[] { "Id", "Active", "Code", "Description", "Domaine", "Libelle", "Ordre" },
                values: new object[,]
                {
                    { 1, true, "A1", "Reformuler la demande, demander ce qui est urgent, laisser la personne parler de sa situation.", "Accueillir et diagnostiquer", "Accueillir la personne et faire préciser sa demande", 10 },
                    { 2, true, "A2", "Vérifier si la personne a un appareil, une connexion et qui peut l'aider, puis proposer les offres du territoire.", "Accueillir et diagnostiquer", "Faire le diagnostic équiper – connecter – accompagner", 20 },
                    { 3, true, "A3", "Avec guidage, autonome avec guidage en cas de besoin, ou autonome : adapter l'aide à ce niveau.", "Accueillir et diagnostiquer", "Repérer le niveau d'autonomie de la personne", 30 },
                    { 4, true, "G1", "La personne tient la souris ou le téléphone ; l'aidant·e montre et explique.", "Guider sans faire à la place", "Faire faire plutôt que faire à la place", 40 },
                    { 5, true, "G2", "Vérifier que la personne a compris et peut refaire seule la prochaine fois.", "Guider sans faire à la place", "Expliquer chaque étape avec des mots simples", 50 },
                    { 6, true, "G3", "Sinon seulement avec un mandat Aidants Connect ; le dire à la personne avant de commencer.", "Guider sans faire à la place", "Ne faire à la place qu'avec l'accord exprès de la personne", 60 },
                    { 7, true, "D1", "La personne saisit elle-même ses mots de passe ; rien n'est écrit ni enregistré sur le poste.", "Protéger les données personnelles", "Ne jamais noter ni garder les identifiants et mots de passe", 70 },
                    { 8, true, "D2", "Demander avant de voir un document ; fermer les sessions, effacer les fichiers téléchargés.", "Protéger les données personnelles", "Recueillir le consentement et ne rien laisser après l'aide", 80 },
                    { 9, true, "D3", "Faux sites payants, messages d'hameçonnage, demandes de code par téléphone.", "Protéger les données personnelles", "Reconnaître une arnaque et prévenir la personne", 90 },
                    { 10, true, "F1", "Avec son propre compte (impots.gouv, Ameli, La Poste…), sans jamais utiliser celui de l'aidant·e.", "FranceConnect et Aidants Connect", "Aider la personne à se connecter avec FranceConnect", 100 },
                    { 11, true, "F2", "Mandat signé par la personne, démarches de la catégorie choisie, durée respectée ; aidant·e habilité·e seulement.", "FranceConnect et Aidants Connect", "Utiliser un mandat Aidants Connect dans ses limites", 110 },
                    { 12, true, "F3", "Aidant·e non habilité·e, démarche hors du mandat, personne qui peut faire seule : pas de mandat.", "FranceConnect et Aidants Connect", "Savoir quand Aidants Connect ne s'applique pas", 120 },
                    { 13, true, "O1", "Situation sociale ou juridique complexe, litige, détresse : passer la main.", "Savoir orienter", "Reconnaître les limites de l'aide de premier niveau", 130 },
                    { 14, true, "O2", "France Services, médiation numérique, structure sociale, opérateur de la démarche, insertion professionnelle.", "Savoir orienter", "Orienter vers la bonne structure et noter l'orientation", 140 },
                    { 15, true, "O3", "Lieux de médiation numérique proches, permanences, ligne nationale Solidarité Numérique.", "Savoir orienter", "Connaître les relais du territoire", 150 }
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgrammesFormation_Nature",
                table: "ProgrammesFormation",
                sql: "\"Nature\" IN ('ecole', 'aidants')");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenants_AssociationId",
                table: "Apprenants",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencesAidant_Code",
                table: "CompetencesAidant",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationsAidant_CompetenceId",
                table: "EvaluationsAidant",
                column: "CompetenceId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationsAidant_InscriptionId_CompetenceId_Par_Le",
                table: "EvaluationsAidant",
                columns: new[] { "InscriptionId", "CompetenceId", "Par", "Le" });

            migrationBuilder.CreateIndex(
                name: "IX_RappelsResultatsParcours_InscriptionId_Moment",
                table: "RappelsResultatsParcours",
                columns: new[] { "InscriptionId", "Moment" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Apprenants_Structures_AssociationId",
                table: "Apprenants",
                column: "AssociationId",
                principalTable: "Structures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Apprenants_Structures_AssociationId",
                table: "Apprenants");

            migrationBuilder.DropTable(
                name: "EvaluationsAidant");

            migrationBuilder.DropTable(
                name: "RappelsResultatsParcours");

            migrationBuilder.DropTable(
                name: "CompetencesAidant");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ProgrammesFormation_Nature",
                table: "ProgrammesFormation");

            migrationBuilder.DropIndex(
                name: "IX_Apprenants_AssociationId",
                table: "Apprenants");

            migrationBuilder.DropColumn(
                name: "Nature",
                table: "ProgrammesFormation");

            migrationBuilder.DropColumn(
                name: "AssociationId",
                table: "Apprenants");
        }
    }
}
