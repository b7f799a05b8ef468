using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EventContracts.Api.Storage.Postgres;

/// <summary>
/// What <c>dotnet ef migrations add … --context PostgresRegistryDbContext</c> builds the model with: no server is
/// needed to add a migration, so the connection string only has to parse.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresRegistryDbContext>
{
    public PostgresRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql("Host=localhost;Database=eventcontracts").Options);
}
