using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "claimed_until",
                table: "sdr_ghl_actions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sdr_ghl_actions_contact_id_claimed_until",
                table: "sdr_ghl_actions",
                columns: new[] { "contact_id", "claimed_until" },
                filter: "claimed_until IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sdr_ghl_actions_contact_id_claimed_until",
                table: "sdr_ghl_actions");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "sdr_ghl_actions");
        }
    }
}
