using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeclinedHandOvers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeclinedHandOvers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JobCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclinedHandOvers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclinedHandOvers_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclinedHandOvers_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclinedHandOvers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclinedHandOvers_TargetGroups_TargetGroupId",
                        column: x => x.TargetGroupId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclinedHandOvers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeclinedHandOvers_InstrumentId_Hour",
                table: "DeclinedHandOvers",
                columns: new[] { "InstrumentId", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclinedHandOvers_JobCentreId",
                table: "DeclinedHandOvers",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclinedHandOvers_SiteId",
                table: "DeclinedHandOvers",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclinedHandOvers_TargetGroupId",
                table: "DeclinedHandOvers",
                column: "TargetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclinedHandOvers_UnitId",
                table: "DeclinedHandOvers",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeclinedHandOvers");
        }
    }
}
