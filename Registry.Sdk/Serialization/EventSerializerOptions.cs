using System.Reflection;
using EventContracts.Compatibility;

namespace EventContracts.Serialization;

/// <summary>How events are written and read.</summary>
public sealed class EventSerializerOptions
{
    /// <summary>Validate every event against its schema before writing it. On by default.</summary>
    public bool Validate { get; set; } = true;

    /// <summary>The CloudEvents <c>source</c> of events this process writes; by default <c>urn:eventcontracts:&lt;entry assembly&gt;</c>.</summary>
    public Uri Source { get; set; } = new("urn:eventcontracts:" + (Assembly.GetEntryAssembly()?.GetName().Name ?? "unknown"));

    /// <summary>
    /// Schema ids known ahead, by <see cref="EventContract{T}.Key"/> (<c>order.created@2</c>): an event whose id is
    /// known is written and read back with no registry call at all. Others are looked up once.
    /// </summary>
    public IDictionary<string, int> SchemaIds { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The policy under which a reader's schema must be able to read the writer's (DESIGN §5).</summary>
    public CompatibilityPolicy ReaderPolicy { get; set; } = CompatibilityPolicy.Strict;
}
