namespace EventContracts.Api.Storage;

internal static class StoredTime
{
    /// <summary>
    /// Now, as the databases keep it: UTC in whole microseconds, PostgreSQL's <c>timestamptz</c> precision. A time
    /// answered right after a write then equals the one read back later, on SQLite and PostgreSQL alike.
    /// </summary>
    public static DateTimeOffset StoredNow(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
