using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResponseRateDenominators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DenominatorCells",
                columns: table => new
                {
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Referral = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Offered = table.Column<long>(type: "bigint", nullable: false),
                    Declined = table.Column<long>(type: "bigint", nullable: false),
                    Used = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DenominatorCells", x => new { x.InstrumentId, x.Month, x.JobCentreId, x.SiteId, x.UnitId, x.TargetGroupId, x.Channel, x.Referral });
                });

            migrationBuilder.CreateTable(
                name: "PaperDistributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperDistributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperDistributions_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperDistributions_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperDistributions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperDistributions_TargetGroups_TargetGroupId",
                        column: x => x.TargetGroupId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperDistributions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AggregateState",
                columns: new[] { "Id", "Generation" },
                values: new object[] { 2, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_PaperDistributions_InstrumentId_Month",
                table: "PaperDistributions",
                columns: new[] { "InstrumentId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperDistributions_JobCentreId",
                table: "PaperDistributions",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperDistributions_SiteId",
                table: "PaperDistributions",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperDistributions_TargetGroupId",
                table: "PaperDistributions",
                column: "TargetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperDistributions_UnitId",
                table: "PaperDistributions",
                column: "UnitId");

            // Existing databases: the denominators of the invitations and declined hand-overs stored so far, computed as
            // AggregateRebuild does (DenominatorDelta), so that no response rate is lost on upgrade.
            migrationBuilder.Sql("""
                INSERT INTO "DenominatorCells" ("InstrumentId","Month","JobCentreId","SiteId","UnitId","TargetGroupId","Channel","Referral","Offered","Declined","Used")
                SELECT "InstrumentId", CAST(EXTRACT(YEAR FROM "MeetingDate") AS integer)*100 + CAST(EXTRACT(MONTH FROM "MeetingDate") AS integer), "JobCentreId", COALESCE("SiteId", 0), COALESCE("UnitId", 0), COALESCE("TargetGroupId", 0), 'Link',
                  CASE WHEN "ReferredBy" IN ('sagsbehandler','reception','sagssystem','selv') THEN "ReferredBy" ELSE '' END, COUNT(*), 0, SUM(CASE WHEN "Used" THEN 1 ELSE 0 END)
                FROM "Invitations" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DenominatorCells" ("InstrumentId","Month","JobCentreId","SiteId","UnitId","TargetGroupId","Channel","Referral","Offered","Declined","Used")
                SELECT "InstrumentId", CAST(EXTRACT(YEAR FROM "Hour" AT TIME ZONE 'UTC') AS integer)*100 + CAST(EXTRACT(MONTH FROM "Hour" AT TIME ZONE 'UTC') AS integer), "JobCentreId", COALESCE("SiteId", 0), COALESCE("UnitId", 0), COALESCE("TargetGroupId", 0), "Channel",
                  '', 0, COUNT(*), 0
                FROM "DeclinedHandOvers" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DenominatorCells");

            migrationBuilder.DropTable(
                name: "PaperDistributions");

            migrationBuilder.DeleteData(
                table: "AggregateState",
                keyColumn: "Id",
                keyValue: 2);
        }
    }
}
