using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace EventContracts.Api.Storage;

/// <summary>
/// Serializes the writes to one subject across every replica for the rest of the caller's transaction.
/// </summary>
/// <remarks>
/// Registration checks a candidate against the subject's versions, then stores it as the last version + 1. Two replicas
/// doing that at once would both check against version N and both want N+1: the unique (subject, version) index and the
/// subject row's concurrency token refuse the second, which then retries, but under steady load on one subject a replica
/// can lose that race again and again. So on PostgreSQL the transaction first takes a transaction-scoped advisory lock
/// keyed by the subject: the next writer of that subject, on any replica, waits for the commit, and the check and the
/// version number it then reads (READ COMMITTED: every statement sees what committed before it started) are the latest.
/// Writers of other subjects do not wait. The constraints and the retry stay as the backstop (a new subject's first
/// row, a fingerprint two subjects insert at once). SQLite needs no lock: one process writes (<c>WriteGate</c>) and the
/// transaction holds the database's write lock.
/// </remarks>
internal static class SubjectLock
{
    public static async Task AcquireAsync(RegistryDbContext db, string subject, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var key = KeyOf(subject);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    /// <summary>A 64-bit key from the name, the same in every process; two names sharing a key only wait for each other.</summary>
    private static long KeyOf(string subject) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("eventcontracts subject " + subject)));
}
