using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TouchReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "needs_review",
                table: "sdr_outreach_touches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "reconcile_after",
                table: "sdr_outreach_touches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reconcile_attempts",
                table: "sdr_outreach_touches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches",
                columns: new[] { "status", "reserved_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sdr_outreach_touches_status_reserved_at",
                table: "sdr_outreach_touches");

            migrationBuilder.DropColumn(
                name: "needs_review",
                table: "sdr_outreach_touches");

            migrationBuilder.DropColumn(
                name: "reconcile_after",
                table: "sdr_outreach_touches");

            migrationBuilder.DropColumn(
                name: "reconcile_attempts",
                table: "sdr_outreach_touches");
        }
    }
}
