using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sdr.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProspectResolvedPhone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "phone_data_version",
                table: "sdr_prospects",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_state",
                table: "sdr_prospects",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_zones",
                table: "sdr_prospects",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "phone_data_version",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "phone_state",
                table: "sdr_prospects");

            migrationBuilder.DropColumn(
                name: "phone_zones",
                table: "sdr_prospects");
        }
    }
}
