using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cube = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MeetingType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Repeat = table.Column<bool>(type: "boolean", nullable: false),
                    Respondents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AggregateOptions",
                columns: table => new
                {
                    CellId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OptionCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateOptions", x => new { x.CellId, x.QuestionKey, x.OptionCode });
                });

            migrationBuilder.CreateTable(
                name: "AggregatePairs",
                columns: table => new
                {
                    CellId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    N = table.Column<long>(type: "bigint", nullable: false),
                    SumX = table.Column<double>(type: "double precision", nullable: false),
                    SumY = table.Column<double>(type: "double precision", nullable: false),
                    SumXX = table.Column<double>(type: "double precision", nullable: false),
                    SumYY = table.Column<double>(type: "double precision", nullable: false),
                    SumXY = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregatePairs", x => new { x.CellId, x.QuestionKey });
                });

            migrationBuilder.CreateTable(
                name: "AggregateState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false)
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
