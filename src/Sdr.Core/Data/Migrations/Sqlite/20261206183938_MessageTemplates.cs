using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageTemplates : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
