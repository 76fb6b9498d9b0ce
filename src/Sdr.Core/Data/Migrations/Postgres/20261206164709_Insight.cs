using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Insight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ab_test_id",
                table: "sdr_outreach_sequences",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_ab_tests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    config_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    promoted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    winner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_ab_tests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_value = table.Column<double>(type: "double precision", nullable: false),
                    threshold = table.Column<double>(type: "double precision", nullable: false),
                    last_evaluated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    clear_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notice_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    notice_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recovery_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    recovery_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    delivery_attempts = table.Column<int>(type: "integer", nullable: false),
                    next_delivery_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    delivery_claimed_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_delivery_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_ab_test_variants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ab_test_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    tone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    step_timing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    stopped_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_ab_test_variants", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_ab_test_variants_sdr_ab_tests_ab_test_id",
                        column: x => x.ab_test_id,
                        principalTable: "sdr_ab_tests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_replies_received_at",
                table: "sdr_replies",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_sent_at",
                table: "sdr_outreach_touches",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_ab_test",
                table: "sdr_outreach_sequences",
                columns: new[] { "ab_test_id", "ab_variant" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_enrolled_at",
                table: "sdr_outreach_sequences",
                column: "enrolled_at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_test_variants_ab_test_id_name",
                table: "sdr_ab_test_variants",
                columns: new[] { "ab_test_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_tests_config_key",
                table: "sdr_ab_tests",
                column: "config_key",
                unique: true,
                filter: "config_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_tests_status_location_id",
                table: "sdr_ab_tests",
                columns: new[] { "status", "location_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_alerts_key",
                table: "sdr_alerts",
                column: "key",
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_alerts_opened_at",
                table: "sdr_alerts",
                column: "opened_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_ab_test_variants");

            migrationBuilder.DropTable(
                name: "sdr_alerts");

            migrationBuilder.DropTable(
                name: "sdr_ab_tests");

            migrationBuilder.DropIndex(
                name: "ix_sdr_replies_received_at",
                table: "sdr_replies");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_sent_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_ab_test",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_enrolled_at",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions");

            migrationBuilder.DropColumn(
                name: "ab_test_id",
                table: "sdr_outreach_sequences");
        }
    }
}
