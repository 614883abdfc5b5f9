using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConnexionRappelsRapprochementAllerVers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RappelRevuePour",
                table: "Adhesions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvenementsAllerVers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TypeLieu = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Lieu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Mediateurs = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PersonnesRencontrees = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsAllerVers", x => x.Id);
                    table.CheckConstraint("CK_EvenementsAllerVers_Personnes", "\"PersonnesRencontrees\" >= 0");
                    table.CheckConstraint("CK_EvenementsAllerVers_TypeLieu", "\"TypeLieu\" IN ('residence', 'marche', 'lieu_partenaire')");
                    table.ForeignKey(
                        name: "FK_EvenementsAllerVers_ProgrammesConnexion_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvenementsAllerVers_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FacturesOperateurs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Operateur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacturesOperateurs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacturesOperateurs_ProgrammesConnexion_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ProgrammesConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LotsBons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffreId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantite = table.Column<int>(type: "INTEGER", nullable: false),
                    RecuLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LotsBons", x => x.Id);
                    table.CheckConstraint("CK_LotsBons_Quantite", "\"Quantite\" > 0");
                    table.ForeignKey(
                        name: "FK_LotsBons_OffresConnexion_OffreId",
                        column: x => x.OffreId,
                        principalTable: "OffresConnexion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiensAllerVers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvenementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CibleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensAllerVers", x => x.Id);
                    table.CheckConstraint("CK_LiensAllerVers_Type", "\"Type\" IN ('diagnostic', 'adhesion')");
                    table.ForeignKey(
                        name: "FK_LiensAllerVers_EvenementsAllerVers_EvenementId",
                        column: x => x.EvenementId,
                        principalTable: "EvenementsAllerVers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LignesFacturesOperateurs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FactureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesFacturesOperateurs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesFacturesOperateurs_FacturesOperateurs_FactureId",
                        column: x => x.FactureId,
                        principalTable: "FacturesOperateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAllerVers_ProgrammeId",
                table: "EvenementsAllerVers",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAllerVers_StructureId_Date",
                table: "EvenementsAllerVers",
                columns: new[] { "StructureId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FacturesOperateurs_ProgrammeId_Numero",
                table: "FacturesOperateurs",
                columns: new[] { "ProgrammeId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiensAllerVers_EvenementId_Type_CibleId",
                table: "LiensAllerVers",
                columns: new[] { "EvenementId", "Type", "CibleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LignesFacturesOperateurs_FactureId_Reference",
                table: "LignesFacturesOperateurs",
                columns: new[] { "FactureId", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_LignesFacturesOperateurs_Reference",
                table: "LignesFacturesOperateurs",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_LotsBons_OffreId",
                table: "LotsBons",
                column: "OffreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiensAllerVers");

            migrationBuilder.DropTable(
                name: "LignesFacturesOperateurs");

            migrationBuilder.DropTable(
                name: "LotsBons");

            migrationBuilder.DropTable(
                name: "EvenementsAllerVers");

            migrationBuilder.DropTable(
                name: "FacturesOperateurs");

            migrationBuilder.DropColumn(
                name: "RappelRevuePour",
                table: "Adhesions");
        }
    }
}
