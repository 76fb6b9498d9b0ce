using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_sdr_outreach_sequences_enrolled_at",
                table: "sdr_outreach_sequences",
                column: "enrolled_at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sdr_replies_received_at",
                table: "sdr_replies");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_sent_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_enrolled_at",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions");
        }
    }
}
