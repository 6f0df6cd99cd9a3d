using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredCommentThemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ThemeCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    JobCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Comments = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThemeLexiconState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Definitions = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeLexiconState", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ThemeLexiconState",
                columns: new[] { "Id", "Definitions" },
                values: new object[] { 1, "" });

            migrationBuilder.CreateIndex(
                name: "UX_ThemeCells_Key",
                table: "ThemeCells",
                columns: new[] { "InstrumentId", "Month", "JobCentreId", "SiteId", "UnitId", "TargetGroupId", "Channel", "Theme" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThemeCells");

            migrationBuilder.DropTable(
                name: "ThemeLexiconState");
        }
    }
}
