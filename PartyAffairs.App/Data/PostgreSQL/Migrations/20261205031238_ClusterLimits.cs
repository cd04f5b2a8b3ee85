using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyAffairs.App.Data.PostgreSQL.Migrations
{
    /// <summary>
    /// What several nodes must share to hold one limit, as plain tables outside the EF model (only PostgreSQL has them;
    /// SQLite is one node and keeps its limits in memory):
    /// <list type="bullet">
    /// <item><c>ClusterRateWindows</c>: fixed-window counters of the feedback and sign-in limits, one row per key and window,
    /// counted up by one atomic upsert; rows whose window ended are deleted now and then.</item>
    /// <item><c>ClusterCircuits</c>: one row per live circuit connection, with the node holding it and an expiry its node keeps
    /// pushing ahead; a dead node's rows stop counting when they expire.</item>
    /// <item><c>ClusterPasswordLists</c>: an import's initial-password list, encrypted with data protection, found by the hash
    /// of its token, deleted when downloaded or expired.</item>
    /// </list>
    /// </summary>
    public partial class ClusterLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ClusterRateWindows" (
                    "Key" text NOT NULL,
                    "WindowStart" timestamptz NOT NULL,
                    "WindowEnd" timestamptz NOT NULL,
                    "Count" integer NOT NULL,
                    CONSTRAINT "PK_ClusterRateWindows" PRIMARY KEY ("Key", "WindowStart"));
                CREATE INDEX "IX_ClusterRateWindows_WindowEnd" ON "ClusterRateWindows" ("WindowEnd");

                CREATE TABLE "ClusterCircuits" (
                    "Id" uuid NOT NULL CONSTRAINT "PK_ClusterCircuits" PRIMARY KEY,
                    "Holder" text NOT NULL,
                    "NodeId" text NOT NULL,
                    "ExpiresAt" timestamptz NOT NULL);
                CREATE INDEX "IX_ClusterCircuits_Holder_ExpiresAt" ON "ClusterCircuits" ("Holder", "ExpiresAt");
                CREATE INDEX "IX_ClusterCircuits_NodeId" ON "ClusterCircuits" ("NodeId");

                CREATE TABLE "ClusterPasswordLists" (
                    "TokenHash" bytea NOT NULL CONSTRAINT "PK_ClusterPasswordLists" PRIMARY KEY,
                    "OwnerId" text NOT NULL,
                    "Content" bytea NOT NULL,
                    "ExpiresAt" timestamptz NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "ClusterPasswordLists";
                DROP TABLE "ClusterCircuits";
                DROP TABLE "ClusterRateWindows";
                """);
        }
    }
}
