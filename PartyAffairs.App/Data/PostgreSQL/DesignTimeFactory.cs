using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// For <c>dotnet ef migrations add … --context PostgresAppDbContext</c>: the app's own container registers the SQLite context
/// unless told otherwise, and adding a migration only needs the model, not a server.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=partyaffairs_design").Options);
}
