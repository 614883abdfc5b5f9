using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RapportsPostesPilotageBaux : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CodeQpv",
                table: "Ventes",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SituationQpv",
                table: "Ventes",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AnneePopulation",
                table: "Qpv",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Qpv",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Qpv",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Population",
                table: "Qpv",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinanceurId",
                table: "ProfilCompte",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RappelRevuePour",
                table: "Adhesions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AchatsFoyers",
                columns: table => new
                {
                    FoyerCle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DernierAchat = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AchatsFoyers", x => x.FoyerCle);
                });

            migrationBuilder.CreateTable(
                name: "ActionsTerritoriales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Zones = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Porteur = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoutCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Cofinancement = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreeLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionsTerritoriales", x => x.Id);
                    table.CheckConstraint("CK_ActionsTerritoriales_Cout", "\"CoutCentimes\" >= 0");
                    table.CheckConstraint("CK_ActionsTerritoriales_Dates", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\"");
                });

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
                name: "BauxTaches",
                columns: table => new
                {
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Titulaire = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PrisLe = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpireLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BauxTaches", x => x.Nom);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    CodeInsee = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommuneParente = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    CodesPostaux = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    AnneePopulation = table.Column<int>(type: "INTEGER", nullable: true),
                    EpciSiren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    EpciNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneeCog = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    NomRecherche = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImporteLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.CodeInsee);
                    table.CheckConstraint("CK_Communes_Population", "\"Population\" IS NULL OR \"Population\" >= 0");
                });

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
                name: "FacteursCo2",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmpreinteNeufGrammes = table.Column<long>(type: "INTEGER", nullable: false),
                    EviteParAnGrammes = table.Column<long>(type: "INTEGER", nullable: false),
                    AnneesSecondeVie = table.Column<int>(type: "INTEGER", nullable: false),
                    ValableDu = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacteursCo2", x => x.Id);
                    table.CheckConstraint("CK_FacteursCo2_Positifs", "\"EmpreinteNeufGrammes\" >= 0 AND \"EviteParAnGrammes\" >= 0 AND \"AnneesSecondeVie\" BETWEEN 0 AND 20");
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
                name: "HeuresInsertion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Site = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mois = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Categorie = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Activite = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Personnes = table.Column<int>(type: "INTEGER", nullable: false),
                    SaisiPar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SaisiLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeuresInsertion", x => x.Id);
                    table.CheckConstraint("CK_HeuresInsertion_Valeurs", "\"Minutes\" BETWEEN 0 AND 10000000 AND \"Personnes\" BETWEEN 0 AND 10000");
                });

            migrationBuilder.CreateTable(
                name: "IndicesFragilite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VersionModele = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Variante = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    NonCouvertureThd = table.Column<double>(type: "REAL", nullable: true),
                    SourceNonCouvertureThd = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneeNonCouvertureThd = table.Column<int>(type: "INTEGER", nullable: true),
                    NonCouverture4g = table.Column<double>(type: "REAL", nullable: true),
                    SourceNonCouverture4g = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneeNonCouverture4g = table.Column<int>(type: "INTEGER", nullable: true),
                    Part65Plus = table.Column<double>(type: "REAL", nullable: true),
                    SourcePart65Plus = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneePart65Plus = table.Column<int>(type: "INTEGER", nullable: true),
                    PartPeuDiplomes = table.Column<double>(type: "REAL", nullable: true),
                    SourcePartPeuDiplomes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneePartPeuDiplomes = table.Column<int>(type: "INTEGER", nullable: true),
                    TauxPauvrete = table.Column<double>(type: "REAL", nullable: true),
                    SourceTauxPauvrete = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnneeTauxPauvrete = table.Column<int>(type: "INTEGER", nullable: true),
                    ImporteLe = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicesFragilite", x => x.Id);
                    table.CheckConstraint("CK_IndicesFragilite_Niveau", "\"Niveau\" IN ('commune', 'qpv', 'iris', 'epci', 'departement')");
                    table.CheckConstraint("CK_IndicesFragilite_Score", "\"Score\" >= 1 AND \"Score\" <= 10");
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
                name: "PlansFinancement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PorteurId = table.Column<int>(type: "INTEGER", nullable: false),
                    Exercice = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CoutCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PartsCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlansFinancement", x => x.Id);
                    table.CheckConstraint("CK_PlansFinancement_Base", "\"Base\" IN ('TTC', 'HT')");
                    table.CheckConstraint("CK_PlansFinancement_Cout", "\"CoutCentimes\" > 0");
                    table.CheckConstraint("CK_PlansFinancement_Parts", "\"PartsCentimes\" >= 0 AND \"PartsCentimes\" <= \"CoutCentimes\"");
                    table.ForeignKey(
                        name: "FK_PlansFinancement_Structures_PorteurId",
                        column: x => x.PorteurId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Postes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NumeroNational = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    OuvertLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FermeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubventionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Demo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Postes", x => x.Id);
                    table.CheckConstraint("CK_Postes_Dates", "\"FermeLe\" IS NULL OR \"FermeLe\" >= \"OuvertLe\"");
                    table.ForeignKey(
                        name: "FK_Postes_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postes_Subventions_SubventionId",
                        column: x => x.SubventionId,
                        principalTable: "Subventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "BilansAppareils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppareilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FacteurCo2Id = table.Column<int>(type: "INTEGER", nullable: true),
                    AnneesSupposees = table.Column<int>(type: "INTEGER", nullable: false),
                    Co2eEviteGrammes = table.Column<long>(type: "INTEGER", nullable: false),
                    MasseGrammes = table.Column<long>(type: "INTEGER", nullable: false),
                    Le = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BilansAppareils", x => x.Id);
                    table.CheckConstraint("CK_BilansAppareils_Issue", "\"Issue\" IN ('reemploi','recyclage')");
                    table.ForeignKey(
                        name: "FK_BilansAppareils_Appareils_AppareilId",
                        column: x => x.AppareilId,
                        principalTable: "Appareils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BilansAppareils_FacteursCo2_FacteurCo2Id",
                        column: x => x.FacteurCo2Id,
                        principalTable: "FacteursCo2",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "PartsFinancement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    FinanceurId = table.Column<int>(type: "INTEGER", nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    TauxDixMilliemes = table.Column<int>(type: "INTEGER", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubventionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartsFinancement", x => x.Id);
                    table.CheckConstraint("CK_PartsFinancement_Montant", "\"MontantCentimes\" > 0");
                    table.CheckConstraint("CK_PartsFinancement_Taux", "\"TauxDixMilliemes\" IS NULL OR (\"TauxDixMilliemes\" >= 1 AND \"TauxDixMilliemes\" <= 10000)");
                    table.ForeignKey(
                        name: "FK_PartsFinancement_Financeurs_FinanceurId",
                        column: x => x.FinanceurId,
                        principalTable: "Financeurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartsFinancement_PlansFinancement_PlanId",
                        column: x => x.PlanId,
                        principalTable: "PlansFinancement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartsFinancement_Subventions_SubventionId",
                        column: x => x.SubventionId,
                        principalTable: "Subventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EcheancesPostes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PosteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<int>(type: "INTEGER", nullable: false),
                    DatePrevue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MontantCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MouvementId = table.Column<long>(type: "INTEGER", nullable: true),
                    PayeeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Fictif = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EcheancesPostes", x => x.Id);
                    table.CheckConstraint("CK_EcheancesPostes_Montant", "\"MontantCentimes\" > 0");
                    table.CheckConstraint("CK_EcheancesPostes_Paiement", "(\"Statut\" = 'payee') = (\"MouvementId\" IS NOT NULL AND \"PayeeLe\" IS NOT NULL)");
                    table.CheckConstraint("CK_EcheancesPostes_Statut", "\"Statut\" IN ('prevue', 'payee', 'annulee')");
                    table.ForeignKey(
                        name: "FK_EcheancesPostes_MouvementsSubventions_MouvementId",
                        column: x => x.MouvementId,
                        principalTable: "MouvementsSubventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EcheancesPostes_Postes_PosteId",
                        column: x => x.PosteId,
                        principalTable: "Postes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OccupationsPostes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PosteId = table.Column<int>(type: "INTEGER", nullable: false),
                    MediateurId = table.Column<int>(type: "INTEGER", nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupationsPostes", x => x.Id);
                    table.CheckConstraint("CK_OccupationsPostes_Dates", "\"Fin\" IS NULL OR \"Fin\" >= \"Debut\"");
                    table.ForeignKey(
                        name: "FK_OccupationsPostes_Mediateurs_MediateurId",
                        column: x => x.MediateurId,
                        principalTable: "Mediateurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OccupationsPostes_Postes_PosteId",
                        column: x => x.PosteId,
                        principalTable: "Postes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            // Written by hand (decision 0026), keep when regenerating: funder accounts tied by name get their funder's id; grants
            // paid beyond what was committed get the missing commitment as a new ledger movement (append-only kept), so the new
            // CHECK paid <= committed holds on existing data.
            migrationBuilder.Sql("UPDATE \"ProfilCompte\" SET \"FinanceurId\" = (SELECT f.\"Id\" FROM \"Financeurs\" f WHERE lower(f.\"Nom\") = lower(trim(\"ProfilCompte\".\"Financeur\")) ORDER BY f.\"Id\" LIMIT 1) WHERE \"Financeur\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"MouvementsSubventions\" (\"SubventionId\", \"Type\", \"MontantCentimes\", \"Date\", \"Numero\", \"EnregistreLe\", \"EnregistrePar\") "
                + "SELECT \"Id\", 'engagement', \"PayeCentimes\" - \"EngageCentimes\", CURRENT_DATE, 'REGULARISATION-0026', CURRENT_TIMESTAMP, 'migration' FROM \"Subventions\" WHERE \"PayeCentimes\" > \"EngageCentimes\";");
            migrationBuilder.Sql("UPDATE \"Subventions\" SET \"EngageCentimes\" = \"PayeCentimes\" WHERE \"PayeCentimes\" > \"EngageCentimes\";");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Subventions_PayeEngage",
                table: "Subventions",
                sql: "\"PayeCentimes\" <= \"EngageCentimes\"");

            migrationBuilder.CreateIndex(
                name: "IX_ProfilCompte_FinanceurId",
                table: "ProfilCompte",
                column: "FinanceurId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils",
                columns: new[] { "Le", "Vers", "AppareilId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionsTerritoriales_Debut",
                table: "ActionsTerritoriales",
                column: "Debut");

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
                name: "IX_BilansAppareils_AppareilId",
                table: "BilansAppareils",
                column: "AppareilId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BilansAppareils_FacteurCo2Id",
                table: "BilansAppareils",
                column: "FacteurCo2Id");

            migrationBuilder.CreateIndex(
                name: "IX_BilansAppareils_Le",
                table: "BilansAppareils",
                column: "Le");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_EpciSiren",
                table: "Communes",
                column: "EpciSiren");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_NomRecherche",
                table: "Communes",
                column: "NomRecherche");

            migrationBuilder.CreateIndex(
                name: "IX_EcheancesPostes_MouvementId",
                table: "EcheancesPostes",
                column: "MouvementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EcheancesPostes_PosteId_Rang",
                table: "EcheancesPostes",
                columns: new[] { "PosteId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EcheancesPostes_Statut_DatePrevue",
                table: "EcheancesPostes",
                columns: new[] { "Statut", "DatePrevue" });

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAllerVers_ProgrammeId",
                table: "EvenementsAllerVers",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_EvenementsAllerVers_StructureId_Date",
                table: "EvenementsAllerVers",
                columns: new[] { "StructureId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FacteursCo2_Type_ValableDu",
                table: "FacteursCo2",
                columns: new[] { "Type", "ValableDu" });

            migrationBuilder.CreateIndex(
                name: "IX_FacteursCo2_Version_Type",
                table: "FacteursCo2",
                columns: new[] { "Version", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FacturesOperateurs_ProgrammeId_Numero",
                table: "FacturesOperateurs",
                columns: new[] { "ProgrammeId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeuresInsertion_Site_Mois_Categorie_Activite",
                table: "HeuresInsertion",
                columns: new[] { "Site", "Mois", "Categorie", "Activite" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicateursRapports_RapportId_Rang",
                table: "IndicateursRapports",
                columns: new[] { "RapportId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicesFragilite_Niveau_Code_VersionModele_Variante",
                table: "IndicesFragilite",
                columns: new[] { "Niveau", "Code", "VersionModele", "Variante" },
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
                name: "IX_LignesRapports_RapportId_Compte",
                table: "LignesRapports",
                columns: new[] { "RapportId", "Compte" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LotsBons_OffreId",
                table: "LotsBons",
                column: "OffreId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectifsConventions_ConventionId_Rang",
                table: "ObjectifsConventions",
                columns: new[] { "ConventionId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OccupationsPostes_MediateurId",
                table: "OccupationsPostes",
                column: "MediateurId");

            migrationBuilder.CreateIndex(
                name: "IX_OccupationsPostes_PosteId_Debut",
                table: "OccupationsPostes",
                columns: new[] { "PosteId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupationsPostes_PosteId_Ouverte",
                table: "OccupationsPostes",
                column: "PosteId",
                unique: true,
                filter: "\"Fin\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PartsFinancement_FinanceurId",
                table: "PartsFinancement",
                column: "FinanceurId");

            migrationBuilder.CreateIndex(
                name: "IX_PartsFinancement_PlanId_FinanceurId",
                table: "PartsFinancement",
                columns: new[] { "PlanId", "FinanceurId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartsFinancement_SubventionId",
                table: "PartsFinancement",
                column: "SubventionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlansFinancement_PorteurId_Exercice",
                table: "PlansFinancement",
                columns: new[] { "PorteurId", "Exercice" });

            migrationBuilder.CreateIndex(
                name: "IX_Postes_StructureId",
                table: "Postes",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_Postes_SubventionId",
                table: "Postes",
                column: "SubventionId",
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

            migrationBuilder.AddForeignKey(
                name: "FK_ProfilCompte_Financeurs_FinanceurId",
                table: "ProfilCompte",
                column: "FinanceurId",
                principalTable: "Financeurs",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProfilCompte_Financeurs_FinanceurId",
                table: "ProfilCompte");

            migrationBuilder.DropTable(
                name: "AchatsFoyers");

            migrationBuilder.DropTable(
                name: "ActionsTerritoriales");

            migrationBuilder.DropTable(
                name: "Avenants");

            migrationBuilder.DropTable(
                name: "BauxTaches");

            migrationBuilder.DropTable(
                name: "BilansAppareils");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "EcheancesPostes");

            migrationBuilder.DropTable(
                name: "HeuresInsertion");

            migrationBuilder.DropTable(
                name: "IndicateursRapports");

            migrationBuilder.DropTable(
                name: "IndicesFragilite");

            migrationBuilder.DropTable(
                name: "LiensAllerVers");

            migrationBuilder.DropTable(
                name: "LignesFacturesOperateurs");

            migrationBuilder.DropTable(
                name: "LignesRapports");

            migrationBuilder.DropTable(
                name: "LotsBons");

            migrationBuilder.DropTable(
                name: "ObjectifsConventions");

            migrationBuilder.DropTable(
                name: "OccupationsPostes");

            migrationBuilder.DropTable(
                name: "PartsFinancement");

            migrationBuilder.DropTable(
                name: "FacteursCo2");

            migrationBuilder.DropTable(
                name: "EvenementsAllerVers");

            migrationBuilder.DropTable(
                name: "FacturesOperateurs");

            migrationBuilder.DropTable(
                name: "RapportsFinanciers");

            migrationBuilder.DropTable(
                name: "Postes");

            migrationBuilder.DropTable(
                name: "PlansFinancement");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Subventions_PayeEngage",
                table: "Subventions");

            migrationBuilder.DropIndex(
                name: "IX_ProfilCompte_FinanceurId",
                table: "ProfilCompte");

            migrationBuilder.DropIndex(
                name: "IX_EvenementsAppareils_Le_Vers_AppareilId",
                table: "EvenementsAppareils");

            migrationBuilder.DropColumn(
                name: "CodeQpv",
                table: "Ventes");

            migrationBuilder.DropColumn(
                name: "SituationQpv",
                table: "Ventes");

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

            migrationBuilder.DropColumn(
                name: "FinanceurId",
                table: "ProfilCompte");

            migrationBuilder.DropColumn(
                name: "RappelRevuePour",
                table: "Adhesions");
        }
    }
}
