using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "phone_hash",
                table: "sdr_prospects",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_ghl_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ghl_message_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_ghl_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_replies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sequence_id = table.Column<long>(type: "INTEGER", nullable: true),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_replies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_webhook_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_webhook_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospects_phone_hash",
                table: "sdr_prospects",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ghl_actions_dedupe_key",
                table: "sdr_ghl_actions",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ghl_actions_status_next_attempt_at",
                table: "sdr_ghl_actions",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_replies_contact_id_location_id",
                table: "sdr_replies",
                columns: new[] { "contact_id", "location_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_replies_sequence_id",
                table: "sdr_replies",
                column: "sequence_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_webhook_events_contact_id_status",
                table: "sdr_webhook_events",
                columns: new[] { "contact_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_webhook_events_dedupe_key",
                table: "sdr_webhook_events",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_webhook_events_status_next_attempt_at",
                table: "sdr_webhook_events",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_ghl_actions");

            migrationBuilder.DropTable(
                name: "sdr_replies");

            migrationBuilder.DropTable(
                name: "sdr_webhook_events");

            migrationBuilder.DropIndex(
                name: "ix_sdr_prospects_phone_hash",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "phone_hash",
                table: "sdr_prospects");
        }
    }
}
