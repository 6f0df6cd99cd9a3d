using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceGoalEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Goals configured before events were imported were all about inquiries (seed 003).
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ServiceGoals",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "henvendelse");

            migrationBuilder.CreateTable(
                name: "ServiceEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    JobCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceEvents_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEvents_JobCentreId_EventKey",
                table: "ServiceEvents",
                columns: new[] { "JobCentreId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEvents_Kind_ReceivedAt",
                table: "ServiceEvents",
                columns: new[] { "Kind", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ServiceGoals");
        }
    }
}
