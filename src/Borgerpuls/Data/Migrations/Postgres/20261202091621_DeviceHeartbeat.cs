using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeviceHeartbeat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeliveredOn",
                table: "Devices",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeliveredToday",
                table: "Devices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "Devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Devices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastErrorAt",
                table: "Devices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastQueued",
                table: "Devices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LastRejected",
                table: "Devices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OldestQueuedAt",
                table: "Devices",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredOn",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "DeliveredToday",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "LastContactAt",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "LastErrorAt",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "LastQueued",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "LastRejected",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "OldestQueuedAt",
                table: "Devices");
        }
    }
}
