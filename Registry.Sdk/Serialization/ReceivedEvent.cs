using System.Diagnostics;

namespace EventContracts.Serialization;

/// <summary>An event read from either format, with what its envelope said.</summary>
/// <typeparam name="T">The reader's event type.</typeparam>
public sealed record ReceivedEvent<T>
{
    /// <summary>The event, read into the reader's type.</summary>
    public required T Data { get; init; }

    /// <summary>The schema id it was written with.</summary>
    public required int SchemaId { get; init; }

    /// <summary>The CloudEvents <c>type</c>; null for the Confluent wire format, which carries none.</summary>
    public string? EventType { get; init; }

    /// <summary>The CloudEvents <c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The CloudEvents <c>source</c>.</summary>
    public Uri? Source { get; init; }

    /// <summary>The CloudEvents <c>time</c>.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The W3C <c>traceparent</c> the producer sent, when it had an activity.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> the producer sent.</summary>
    public string? TraceState { get; init; }

    /// <summary>
    /// The producer's trace context, to start the consumer's activity as its child
    /// (<c>source.StartActivity(name, ActivityKind.Consumer, received.ParentContext ?? default)</c>).
    /// </summary>
    public ActivityContext? ParentContext =>
        TraceParent is not null && ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : null;
}
