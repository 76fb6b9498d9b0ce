using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sourcing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "profile",
                table: "sdr_prospects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "profiled_at",
                table: "sdr_prospects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "composed_by_model",
                table: "sdr_outreach_touches",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "template_id",
                table: "sdr_outreach_touches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "template_variant",
                table: "sdr_outreach_touches",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_enrollment_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    lead_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    sequence_variant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    requested = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_enrollment_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_listing_feed_checkpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    last_modification_timestamp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_listing_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_listing_feed_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_listings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    listing_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    standard_status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    list_price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    original_list_price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    previous_list_price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    days_on_market = table.Column<int>(type: "INTEGER", nullable: true),
                    property_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    unparsed_address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    state_or_province = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    modification_timestamp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status_change_timestamp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    owner_first_name = table.Column<string>(type: "TEXT", nullable: true),
                    owner_last_name = table.Column<string>(type: "TEXT", nullable: true),
                    owner_phone = table.Column<string>(type: "TEXT", nullable: true),
                    owner_email = table.Column<string>(type: "TEXT", nullable: true),
                    owner_phone_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    upserted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_listings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_prospecting_cycles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sources = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    max_per_source = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    schedule_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    discovered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    errors = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_prospecting_cycles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_enrollment_job_items",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_enrollment_job_items", x => new { x.job_id, x.position });
                    table.ForeignKey(
                        name: "fk_sdr_enrollment_job_items_sdr_enrollment_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "sdr_enrollment_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sdr_prospecting_candidates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cycle_id = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    candidate_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    listing_id = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    facts = table.Column<string>(type: "TEXT", nullable: true),
                    found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "ix_sdr_enrollment_job_items_outcome",
                table: "sdr_enrollment_job_items",
                columns: new[] { "job_id", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_enrollment_jobs_status_lease",
                table: "sdr_enrollment_jobs",
                columns: new[] { "status", "lease_until" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_listing_feed_checkpoints_location_id_source",
                table: "sdr_listing_feed_checkpoints",
                columns: new[] { "location_id", "source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_listings_location_id_owner_phone_hash",
                table: "sdr_listings",
                columns: new[] { "location_id", "owner_phone_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_listings_location_id_source_listing_key",
                table: "sdr_listings",
                columns: new[] { "location_id", "source", "listing_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_listings_location_id_source_state_id",
                table: "sdr_listings",
                columns: new[] { "location_id", "source", "state", "id" });

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
                name: "sdr_enrollment_job_items");

            migrationBuilder.DropTable(
                name: "sdr_listing_feed_checkpoints");

            migrationBuilder.DropTable(
                name: "sdr_listings");

            migrationBuilder.DropTable(
                name: "sdr_prospecting_candidates");

            migrationBuilder.DropTable(
                name: "sdr_enrollment_jobs");

            migrationBuilder.DropTable(
                name: "sdr_prospecting_cycles");

            migrationBuilder.DropColumn(
                name: "profile",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "profiled_at",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "composed_by_model",
                table: "sdr_outreach_touches");

            migrationBuilder.DropColumn(
                name: "template_id",
                table: "sdr_outreach_touches");

            migrationBuilder.DropColumn(
                name: "template_variant",
                table: "sdr_outreach_touches");
        }
    }
}
