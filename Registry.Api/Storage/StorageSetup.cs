using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>Wires the database: SQLite in one file by default (DESIGN §8), created and migrated at start.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddRegistryStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Registry") ?? "Data Source=eventcontracts.db";
        services.AddPooledDbContextFactory<RegistryDbContext>(options => options.UseSqlite(
            connectionString,
            sqlite => sqlite.CommandTimeout(30)));
        return services;
    }

    /// <summary>Applies migrations and switches SQLite to WAL with full sync, so an acknowledged write survives a crash.</summary>
    public static async Task MigrateRegistryDatabaseAsync(this IServiceProvider services)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (connection.DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
    }
}
