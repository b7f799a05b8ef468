using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage.Postgres;

/// <summary>
/// The registry's model on PostgreSQL. A type of its own because EF Core finds migrations by context type: the SQLite
/// migrations belong to <see cref="RegistryDbContext"/>, these (in <c>Storage/Postgres/Migrations</c>) to this one.
/// </summary>
public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options)
{
    /// <summary>
    /// Text compares byte by byte (collation <c>C</c>), as in SQLite: subject and environment names are case-sensitive
    /// and come back in ordinal order whatever the server's locale, and a <c>LIKE 'prefix%'</c> can use the index.
    /// </summary>
    public const string Collation = "C";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation(Collation);
        }
    }
}
