using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Borgerpuls.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Details = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BackgroundVariables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Options = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundVariables", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Insights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Themes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Quotes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Insights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MirrorOfId = table.Column<int>(type: "integer", nullable: true),
                    ExtendsId = table.Column<int>(type: "integer", nullable: true),
                    IsPreset = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instruments_Instruments_ExtendsId",
                        column: x => x.ExtendsId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instruments_Instruments_MirrorOfId",
                        column: x => x.MirrorOfId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Municipalities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scales", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Descriptions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    WithinHours = table.Column<double>(type: "double precision", nullable: false),
                    TargetShare = table.Column<double>(type: "double precision", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetGroupSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Names = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetGroupSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExtendsVersionId = table.Column<int>(type: "integer", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentVersions_InstrumentVersions_ExtendsVersionId",
                        column: x => x.ExtendsVersionId,
                        principalTable: "InstrumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstrumentVersions_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobCentres",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobCentres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobCentres_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Provider = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offers_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScaleOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScaleId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Labels = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Polarity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScaleOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScaleOptions_Scales_ScaleId",
                        column: x => x.ScaleId,
                        principalTable: "Scales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetGroupSetMembers",
                columns: table => new
                {
                    MembersId = table.Column<int>(type: "integer", nullable: false),
                    SetsId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetGroupSetMembers", x => new { x.MembersId, x.SetsId });
                    table.ForeignKey(
                        name: "FK_TargetGroupSetMembers_TargetGroupSets_SetsId",
                        column: x => x.SetsId,
                        principalTable: "TargetGroupSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TargetGroupSetMembers_TargetGroups_MembersId",
                        column: x => x.MembersId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentVersionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Texts = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ScaleId = table.Column<int>(type: "integer", nullable: true),
                    Theme = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Touchpoint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IsOverall = table.Column<bool>(type: "boolean", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    ShowAfterKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_InstrumentVersions_InstrumentVersionId",
                        column: x => x.InstrumentVersionId,
                        principalTable: "InstrumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Questions_Scales_ScaleId",
                        column: x => x.ScaleId,
                        principalTable: "Scales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    JobCentreId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    QuestionKeys = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Themes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExpectedEffect = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Phone = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    HandlingNote = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRequests_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    KioskRepeatWindowSeconds = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sites_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sites_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    TargetGroupSetId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    JobCentreId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Aggregation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_TargetGroupSets_TargetGroupSetId",
                        column: x => x.TargetGroupSetId,
                        principalTable: "TargetGroupSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_TargetGroups_TargetGroupId",
                        column: x => x.TargetGroupId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Units_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: true),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetGroupKeys = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Devices_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Devices_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Devices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    MeetingType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Used = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_TargetGroups_TargetGroupId",
                        column: x => x.TargetGroupId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invitations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentVersionId = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedHour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    OfferId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    MeetingType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Background = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Answers = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    QualityFlags = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Responses_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_InstrumentVersions_InstrumentVersionId",
                        column: x => x.InstrumentVersionId,
                        principalTable: "InstrumentVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_JobCentres_JobCentreId",
                        column: x => x.JobCentreId,
                        principalTable: "JobCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_TargetGroups_TargetGroupId",
                        column: x => x.TargetGroupId,
                        principalTable: "TargetGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Responses_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Themes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedHour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JobCentreId = table.Column<int>(type: "integer", nullable: false),
                    SiteId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    TargetGroupId = table.Column<int>(type: "integer", nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_JobCentreId",
                table: "Actions",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundVariables_Key",
                table: "BackgroundVariables",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_InstrumentId",
                table: "Campaigns",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_JobCentreId",
                table: "Campaigns",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Key",
                table: "Campaigns",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_SiteId",
                table: "Campaigns",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_UnitId",
                table: "Campaigns",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_InstrumentId_SubmittedHour",
                table: "Comments",
                columns: new[] { "InstrumentId", "SubmittedHour" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ResponseId",
                table: "Comments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_InstrumentId",
                table: "Devices",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_KeyHash",
                table: "Devices",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SiteId",
                table: "Devices",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_UnitId",
                table: "Devices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRequests_JobCentreId",
                table: "FollowUpRequests",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ExtendsId",
                table: "Instruments",
                column: "ExtendsId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Key",
                table: "Instruments",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_MirrorOfId",
                table: "Instruments",
                column: "MirrorOfId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentVersions_ExtendsVersionId",
                table: "InstrumentVersions",
                column: "ExtendsVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentVersions_InstrumentId_Number",
                table: "InstrumentVersions",
                columns: new[] { "InstrumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_CampaignId",
                table: "Invitations",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_InstrumentId",
                table: "Invitations",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_JobCentreId",
                table: "Invitations",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_SiteId",
                table: "Invitations",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TargetGroupId",
                table: "Invitations",
                column: "TargetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_UnitId",
                table: "Invitations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_JobCentres_MunicipalityId_Key",
                table: "JobCentres",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_Key",
                table: "Municipalities",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_MunicipalityId_Key",
                table: "Offers",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_InstrumentVersionId_Key",
                table: "Questions",
                columns: new[] { "InstrumentVersionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_ScaleId",
                table: "Questions",
                column: "ScaleId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_CampaignId",
                table: "Responses",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_InstrumentId_SubmittedHour",
                table: "Responses",
                columns: new[] { "InstrumentId", "SubmittedHour" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_InstrumentVersionId",
                table: "Responses",
                column: "InstrumentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_JobCentreId",
                table: "Responses",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_OfferId",
                table: "Responses",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_SiteId",
                table: "Responses",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_TargetGroupId",
                table: "Responses",
                column: "TargetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_UnitId",
                table: "Responses",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScaleOptions_ScaleId_Code",
                table: "ScaleOptions",
                columns: new[] { "ScaleId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scales_Key",
                table: "Scales",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGoals_Key",
                table: "ServiceGoals",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_JobCentreId",
                table: "Sites",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_MunicipalityId_Key",
                table: "Sites",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetGroups_Key",
                table: "TargetGroups",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetGroupSetMembers_SetsId",
                table: "TargetGroupSetMembers",
                column: "SetsId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetGroupSets_Key",
                table: "TargetGroupSets",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_InstrumentId",
                table: "Targets",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_JobCentreId",
                table: "Targets",
                column: "JobCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Key",
                table: "Targets",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_TargetGroupId",
                table: "Targets",
                column: "TargetGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_TargetGroupSetId",
                table: "Targets",
                column: "TargetGroupSetId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_MunicipalityId_Key",
                table: "Units",
                columns: new[] { "MunicipalityId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_SiteId",
                table: "Units",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BackgroundVariables");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "FollowUpRequests");

            migrationBuilder.DropTable(
                name: "Insights");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "ScaleOptions");

            migrationBuilder.DropTable(
                name: "ServiceGoals");

            migrationBuilder.DropTable(
                name: "TargetGroupSetMembers");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Responses");

            migrationBuilder.DropTable(
                name: "Scales");

            migrationBuilder.DropTable(
                name: "TargetGroupSets");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "InstrumentVersions");

            migrationBuilder.DropTable(
                name: "Offers");

            migrationBuilder.DropTable(
                name: "TargetGroups");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Instruments");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "JobCentres");

            migrationBuilder.DropTable(
                name: "Municipalities");
        }
    }
}
