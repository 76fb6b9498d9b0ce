using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbTests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ab_test_id",
                table: "sdr_outreach_sequences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sdr_ab_tests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    config_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    metric = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stopped_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    stop_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    promoted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    winner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_ab_tests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sdr_ab_test_variants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ab_test_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    weight = table.Column<int>(type: "INTEGER", nullable: false),
                    tone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    step_timing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    stopped_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    stop_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sdr_ab_test_variants", x => x.id);
                    table.ForeignKey(
                        name: "fk_sdr_ab_test_variants_sdr_ab_tests_ab_test_id",
                        column: x => x.ab_test_id,
                        principalTable: "sdr_ab_tests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_sequences_ab_test",
                table: "sdr_outreach_sequences",
                columns: new[] { "ab_test_id", "ab_variant" });

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_test_variants_ab_test_id_name",
                table: "sdr_ab_test_variants",
                columns: new[] { "ab_test_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_tests_config_key",
                table: "sdr_ab_tests",
                column: "config_key",
                unique: true,
                filter: "config_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ab_tests_status_location_id",
                table: "sdr_ab_tests",
                columns: new[] { "status", "location_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sdr_ab_test_variants");

            migrationBuilder.DropTable(
                name: "sdr_ab_tests");

            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_sequences_ab_test",
                table: "sdr_outreach_sequences");

            migrationBuilder.DropColumn(
                name: "ab_test_id",
                table: "sdr_outreach_sequences");
        }
    }
}
