using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "TargetGroupSets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "TargetGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Sites",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Offers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "JobCentres",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "BackgroundVariables",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "TargetGroupSets");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "TargetGroups");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "JobCentres");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "BackgroundVariables");
        }
    }
}
