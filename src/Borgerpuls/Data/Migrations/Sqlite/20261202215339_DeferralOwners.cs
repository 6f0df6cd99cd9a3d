using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeferralOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "AggregateDeferrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "AggregateDeferrals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Superseded",
                table: "AggregateDeferrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "AggregateDeferrals");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "AggregateDeferrals");

            migrationBuilder.DropColumn(
                name: "Superseded",
                table: "AggregateDeferrals");
        }
    }
}
