using CloudNative.CloudEvents;

namespace EventContracts.Serialization;

/// <summary>
/// CloudEvents' distributed-tracing extension (<c>traceparent</c>, <c>tracestate</c>: W3C Trace Context), which the
/// CloudNative.CloudEvents 2.9 package does not define itself.
/// </summary>
internal static class TraceAttributes
{
    public static CloudEventAttribute TraceParent { get; } = CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String);

    public static CloudEventAttribute TraceState { get; } = CloudEventAttribute.CreateExtension("tracestate", CloudEventAttributeType.String);

    public static IReadOnlyList<CloudEventAttribute> All { get; } = [TraceParent, TraceState];
}
