using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportMappingsAndDeferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AggregateDeferrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateDeferrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedMappings_InstrumentKey_Name",
                table: "SavedMappings",
                columns: new[] { "InstrumentKey", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AggregateDeferrals");

            migrationBuilder.DropTable(
                name: "SavedMappings");
        }
    }
}
