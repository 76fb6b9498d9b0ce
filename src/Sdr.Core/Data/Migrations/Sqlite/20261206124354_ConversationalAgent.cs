using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "also_detected",
                table: "sdr_replies",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handled_at",
                table: "sdr_replies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_auto_responder",
                table: "sdr_replies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "message_type",
                table: "sdr_replies",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "webhook_event_id",
                table: "sdr_replies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "evaluated_at",
                table: "sdr_prospects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "handed_off_at",
                table: "sdr_prospects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handoff_target",
                table: "sdr_prospects",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "intent_confidence",
                table: "sdr_prospects",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "qualification_signals",
                table: "sdr_prospects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pause_reason",
                table: "sdr_outreach_sequences",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "resumes_at",
                table: "sdr_outreach_sequences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "sdr_outbound_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ab_variant",
                table: "sdr_objection_logs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "outcome_at",
                table: "sdr_objection_logs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rebuttal_source",
                table: "sdr_objection_logs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reply_id",
                table: "sdr_objection_logs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence_id",
                table: "sdr_objection_logs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_booking_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sequence_id = table.Column<long>(type: "INTEGER", nullable: false),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    calendar_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    slots = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    booked_slot = table.Column<DateTime>(type: "TEXT", nullable: true),
                    appointment_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reply_id = table.Column<long>(type: "INTEGER", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    latency_ms = table.Column<int>(type: "INTEGER", nullable: false),
                    succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    fallback_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_llm_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_sequence_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sequence_id = table.Column<long>(type: "INTEGER", nullable: false),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
