using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pilotage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnneePopulation",
                table: "Qpv",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Qpv",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Qpv",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Population",
                table: "Qpv",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionsTerritoriales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Zones = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Porteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: true),
                    CoutCentimes = table.Column<long>(type: "bigint", nullable: false),
                    Cofinancement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Statut = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionsTerritoriales", x => x.Id);
                    table.CheckConstraint("CK_ActionsTerritoriales_Cout", "\"CoutCentimes\" >= 0");
                    table.CheckConstraint("CK_ActionsTerritoriales_Dates", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\"");
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    CodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CommuneParente = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    CodesPostaux = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    AnneePopulation = table.Column<int>(type: "integer", nullable: true),
                    EpciSiren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    EpciNom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneeCog = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    NomRecherche = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ImporteLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.CodeInsee);
                    table.CheckConstraint("CK_Communes_Population", "\"Population\" IS NULL OR \"Population\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "IndicesFragilite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Niveau = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    VersionModele = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Variante = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    NonCouvertureThd = table.Column<double>(type: "double precision", nullable: true),
                    SourceNonCouvertureThd = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneeNonCouvertureThd = table.Column<int>(type: "integer", nullable: true),
                    NonCouverture4g = table.Column<double>(type: "double precision", nullable: true),
                    SourceNonCouverture4g = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneeNonCouverture4g = table.Column<int>(type: "integer", nullable: true),
                    Part65Plus = table.Column<double>(type: "double precision", nullable: true),
                    SourcePart65Plus = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneePart65Plus = table.Column<int>(type: "integer", nullable: true),
                    PartPeuDiplomes = table.Column<double>(type: "double precision", nullable: true),
                    SourcePartPeuDiplomes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneePartPeuDiplomes = table.Column<int>(type: "integer", nullable: true),
                    TauxPauvrete = table.Column<double>(type: "double precision", nullable: true),
                    SourceTauxPauvrete = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnneeTauxPauvrete = table.Column<int>(type: "integer", nullable: true),
                    ImporteLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicesFragilite", x => x.Id);
                    table.CheckConstraint("CK_IndicesFragilite_Niveau", "\"Niveau\" IN ('commune', 'qpv', 'iris', 'epci', 'departement')");
                    table.CheckConstraint("CK_IndicesFragilite_Score", "\"Score\" >= 1 AND \"Score\" <= 10");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionsTerritoriales_Debut",
                table: "ActionsTerritoriales",
                column: "Debut");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_EpciSiren",
                table: "Communes",
                column: "EpciSiren");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_NomRecherche",
                table: "Communes",
                column: "NomRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_IndicesFragilite_Niveau_Code_VersionModele_Variante",
                table: "IndicesFragilite",
                columns: new[] { "Niveau", "Code", "VersionModele", "Variante" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionsTerritoriales");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "IndicesFragilite");

            migrationBuilder.DropColumn(
                name: "AnneePopulation",
                table: "Qpv");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Qpv");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Qpv");

            migrationBuilder.DropColumn(
                name: "Population",
                table: "Qpv");
        }
    }
}
