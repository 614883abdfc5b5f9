using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConventionsSubventionsScdl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "LieuId",
                table: "Conventions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "CoordinateurId",
                table: "Conventions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<long>(
                name: "MontantAnnuelCentimes",
                table: "Conventions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SubventionId",
                table: "Conventions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_SubventionId",
                table: "Conventions",
                column: "SubventionId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Conventions_MontantAnnuel",
                table: "Conventions",
                sql: "\"MontantAnnuelCentimes\" >= 0");

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

            migrationBuilder.DropIndex(
                name: "IX_Conventions_SubventionId",
                table: "Conventions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Conventions_MontantAnnuel",
                table: "Conventions");

            migrationBuilder.DropColumn(
                name: "MontantAnnuelCentimes",
                table: "Conventions");

            migrationBuilder.DropColumn(
                name: "SubventionId",
                table: "Conventions");

            migrationBuilder.AlterColumn<int>(
                name: "LieuId",
                table: "Conventions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CoordinateurId",
                table: "Conventions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
