using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EventContracts.Api.Storage;

/// <summary>
/// What <c>dotnet ef migrations add … --context RegistryDbContext</c> builds the SQLite model with. Without it EF Core
/// takes <see cref="Postgres.DesignTimeFactory"/> (its context is a <see cref="RegistryDbContext"/> too) and writes a
/// PostgreSQL migration into the SQLite folder.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RegistryDbContext>().UseSqlite(StorageSetup.DefaultSqliteConnection).Options);
}
