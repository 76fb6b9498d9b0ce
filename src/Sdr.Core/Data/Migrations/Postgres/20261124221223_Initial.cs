using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sdr_dispatch_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sequence_id = table.Column<long>(type: "bigint", nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_dispatch_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_objection_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    objection_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    raw_message = table.Column<string>(type: "text", nullable: true),
                    rebuttal_used = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_objection_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_prospects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    lead_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    frs_score = table.Column<double>(type: "double precision", nullable: true),
                    pcs_score = table.Column<double>(type: "double precision", nullable: true),
                    enrolled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_prospects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_outreach_sequences",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    current_step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ab_variant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    next_touch_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    enrolled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    reply_count = table.Column<int>(type: "integer", nullable: false),
                    paused_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    schedule_shift_minutes = table.Column<double>(type: "double precision", nullable: false),
                    dispatch_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_outreach_sequences", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_outreach_sequences_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "sdr_prospects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sdr_outreach_touches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sequence_id = table.Column<long>(type: "bigint", nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    message_body = table.Column<string>(type: "text", nullable: true),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reply_body = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    touch_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reserved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ghl_message_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_outreach_touches", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_outreach_touches_sdr_outreach_sequences_sequence_id",
                        column: x => x.sequence_id,
                        principalTable: "sdr_outreach_sequences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_dispatch_decisions_sequence_id",
                table: "sdr_dispatch_decisions",
                column: "sequence_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_objection_logs_contact_id",
                table: "sdr_objection_logs",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_claim_token",
                table: "sdr_outreach_sequences",
                column: "claim_token");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_due",
                table: "sdr_outreach_sequences",
                columns: new[] { "is_active", "next_touch_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_location_due",
                table: "sdr_outreach_sequences",
                columns: new[] { "location_id", "is_active", "next_touch_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_prospect_id",
                table: "sdr_outreach_sequences",
                column: "prospect_id");

            migrationBuilder.CreateIndex(
                name: "ux_sdr_outreach_sequences_active_contact",
                table: "sdr_outreach_sequences",
                columns: new[] { "contact_id", "location_id" },
                unique: true,
                filter: "is_active = TRUE");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_location_id_sent_at",
                table: "sdr_outreach_touches",
                columns: new[] { "location_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_sequence_id_step",
                table: "sdr_outreach_touches",
                columns: new[] { "sequence_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_sdr_outreach_touches_idempotency",
                table: "sdr_outreach_touches",
                columns: new[] { "contact_id", "step", "touch_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospects_contact_id_location_id",
                table: "sdr_prospects",
                columns: new[] { "contact_id", "location_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_dispatch_decisions");

            migrationBuilder.DropTable(
                name: "sdr_objection_logs");

            migrationBuilder.DropTable(
                name: "sdr_outreach_touches");

            migrationBuilder.DropTable(
                name: "sdr_outreach_sequences");

            migrationBuilder.DropTable(
                name: "sdr_prospects");
        }
    }
}
