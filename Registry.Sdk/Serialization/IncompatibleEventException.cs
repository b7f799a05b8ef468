using EventContracts.Compatibility;

namespace EventContracts.Serialization;

/// <summary>
/// An event was written with a schema the reader's schema cannot read (the compatibility engine's verdict), so it is
/// not turned into a half-filled object. <see cref="Differences"/> lists the incompatible differences.
/// </summary>
public sealed class IncompatibleEventException : Exception
{
    /// <summary>Schema <paramref name="writerSchemaId"/> cannot be read by the reader of <paramref name="readerKey"/>.</summary>
    public IncompatibleEventException(int writerSchemaId, string readerKey, IReadOnlyList<Difference> differences)
        : base($"an event written with schema {writerSchemaId} cannot be read as {readerKey}: "
            + string.Join("; ", (differences ?? []).Select(d => $"{d.Type.ToWireName()} at {d.Path}: {d.Message}")))
    {
        WriterSchemaId = writerSchemaId;
        Differences = differences ?? [];
    }

    /// <summary>An event cannot be read.</summary>
    public IncompatibleEventException()
    {
        Differences = [];
    }

    /// <summary>An event cannot be read.</summary>
    public IncompatibleEventException(string message)
        : base(message)
    {
        Differences = [];
    }

    /// <summary>An event cannot be read.</summary>
    public IncompatibleEventException(string message, Exception innerException)
        : base(message, innerException)
    {
        Differences = [];
    }

    /// <summary>The schema id the event was written with.</summary>
    public int WriterSchemaId { get; }

    /// <summary>The incompatible differences, each with its type and JSON pointer into the schema.</summary>
    public IReadOnlyList<Difference> Differences { get; }
}
