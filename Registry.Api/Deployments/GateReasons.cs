using System.Text;
using System.Text.RegularExpressions;
using EventContracts.Compatibility;
using static EventContracts.Compatibility.DifferenceType;

namespace EventContracts.Api.Deployments;

/// <summary>
/// One plain sentence for a pair that is not safe, naming the consumer, the producer, their versions and what breaks:
/// "billing 2.0.0 reads order.created v3 and requires `amount`; orders 1.5.0 writes v4 without it." Common difference
/// types get their own phrasing; any other falls back to the engine's message.
/// </summary>
public static partial class GateReasons
{
    /// <summary>The two sides of a pair, as the sentences name them.</summary>
    public readonly record struct PairSides(string Producer, string ProducerVersion, int WriterVersion, string Consumer, string ConsumerVersion, int ReaderVersion, string EventType)
    {
        public string Reads => $"{Consumer} {ConsumerVersion} reads {EventType} v{ReaderVersion}";

        public string Writes => $"{Producer} {ProducerVersion} writes v{WriterVersion}";
    }

    public static string Unresolved(PairSides sides, string? readerProblem, string? writerProblem)
    {
        var parts = new List<string>(2);
        if (readerProblem is not null)
        {
            parts.Add($"{sides.Reads}, which cannot be resolved: {readerProblem}");
        }

        if (writerProblem is not null)
        {
            parts.Add($"{sides.Producer} {sides.ProducerVersion} writes {sides.EventType} v{sides.WriterVersion}, which cannot be resolved: {writerProblem}");
        }

        return string.Join("; ", parts) + ".";
    }

    public static string Failed(PairSides sides, string failure) =>
        $"{sides.Reads} and {sides.Writes}, but the comparison could not finish: {failure.TrimEnd('.')}.";

    public static string Unsafe(PairSides sides, ReadCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var breaking = check.Differences.Where(d => !d.Type.IsCompatible(check.Policy)).ToList();
        if (breaking.Count == 0)
        {
            return $"{sides.Reads} and cannot read what {sides.Writes}.";
        }

        var sentence = Describe(sides, breaking[0]);
        return breaking.Count == 1
            ? sentence
            : $"{sentence.TrimEnd('.')}, and {breaking.Count - 1} more incompatible difference{(breaking.Count == 2 ? string.Empty : "s")}.";
    }

    private static string Describe(PairSides sides, Difference difference)
    {
        var (reads, writes) = (sides.Reads, sides.Writes);
        var target = Target(difference.Path);
        var change = ChangePattern().Match(difference.Message);
        var (before, after) = change.Success ? (change.Groups["before"].Value, change.Groups["after"].Value) : (null, null);
        var keyword = Keyword(difference.Path);
        return difference.Type switch
        {
            RequiredPropertyAddedToUnopenContentModel or RequiredPropertyAddedToOpenContentModel
                => $"{reads} and requires {target}; {writes} without it.",
            RequiredAttributeAdded
                => $"{reads} and requires {target}; {writes}, where it is optional, so events without it are rejected.",
            RequiredPropertyWithDefaultAddedToOpenContentModel
                => $"{reads} and requires {target} (with a default); {writes} without declaring it, and its object is open, so {target} may arrive with another shape.",
            PropertyRemovedFromClosedContentModel or PropertyRemovedNotCoveredByPartiallyOpenContentModel
                => $"{reads}, which no longer accepts {target}; {writes}, which may send it.",
            OptionalPropertyAddedToOpenContentModel or PropertyAddedToOpenContentModel or PropertyAddedNotCoveredByPartiallyOpenContentModel
                => $"{reads} and declares {target}; {writes} without declaring it, and its object is open, so {target} may arrive with another shape.",
            TypeChanged or TypeNarrowed when before is not null
                => $"{reads} and expects {target} as {after}; {writes} with it as {before}.",
            TypeChanged or TypeNarrowed
                => $"{reads} and expects another type for {target}; {writes} with a type it rejects.",
            EnumArrayNarrowed or EnumArrayChanged when before is not null
                => $"{reads} and accepts {after} for {target}; {writes} with {before}, so some values are rejected.",
            EnumArrayNarrowed or EnumArrayChanged
                => $"{reads} and accepts fewer values for {target}; {writes} values it rejects.",
            AdditionalPropertiesRemoved or AdditionalPropertiesNarrowed or UnevaluatedPropertiesRemoved or UnevaluatedPropertiesNarrowed
                => $"{reads} and closes {target} to extra properties; {writes}, which may send properties it does not declare.",
            MaxLengthAdded or MinLengthAdded or PatternAdded or MaximumAdded or MinimumAdded or ExclusiveMaximumAdded or ExclusiveMinimumAdded
                or MultipleOfAdded or MaxItemsAdded or MinItemsAdded or MaxPropertiesAdded or MinPropertiesAdded or UniqueItemsAdded
                => $"{reads} and limits {target} with {keyword}{Value(after)}; {writes} without that limit, so some values are rejected.",
            MaxLengthDecreased or MinLengthIncreased or MaximumDecreased or MinimumIncreased or ExclusiveMaximumDecreased or ExclusiveMinimumIncreased
                or MaxItemsDecreased or MinItemsIncreased or MaxPropertiesDecreased or MinPropertiesIncreased or MultipleOfExpanded or MultipleOfChanged or PatternChanged
                => $"{reads} and narrows {keyword} of {target}{Change(before, after)}; {writes} within the old limit, so some values are rejected.",
            _ => $"{reads} and cannot read what {writes}: {difference.Message}",
        };
    }

    /// <summary><c>#/properties/customer/properties/email/maxLength</c> → <c>`customer.email`</c>; the root is "the event".</summary>
    internal static string Target(string path)
    {
        var names = PropertyNames(path);
        return names.Count == 0 ? "the event" : $"`{string.Join('.', names)}`";
    }

    private static List<string> PropertyNames(string path)
    {
        var segments = path.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case "properties" or "required" when i + 1 < segments.Length:
                    names.Add(Unescape(segments[++i]));
                    break;
                case "items" when names.Count > 0:
                    names[^1] += "[]";
                    break;
                case "$defs" or "definitions" or "allOf" or "anyOf" or "oneOf" or "patternProperties" or "dependentSchemas" or "prefixItems" when i + 1 < segments.Length:
                    i++;
                    break;
                default:
                    break;
            }
        }

        return names;
    }

    private static string Keyword(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    private static string Unescape(string segment) => new StringBuilder(segment).Replace("~1", "/").Replace("~0", "~").ToString();

    private static string Value(string? after) => after is null or "none" ? string.Empty : $" {after}";

    private static string Change(string? before, string? after) => before is null ? string.Empty : $" from {before} to {after}";

    // The engine's messages carry a change as "(before → after)"; when it is there, the sentence can quote it.
    [GeneratedRegex(@"\((?<before>[^()]*?) → (?<after>[^()]*?)\)")]
    private static partial Regex ChangePattern();
}
