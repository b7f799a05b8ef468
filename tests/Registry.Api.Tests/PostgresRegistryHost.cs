using EventContracts.Api.Storage;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// <see cref="RegistryHost"/> on PostgreSQL, as a class fixture. Without <c>EVC_TEST_POSTGRES</c> it starts nothing and
/// <see cref="Running"/> skips the test that asks for it, saying why.
/// </summary>
public sealed class PostgresRegistryHost() : RegistryHost(StorageProvider.Postgres)
{
    /// <summary>This host, or a skip when no PostgreSQL server is configured.</summary>
    public RegistryHost Running()
    {
        Skip.IfNot(TestPostgres.IsConfigured, TestPostgres.SkipReason);
        return this;
    }
}
