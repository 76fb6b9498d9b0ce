using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceLedgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sdr_rate_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    window_ends_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_rate_counters", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "sdr_suppressions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    contact_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    phone_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_suppressions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_rate_counters_window_ends_at",
                table: "sdr_rate_counters",
                column: "window_ends_at");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_suppressions_contact_id",
                table: "sdr_suppressions",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_suppressions_phone_hash",
                table: "sdr_suppressions",
                column: "phone_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_rate_counters");

            migrationBuilder.DropTable(
                name: "sdr_suppressions");
        }
    }
}
