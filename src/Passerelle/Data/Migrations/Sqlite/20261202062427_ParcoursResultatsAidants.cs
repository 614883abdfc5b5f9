using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParcoursResultatsAidants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ResultatsParcours_Type",
                table: "ResultatsParcours");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ResultatsParcours_Type",
                table: "ResultatsParcours",
                sql: "\"Type\" IN ('CDI', 'CDD_6_PLUS', 'CDD_MOINS_6', 'ALTERNANCE', 'CREATION', 'FORMATION', 'SANS_SOLUTION', 'INCONNU', 'AIDE_ASSOCIATION', 'HABILITE_AC', 'ORIENTE', 'AIDE_AILLEURS', 'NE_PRATIQUE_PAS', 'A_QUITTE')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ResultatsParcours_Type",
                table: "ResultatsParcours");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ResultatsParcours_Type",
                table: "ResultatsParcours",
                sql: "\"Type\" IN ('CDI', 'CDD_6_PLUS', 'CDD_MOINS_6', 'ALTERNANCE', 'CREATION', 'FORMATION', 'SANS_SOLUTION', 'INCONNU')");
        }
    }
}
