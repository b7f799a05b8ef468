using System.Diagnostics.CodeAnalysis;

namespace EventContracts.Linting;

/// <summary>The catalogue of naming and lint rules. Ids are stable: configuration, tools and CI match on them.</summary>
public static class LintRules
{
    /// <summary>EC001: the event-type name follows the naming convention (lower-case dotted segments, past-tense last segment, optional <c>.vN</c>).</summary>
    public const string EventTypeName = "EC001";

    /// <summary>EC002: the root schema is <c>"type": "object"</c>.</summary>
    public const string RootIsObject = "EC002";

    /// <summary>EC003: property names are camelCase.</summary>
    public const string CamelCaseProperties = "EC003";

    /// <summary>EC004: every <c>required</c> name is declared in <c>properties</c>.</summary>
    public const string RequiredAreDeclared = "EC004";

    /// <summary>EC005: no <c>$ref</c> leaves the document (no URLs, no files).</summary>
    public const string NoRemoteRef = "EC005";

    /// <summary>EC006: the root has a <c>title</c> and a <c>description</c>.</summary>
    public const string RootTitleAndDescription = "EC006";

    /// <summary>EC007: object schemas state <c>additionalProperties</c> explicitly.</summary>
    public const string ExplicitAdditionalProperties = "EC007";

    /// <summary>EC008: the string values of an <c>enum</c> share one casing style.</summary>
    public const string EnumCasing = "EC008";

    /// <summary>EC009: time-like properties (<c>…At</c>, <c>…Time</c>, <c>…Timestamp</c>) are strings with <c>format: date-time</c>.</summary>
    public const string TimestampFormat = "EC009";

    private static readonly LintRule[] Catalogue =
    [
        new(EventTypeName, "Event-type name", LintSeverity.Error,
            "Event types are lower-case segments separated by dots, <domain>.<event> or <domain>.<entity>.<event>, whose last segment is a past-tense verb (order.created, order.item.added), optionally followed by a major version (order.created.v2). A -key or -value suffix is ignored."),
        new(RootIsObject, "Root is an object", LintSeverity.Error,
            "An event is a JSON object, so the root schema says \"type\": \"object\"."),
        new(CamelCaseProperties, "camelCase properties", LintSeverity.Error,
            "Property names start with a lower-case letter and contain only letters and digits (orderId, not order_id or OrderId), so every language maps them the same way."),
        new(RequiredAreDeclared, "Required properties are declared", LintSeverity.Error,
            "Every name in \"required\" is declared under \"properties\"; otherwise it is usually a typo and the property has no schema."),
        new(NoRemoteRef, "No remote $ref", LintSeverity.Error,
            "EventContracts never fetches schemas from URLs or files; a $ref points inside the document (#/$defs/...) or to a registered schema reference."),
        new(RootTitleAndDescription, "Root title and description", LintSeverity.Warning,
            "The root schema has a non-empty \"title\" and \"description\" that say what the event is and when it happens."),
        new(ExplicitAdditionalProperties, "Explicit additionalProperties", LintSeverity.Warning,
            "Object schemas state \"additionalProperties\" (or \"unevaluatedProperties\"), because whether a content model is open or closed decides which changes are compatible."),
        new(EnumCasing, "Consistent enum casing", LintSeverity.Warning,
            "The string values of an enum share one casing style: UPPER_SNAKE_CASE, lower_snake_case, camelCase, PascalCase or kebab-case."),
        new(TimestampFormat, "Timestamps are date-time strings", LintSeverity.Warning,
            "Properties named like points in time (createdAt, deliveryTime, eventTimestamp) are \"type\": \"string\" with \"format\": \"date-time\" (RFC 3339)."),
    ];

    private static readonly Dictionary<string, LintRule> ById =
        Catalogue.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<LintRule> All { get; } = Array.AsReadOnly(Catalogue);

    /// <summary>Finds a rule by id, ignoring case (<c>ec003</c> finds EC003); false for unknown ids.</summary>
    public static bool TryGet(string id, [MaybeNullWhen(false)] out LintRule rule)
    {
        if (id is null)
        {
            rule = null;
            return false;
        }

        return ById.TryGetValue(id.Trim(), out rule);
    }
}
