using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisclosedSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisclosedSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Respondents = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cells = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosedSets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosedSets_User_At",
                table: "DisclosedSets",
                columns: new[] { "User", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosedSets_User_InstrumentId_Fingerprint",
                table: "DisclosedSets",
                columns: new[] { "User", "InstrumentId", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisclosedSets");
        }
    }
}
