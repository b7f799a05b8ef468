using EventContracts.Api.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>
/// Wires the database (DESIGN §8): SQLite in one file by default, or PostgreSQL with <c>Storage:Provider=Postgres</c>
/// and <c>ConnectionStrings:Registry</c>, for any number of replicas on one database. Created and migrated at start.
/// </summary>
public static class StorageSetup
{
    public const string DefaultSqliteConnection = "Data Source=eventcontracts.db";

    public static IServiceCollection AddRegistryStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString("Registry");
        switch (StorageProviders.Parse(configuration["Storage:Provider"]))
        {
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Storage:Provider is Postgres but no connection string is set: set ConnectionStrings:Registry "
                        + "(environment variable ConnectionStrings__Registry), e.g. \"Host=db;Database=eventcontracts;Username=evc;Password=…\".");
                }

                // The registry reads PostgreSQL's own error codes (unique violation, serialization failure) to retry, so no
                // EF execution strategy: a retried statement inside a transaction would not be the same transaction.
                services.AddPooledDbContextFactory<PostgresRegistryDbContext>(options => options.UseNpgsql(
                    connectionString,
                    npgsql => npgsql.CommandTimeout(30)));
                services.AddSingleton<IDbContextFactory<RegistryDbContext>, PostgresContexts>();
                break;
            default:
                services.AddPooledDbContextFactory<RegistryDbContext>(options => options.UseSqlite(
                    connectionString ?? DefaultSqliteConnection,
                    sqlite => sqlite.CommandTimeout(30)));
                break;
        }

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

        if (db.Database.IsNpgsql() && await db.Database.CanConnectAsync())
        {
            await MigrateOneAtATimeAsync(db);
            return;
        }

        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Migrates PostgreSQL while holding a session advisory lock, so replicas that start together migrate one after the
    /// other. EF Core's own migration lock is a table lock inside each migration's transaction: it is released when the
    /// first migration commits, and a replica that was waiting then applies the second migration while the first
    /// replica applies it too ("relation already exists"). The two-key form keeps clear of the subject locks' keys.
    /// </summary>
    private static async Task MigrateOneAtATimeAsync(RegistryDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(8081, 1)");
            try
            {
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(8081, 1)");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The PostgreSQL contexts handed out as the <see cref="RegistryDbContext"/> every store asks for.</summary>
    private sealed class PostgresContexts(IDbContextFactory<PostgresRegistryDbContext> pool) : IDbContextFactory<RegistryDbContext>
    {
        public RegistryDbContext CreateDbContext() => pool.CreateDbContext();

        public async Task<RegistryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await pool.CreateDbContextAsync(cancellationToken);
    }
}
