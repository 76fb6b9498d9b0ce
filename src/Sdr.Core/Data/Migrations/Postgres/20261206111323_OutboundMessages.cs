using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboundMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sdr_outbound_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sequence_id = table.Column<long>(type: "bigint", nullable: true),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    body = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    not_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claimed_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ghl_message_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_outbound_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outbound_messages_contact_id_purpose",
                table: "sdr_outbound_messages",
                columns: new[] { "contact_id", "purpose" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outbound_messages_dedupe_key",
                table: "sdr_outbound_messages",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outbound_messages_status_not_before",
                table: "sdr_outbound_messages",
                columns: new[] { "status", "not_before" });

            // Texts now go out from sdr_outbound_messages; a confirmation or HELP reply still queued as a GHL
            // action is past its five minutes by now and is never sent (GhlActionRunner.LegacyTextError).
            migrationBuilder.Sql(
                "UPDATE sdr_ghl_actions SET status = 'failed', claimed_until = NULL, "
                + "last_error = 'texts now go out from sdr_outbound_messages through the outbound stages; this queued text was not sent' "
                + "WHERE kind IN ('opt_out_confirmation', 'help_reply') AND status IN ('pending', 'sending')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_outbound_messages");
        }
    }
}
