using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Aggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggregateCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cube = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    JobCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeetingType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Repeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Respondents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AggregateOptions",
                columns: table => new
                {
                    CellId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OptionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateOptions", x => new { x.CellId, x.QuestionKey, x.OptionCode });
                });

            migrationBuilder.CreateTable(
                name: "AggregatePairs",
                columns: table => new
                {
                    CellId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    N = table.Column<long>(type: "INTEGER", nullable: false),
                    SumX = table.Column<double>(type: "REAL", nullable: false),
                    SumY = table.Column<double>(type: "REAL", nullable: false),
                    SumXX = table.Column<double>(type: "REAL", nullable: false),
                    SumYY = table.Column<double>(type: "REAL", nullable: false),
                    SumXY = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregatePairs", x => new { x.CellId, x.QuestionKey });
                });

            migrationBuilder.CreateTable(
                name: "AggregateState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateState", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AggregateState",
                columns: new[] { "Id", "Generation" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "UX_AggregateCells_Key",
                table: "AggregateCells",
                columns: new[] { "Cube", "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "OfferId", "TargetGroupId", "Channel", "MeetingType", "Language", "Repeat" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggregateCells");

            migrationBuilder.DropTable(
                name: "AggregateOptions");

            migrationBuilder.DropTable(
                name: "AggregatePairs");

            migrationBuilder.DropTable(
                name: "AggregateState");
        }
    }
}
