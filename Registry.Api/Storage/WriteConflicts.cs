using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventContracts.Api.Storage;

/// <summary>
/// Which failed writes another writer caused, so a bounded retry reads again and does the write once more
/// (DESIGN §8): a unique or concurrency-token violation, and on PostgreSQL a serialization failure or a deadlock.
/// Anything else (a value the database refuses, a lost connection) is not retried: a retry would fail the same way.
/// </summary>
public static class WriteConflicts
{
    // SQLITE_CONSTRAINT: the primary result code of every constraint failure, unique indexes included.
    private const int SqliteConstraint = 19;

    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        PostgresException postgres => IsConflict(postgres),
        DbUpdateException { InnerException: PostgresException postgres } => IsConflict(postgres),
        DbUpdateException { InnerException: SqliteException sqlite } => sqlite.SqliteErrorCode == SqliteConstraint,

        // Raised by a query rather than SaveChanges (e.g. a deadlock while taking a lock), and wrapped by EF Core.
        InvalidOperationException { InnerException: PostgresException postgres } => IsConflict(postgres),
        _ => false,
    };

    private static bool IsConflict(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>A short random pause before a retry, so two replicas that collided do not collide again in step.</summary>
    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
}
