using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <summary>Ids that do not reveal insertion order (docs/decisions/0007): invitations get random ids, and their rows are
    /// written again in random order; comments get a random public id; invitation creation is audited as a daily count.</summary>
    public partial class UnorderedIds : Migration
    {
        // A random UUID version 4 in the text form EF Core stores Guids in on SQLite (upper case, with dashes).
        private const string RandomUuid = """upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot change a column's type: the table is built anew (as EF Core's rebuild would), the counters replaced
            // by random ids, and the rows inserted in random order so that the hidden rowid does not keep the creation order
            // either. Written out here because EF Core's own rebuild would run after any statement of this migration.
            // No table refers to Invitations, so it can be dropped with foreign keys on.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_Invitations" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
                    "CampaignId" INTEGER NULL,
                    "ExpiresOn" TEXT NOT NULL,
                    "InstrumentId" INTEGER NOT NULL,
                    "JobCentreId" INTEGER NOT NULL,
                    "MeetingDate" TEXT NOT NULL,
                    "MeetingType" TEXT NULL,
                    "ReferredBy" TEXT NULL,
                    "SiteId" INTEGER NULL,
                    "TargetGroupId" INTEGER NULL,
                    "TokenHash" TEXT NOT NULL,
                    "UnitId" INTEGER NULL,
                    "Used" INTEGER NOT NULL,
                    CONSTRAINT "FK_Invitations_Campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "Campaigns" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Invitations_Instruments_InstrumentId" FOREIGN KEY ("InstrumentId") REFERENCES "Instruments" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Invitations_JobCentres_JobCentreId" FOREIGN KEY ("JobCentreId") REFERENCES "JobCentres" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Invitations_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Invitations_TargetGroups_TargetGroupId" FOREIGN KEY ("TargetGroupId") REFERENCES "TargetGroups" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Invitations_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "ef_temp_Invitations" ("Id", "CampaignId", "ExpiresOn", "InstrumentId", "JobCentreId", "MeetingDate", "MeetingType", "ReferredBy", "SiteId", "TargetGroupId", "TokenHash", "UnitId", "Used")
                SELECT {RandomUuid}, "CampaignId", "ExpiresOn", "InstrumentId", "JobCentreId", "MeetingDate", "MeetingType", "ReferredBy", "SiteId", "TargetGroupId", "TokenHash", "UnitId", "Used"
                FROM "Invitations" ORDER BY random();
                """);
            migrationBuilder.Sql("""DROP TABLE "Invitations";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_Invitations" RENAME TO "Invitations";""");
            foreach (var column in new[] { "CampaignId", "InstrumentId", "JobCentreId", "SiteId", "TargetGroupId", "UnitId" })
            {
                migrationBuilder.Sql($"""CREATE INDEX "IX_Invitations_{column}" ON "Invitations" ("{column}");""");
            }
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");""");

            migrationBuilder.AddColumn<Guid>(
                name: "PublicId",
                table: "Comments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing comments get random public ids before the unique index is built.
            migrationBuilder.Sql($"""UPDATE "Comments" SET "PublicId" = {RandomUuid};""");

            migrationBuilder.CreateTable(
                name: "InvitationTallies",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    JobCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationTallies", x => new { x.Day, x.Actor, x.JobCentreId, x.InstrumentId });
                    table.ForeignKey(
                        name: "FK_InvitationTallies_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvitationTallies_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_PublicId",
                table: "Comments",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvitationTallies_InstrumentId",
                table: "InvitationTallies",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationTallies_JobCentreId",
                table: "InvitationTallies",
                column: "JobCentreId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvitationTallies");

            migrationBuilder.DropIndex(
                name: "IX_Comments_PublicId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "PublicId",
                table: "Comments");

            // Back to counters, numbered in the stored order, before the rebuild copies them into an integer column.
            migrationBuilder.Sql("""UPDATE "Invitations" SET "Id" = (SELECT count(*) FROM "Invitations" AS "i" WHERE "i".rowid <= "Invitations".rowid);""");

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Invitations",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT")
                .Annotation("Sqlite:Autoincrement", true);
        }
    }
}
