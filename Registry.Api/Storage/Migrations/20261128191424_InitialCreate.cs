using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventContracts.Api.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schema_references",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schema_references", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schemas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchemaType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ReferencesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schemas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Compatibility = table.Column<string>(type: "TEXT", nullable: true),
                    Policy = table.Column<string>(type: "TEXT", nullable: true),
                    Normalize = table.Column<bool>(type: "INTEGER", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "subject_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    LastVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_schema_references_SchemaId",
                table: "schema_references",
                column: "SchemaId");

            migrationBuilder.CreateIndex(
                name: "IX_schema_references_Subject_Version",
                table: "schema_references",
                columns: new[] { "Subject", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_schemas_Fingerprint",
                table: "schemas",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_versions_SchemaId",
                table: "subject_versions",
                column: "SchemaId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_versions_Subject_SchemaId",
                table: "subject_versions",
                columns: new[] { "Subject", "SchemaId" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_versions_Subject_Version",
                table: "subject_versions",
                columns: new[] { "Subject", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schema_references");

            migrationBuilder.DropTable(
                name: "schemas");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "subject_versions");

            migrationBuilder.DropTable(
                name: "subjects");
        }
    }
}
