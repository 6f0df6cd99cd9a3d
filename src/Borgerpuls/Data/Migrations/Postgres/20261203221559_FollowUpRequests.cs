using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpRequests_JobCentreId",
                table: "FollowUpRequests");

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "FollowUpRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "FollowUpRequests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "FollowUpRequests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HandlingNote",
                table: "FollowUpRequests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HandledBy",
                table: "FollowUpRequests",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            // An integer cannot be cast to a UUID; the table was never written to before this version, and any row gets a random id.
            migrationBuilder.Sql("""ALTER TABLE "FollowUpRequests" ALTER COLUMN "Id" DROP IDENTITY IF EXISTS""");
            migrationBuilder.Sql("""ALTER TABLE "FollowUpRequests" ALTER COLUMN "Id" TYPE uuid USING gen_random_uuid()""");

            migrationBuilder.AddColumn<DateOnly>(
                name: "HandledOn",
                table: "FollowUpRequests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRequests_JobCentreId_Status",
                table: "FollowUpRequests",
                columns: new[] { "JobCentreId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRequests_SiteId",
                table: "FollowUpRequests",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUpRequests_Sites_SiteId",
                table: "FollowUpRequests",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUpRequests_Sites_SiteId",
                table: "FollowUpRequests");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpRequests_JobCentreId_Status",
                table: "FollowUpRequests");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpRequests_SiteId",
                table: "FollowUpRequests");

            migrationBuilder.DropColumn(
                name: "HandledOn",
                table: "FollowUpRequests");

            migrationBuilder.AlterColumn<string>(
                name: "Phone",
                table: "FollowUpRequests",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "FollowUpRequests",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "FollowUpRequests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HandlingNote",
                table: "FollowUpRequests",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HandledBy",
                table: "FollowUpRequests",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320,
                oldNullable: true);

            migrationBuilder.Sql("""DELETE FROM "FollowUpRequests" """);
            migrationBuilder.Sql("""ALTER TABLE "FollowUpRequests" ALTER COLUMN "Id" TYPE integer USING 0""");
            migrationBuilder.Sql("""ALTER TABLE "FollowUpRequests" ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY""");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRequests_JobCentreId",
                table: "FollowUpRequests",
                column: "JobCentreId");
        }
    }
}
