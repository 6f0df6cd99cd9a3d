using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackgroundCube : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells");

            migrationBuilder.AddColumn<string>(
                name: "BackgroundCode",
                table: "AggregateCells",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BackgroundKey",
                table: "AggregateCells",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells",
                columns: new[] { "Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat", "Clock", "BackgroundKey", "BackgroundCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells");

            migrationBuilder.DropColumn(
                name: "BackgroundCode",
                table: "AggregateCells");

            migrationBuilder.DropColumn(
                name: "BackgroundKey",
                table: "AggregateCells");

            migrationBuilder.CreateIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells",
                columns: new[] { "Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat", "Clock" },
                unique: true);
        }
    }
}
