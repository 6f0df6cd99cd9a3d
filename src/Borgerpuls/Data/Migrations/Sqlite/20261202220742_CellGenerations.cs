using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CellGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Generation",
                table: "AggregateCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "AggregateState",
                columns: new[] { "Id", "Generation" },
                values: new object[] { 3, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AggregateCells_Generation",
                table: "AggregateCells",
                column: "Generation");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AggregateCells_Generation",
                table: "AggregateCells");

            migrationBuilder.DeleteData(
                table: "AggregateState",
                keyColumn: "Id",
                keyValue: 3);

            migrationBuilder.DropColumn(
                name: "Generation",
                table: "AggregateCells");
        }
    }
}
