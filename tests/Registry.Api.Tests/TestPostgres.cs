using Npgsql;

namespace EventContracts.Api.Tests;

/// <summary>
/// Throwaway databases on the PostgreSQL server that <c>EVC_TEST_POSTGRES</c> names (a connection string of a role
/// that may CREATE DATABASE; <c>.ci/run</c> starts a server and sets it). Every registry a test starts on PostgreSQL
/// gets a database of its own, dropped afterwards, so tests stay isolated and can run in parallel.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "EVC_TEST_POSTGRES";

    public static readonly string SkipReason =
        $"PostgreSQL variant skipped: set {Variable} to a connection string of a role that may create databases, "
        + "e.g. \"Host=127.0.0.1;Username=evc;Password=evc\" (.ci/run installs and starts PostgreSQL and sets it).";

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => Server is not null;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Server ?? throw new InvalidOperationException(SkipReason);
        var name = "evc_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(Maintenance(server)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Bounded: replicas and parallel test classes share one server's max_connections (100 by default).
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(Maintenance(Server!));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Maintenance(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}
