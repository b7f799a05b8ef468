using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>Schema ids after an IMPORT with an explicit id.</summary>
internal static class SchemaIds
{
    /// <summary>
    /// New ids continue after the highest one stored, imported or not. SQLite's AUTOINCREMENT already does that;
    /// PostgreSQL's identity sequence does not see an explicit id, so it is moved past it here, or the next
    /// registration would be handed the imported id.
    /// </summary>
    public static async Task FollowImportedAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                """SELECT setval(pg_get_serial_sequence('schemas', 'Id'), (SELECT MAX("Id") FROM schemas))""",
                cancellationToken);
        }
    }
}
