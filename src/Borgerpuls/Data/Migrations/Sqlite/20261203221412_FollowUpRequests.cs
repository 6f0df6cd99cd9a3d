using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
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

            migrationBuilder.AlterColumn<Guid>(
                name: "Id",
                table: "FollowUpRequests",
                type: "TEXT",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "HandledOn",
                table: "FollowUpRequests",
                type: "TEXT",
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

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "FollowUpRequests",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "TEXT")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRequests_JobCentreId",
                table: "FollowUpRequests",
                column: "JobCentreId");
        }
    }
}
