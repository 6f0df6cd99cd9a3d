using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    User = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Respondents = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Cells = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
