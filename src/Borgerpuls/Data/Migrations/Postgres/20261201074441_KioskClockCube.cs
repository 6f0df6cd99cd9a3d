using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KioskClockCube : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells");

            migrationBuilder.AddColumn<int>(
                name: "Clock",
                table: "AggregateCells",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells",
                columns: new[] { "Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat", "Clock" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells");

            migrationBuilder.DropColumn(
                name: "Clock",
                table: "AggregateCells");

            migrationBuilder.CreateIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells",
                columns: new[] { "Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat" },
                unique: true);
        }
    }
}
