using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressionsPersonnes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressionsPersonnes",
                columns: table => new
                {
                    BeneficiaireId = table.Column<int>(type: "integer", nullable: false),
                    Competence = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Premier = table.Column<int>(type: "integer", nullable: false),
                    Dernier = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressionsPersonnes", x => new { x.BeneficiaireId, x.Competence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressionsPersonnes");
        }
    }
}
