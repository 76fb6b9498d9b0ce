using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanerTouchAndClaimIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_location_id_sent_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_claim_token",
                table: "sdr_outreach_sequences");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_location_id_sent_at",
                table: "sdr_outreach_touches",
                columns: new[] { "location_id", "sent_at" },
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches",
                columns: new[] { "status", "reserved_at" },
                filter: "status <> 'sent'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_location_id_sent_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_location_id_sent_at",
                table: "sdr_outreach_touches",
                columns: new[] { "location_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches",
                columns: new[] { "status", "reserved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_claim_token",
                table: "sdr_outreach_sequences",
                column: "claim_token");
        }
    }
}
