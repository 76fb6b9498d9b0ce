using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions",
                column: "at");

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
                name: "sdr_alerts");

            migrationBuilder.DropIndex(
                name: "ix_sdr_dispatch_decisions_at",
                table: "sdr_dispatch_decisions");
        }
    }
}
