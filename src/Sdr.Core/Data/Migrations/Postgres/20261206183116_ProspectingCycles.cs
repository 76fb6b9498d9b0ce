using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProspectingCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sdr_prospecting_cycles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sources = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    max_per_source = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    schedule_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    discovered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    errors = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_prospecting_cycles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_prospecting_candidates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cycle_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    candidate_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    listing_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    facts = table.Column<string>(type: "text", nullable: true),
                    found_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_prospecting_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_prospecting_candidates_prospecting_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "sdr_prospecting_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospecting_candidates_cycle_id_candidate_key",
                table: "sdr_prospecting_candidates",
                columns: new[] { "cycle_id", "candidate_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospecting_candidates_cycle_id_status_id",
                table: "sdr_prospecting_candidates",
                columns: new[] { "cycle_id", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospecting_cycles_location_id_created_at",
                table: "sdr_prospecting_cycles",
                columns: new[] { "location_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_prospecting_cycles_status_lease_until",
                table: "sdr_prospecting_cycles",
                columns: new[] { "status", "lease_until" });

            migrationBuilder.CreateIndex(
                name: "ux_sdr_prospecting_cycles_active_location",
                table: "sdr_prospecting_cycles",
                column: "location_id",
                unique: true,
                filter: "status IN ('queued', 'running')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_prospecting_candidates");

            migrationBuilder.DropTable(
                name: "sdr_prospecting_cycles");
        }
    }
}
