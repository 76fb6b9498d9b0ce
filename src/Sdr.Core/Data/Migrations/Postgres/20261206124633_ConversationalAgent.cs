using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationalAgent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reply categories of issue 15: re-consent is now "start"; a reply no layer recognised is "engagement".
            migrationBuilder.Sql("UPDATE sdr_replies SET category = 'start' WHERE category = 're_consent';");
            migrationBuilder.Sql("UPDATE sdr_replies SET category = 'engagement' WHERE category = 'unclassified';");

            migrationBuilder.AddColumn<string>(
                name: "action",
                table: "sdr_replies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "also_detected",
                table: "sdr_replies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handled_at",
                table: "sdr_replies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_auto_responder",
                table: "sdr_replies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "message_type",
                table: "sdr_replies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "webhook_event_id",
                table: "sdr_replies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "evaluated_at",
                table: "sdr_prospects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handed_off_at",
                table: "sdr_prospects",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handoff_target",
                table: "sdr_prospects",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "intent_confidence",
                table: "sdr_prospects",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "qualification_signals",
                table: "sdr_prospects",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pause_reason",
                table: "sdr_outreach_sequences",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "resumes_at",
                table: "sdr_outreach_sequences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "sdr_outbound_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ab_variant",
                table: "sdr_objection_logs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "outcome_at",
                table: "sdr_objection_logs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rebuttal_source",
                table: "sdr_objection_logs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reply_id",
                table: "sdr_objection_logs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence_id",
                table: "sdr_objection_logs",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_booking_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sequence_id = table.Column<long>(type: "bigint", nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    calendar_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slots = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    booked_slot = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    appointment_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_booking_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_booking_offers_sequences_sequence_id",
                        column: x => x.sequence_id,
                        principalTable: "sdr_outreach_sequences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sdr_llm_calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reply_id = table.Column<long>(type: "bigint", nullable: true),
                    purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    latency_ms = table.Column<int>(type: "integer", nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    fallback_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_llm_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_sequence_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sequence_id = table.Column<long>(type: "bigint", nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_sequence_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_sequence_events_sdr_outreach_sequences_sequence_id",
                        column: x => x.sequence_id,
                        principalTable: "sdr_outreach_sequences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_replies_message_id",
                table: "sdr_replies",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_replies_webhook_event_id",
                table: "sdr_replies",
                column: "webhook_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_resumes_at",
                table: "sdr_outreach_sequences",
                columns: new[] { "is_active", "resumes_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_objection_logs_location_id_created_at",
                table: "sdr_objection_logs",
                columns: new[] { "location_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_booking_offers_sequence_id_status",
                table: "sdr_booking_offers",
                columns: new[] { "sequence_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_llm_calls_at",
                table: "sdr_llm_calls",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_llm_calls_reply_id",
                table: "sdr_llm_calls",
                column: "reply_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_sequence_events_sequence_id_at",
                table: "sdr_sequence_events",
                columns: new[] { "sequence_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_booking_offers");

            migrationBuilder.DropTable(
                name: "sdr_llm_calls");

            migrationBuilder.DropTable(
                name: "sdr_sequence_events");

            migrationBuilder.DropIndex(
                name: "ix_sdr_replies_message_id",
                table: "sdr_replies");

            migrationBuilder.DropIndex(
                name: "ix_sdr_replies_webhook_event_id",
                table: "sdr_replies");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_resumes_at",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropIndex(
                name: "ix_sdr_objection_logs_location_id_created_at",
                table: "sdr_objection_logs");

            migrationBuilder.DropColumn(
                name: "action",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "also_detected",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "handled_at",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "is_auto_responder",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "message_type",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "webhook_event_id",
                table: "sdr_replies");

            migrationBuilder.DropColumn(
                name: "evaluated_at",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "handed_off_at",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "handoff_target",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "intent_confidence",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "qualification_signals",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "pause_reason",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropColumn(
                name: "resumes_at",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "sdr_outbound_messages");

            migrationBuilder.DropColumn(
                name: "ab_variant",
                table: "sdr_objection_logs");

            migrationBuilder.DropColumn(
                name: "outcome_at",
                table: "sdr_objection_logs");

            migrationBuilder.DropColumn(
                name: "rebuttal_source",
                table: "sdr_objection_logs");

            migrationBuilder.DropColumn(
                name: "reply_id",
                table: "sdr_objection_logs");

            migrationBuilder.DropColumn(
                name: "sequence_id",
                table: "sdr_objection_logs");
        }
    }
}
