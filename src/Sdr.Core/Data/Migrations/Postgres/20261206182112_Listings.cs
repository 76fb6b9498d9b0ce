using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Listings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sdr_listing_feed_checkpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_modification_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_listing_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_listing_feed_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_listings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    location_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    listing_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    standard_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    list_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    original_list_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    previous_list_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    days_on_market = table.Column<int>(type: "integer", nullable: true),
                    property_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    unparsed_address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    state_or_province = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    modification_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status_change_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    owner_first_name = table.Column<string>(type: "text", nullable: true),
                    owner_last_name = table.Column<string>(type: "text", nullable: true),
                    owner_phone = table.Column<string>(type: "text", nullable: true),
                    owner_email = table.Column<string>(type: "text", nullable: true),
                    owner_phone_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    upserted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_listings", x => x.id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_listing_feed_checkpoints");

            migrationBuilder.DropTable(
                name: "sdr_listings");
        }
    }
}
