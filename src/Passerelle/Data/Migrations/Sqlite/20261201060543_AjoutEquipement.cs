using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AjoutEquipement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OffresDons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Jeton = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    ContactNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AdresseEnlevement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Disponibilites = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AgeAnnees = table.Column<int>(type: "INTEGER", nullable: false),
                    DisquesPresents = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferenceDecision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnlevementLe = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffresDons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlafondsPrix",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Depuis = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlafondsPrix", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SortiesDeee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CodeDechet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PoidsKg = table.Column<int>(type: "INTEGER", nullable: false),
                    Transporteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodeTraitement = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NumeroBordereau = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IdentifiantTrackdechets = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnregistrePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SortiesDeee", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LignesOffres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffreDonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantite = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesOffres", x => x.Id);
                    table.CheckConstraint("CK_LignesOffres_Quantite", "\"Quantite\" > 0");
                    table.ForeignKey(
                        name: "FK_LignesOffres_OffresDons_OffreDonId",
                        column: x => x.OffreDonId,
                        principalTable: "OffresDons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffreDonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecuLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NombreAppareils = table.Column<int>(type: "INTEGER", nullable: false),
                    PoidsKg = table.Column<int>(type: "INTEGER", nullable: false),
                    RecuPar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lots_OffresDons_OffreDonId",
                        column: x => x.OffreDonId,
                        principalTable: "OffresDons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecusDons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffreDonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Annee = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DateDon = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EtabliLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DonateurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    FormeJuridique = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AdresseDonateur = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MethodeValorisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecusDons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecusDons_OffresDons_OffreDonId",
                        column: x => x.OffreDonId,
                        principalTable: "OffresDons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Appareils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Marque = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Modele = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NumeroSerie = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Processeur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MemoireGo = table.Column<int>(type: "INTEGER", nullable: true),
                    EtatGeneral = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    SanteBatterie = table.Column<int>(type: "INTEGER", nullable: true),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SortieDeeeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appareils", x => x.Id);
                    table.CheckConstraint("CK_Appareils_Grade", "\"Grade\" IS NULL OR \"Grade\" IN ('A','B','C','D')");
                    table.ForeignKey(
                        name: "FK_Appareils_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appareils_SortiesDeee_SortieDeeeId",
                        column: x => x.SortieDeeeId,
                        principalTable: "SortiesDeee",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvenementsAppareils",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppareilId = table.Column<int>(type: "INTEGER", nullable: false),
                    De = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Vers = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvenementsAppareils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvenementsAppareils_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportsStockage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppareilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NumeroSerie = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CapaciteGo = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportsStockage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportsStockage_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestsFonctionnels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppareilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Operateur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Echecs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reussi = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestsFonctionnels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestsFonctionnels_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ventes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppareilId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrixCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PlafondCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Justificatif = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DateJustificatif = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EligibleJusquAu = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcheteurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcheteurCommune = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BeneficiaireId = table.Column<int>(type: "INTEGER", nullable: true),
                    GarantieMois = table.Column<int>(type: "INTEGER", nullable: false),
                    VenduLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Vendeur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Jeton = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ventes", x => x.Id);
                    table.CheckConstraint("CK_Ventes_Prix", "\"PrixCentimes\" >= 0 AND (\"PlafondCentimes\" IS NULL OR \"PrixCentimes\" <= \"PlafondCentimes\")");
                    table.ForeignKey(
                        name: "FK_Ventes_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ventes_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Effacements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Methode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outil = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VersionOutil = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Passes = table.Column<int>(type: "INTEGER", nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ZonesCacheesStatut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Debut = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Operateur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resultat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CertificatNom = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Certificat = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CertificatSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnregistreLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Effacements", x => x.Id);
                    table.CheckConstraint("CK_Effacements_Periode", "\"Fin\" >= \"Debut\"");
                    table.ForeignKey(
                        name: "FK_Effacements_SupportsStockage_SupportId",
                        column: x => x.SupportId,
                        principalTable: "SupportsStockage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appareils_Etat_Type",
                table: "Appareils",
                columns: new[] { "Etat", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Appareils_LotId",
                table: "Appareils",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_Appareils_NumeroSerie",
                table: "Appareils",
                column: "NumeroSerie",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appareils_SortieDeeeId",
                table: "Appareils",
                column: "SortieDeeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Effacements_SupportId",
                table: "Effacements",
                column: "SupportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_AppareilId_Id",
                table: "EvenementsAppareils",
                columns: new[] { "AppareilId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LignesOffres_OffreDonId",
                table: "LignesOffres",
                column: "OffreDonId");

            migrationBuilder.CreateIndex(
                name: "IX_Lots_OffreDonId",
                table: "Lots",
                column: "OffreDonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffresDons_Jeton",
                table: "OffresDons",
                column: "Jeton",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffresDons_Statut",
                table: "OffresDons",
                column: "Statut");

            migrationBuilder.CreateIndex(
                name: "IX_PlafondsPrix_Type_Depuis",
                table: "PlafondsPrix",
                columns: new[] { "Type", "Depuis" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecusDons_Annee_Sequence",
                table: "RecusDons",
                columns: new[] { "Annee", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecusDons_OffreDonId",
                table: "RecusDons",
                column: "OffreDonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportsStockage_AppareilId",
                table: "SupportsStockage",
                column: "AppareilId");

            migrationBuilder.CreateIndex(
                name: "IX_TestsFonctionnels_AppareilId",
                table: "TestsFonctionnels",
                column: "AppareilId");

            migrationBuilder.CreateIndex(
                name: "IX_Ventes_AppareilId",
                table: "Ventes",
                column: "AppareilId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ventes_BeneficiaireId",
                table: "Ventes",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Ventes_Jeton",
                table: "Ventes",
                column: "Jeton",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Effacements");

            migrationBuilder.DropTable(
                name: "EvenementsAppareils");

            migrationBuilder.DropTable(
                name: "LignesOffres");

            migrationBuilder.DropTable(
                name: "PlafondsPrix");

            migrationBuilder.DropTable(
                name: "RecusDons");

            migrationBuilder.DropTable(
                name: "TestsFonctionnels");

            migrationBuilder.DropTable(
                name: "Ventes");

            migrationBuilder.DropTable(
                name: "SupportsStockage");

            migrationBuilder.DropTable(
                name: "Appareils");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropTable(
                name: "SortiesDeee");

            migrationBuilder.DropTable(
                name: "OffresDons");
        }
    }
}
