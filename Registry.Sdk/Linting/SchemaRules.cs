using System.Text.Json;
using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>The schema rules EC002–EC009. Each returns where it fires and what to change; the linter adds the rest.</summary>
internal static class SchemaRules
{
    // Bounds the $ref chains EC004 and EC009 follow, so a hostile web of references stays cheap.
    private const int ReferenceBudget = 10_000;

    private static readonly string[] InPlaceArrays = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceSingles = ["then", "else"];
    private static readonly string[] InPlaceMaps = ["dependentSchemas", "dependencies"];

    private static readonly (string Keyword, string Purpose)[] RootTexts =
    [
        ("title", "names the event, e.g. \"Order created\""),
        ("description", "says what happened and when the event is published"),
    ];

    public static IEnumerable<RuleHit> RootIsObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield return new("#", $"Replace the boolean root schema {(root.ValueKind == JsonValueKind.True ? "true" : "false")} with an object schema with \"type\": \"object\" and the event's properties.");
            yield break;
        }

        if (!root.TryGetProperty("type", out var type))
        {
            yield return new("#", "Add \"type\": \"object\" to the root schema; an event is a JSON object.");
            yield break;
        }

        var types = TypesOf(type);
        if (types.Count == 1 && types[0] == "object")
        {
            yield break;
        }

        yield return types.Contains("object")
            ? new("#/type", $"Make the root \"type\" just \"object\"; an event is always a JSON object, never {string.Join(" or ", types.Where(t => t != "object"))}.")
            : new("#/type", $"Change the root \"type\" from {Quote(type)} to \"object\"; an event is a JSON object.");
    }

    public static IEnumerable<RuleHit> CamelCaseProperties(IEnumerable<SchemaNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (!node.Element.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var names = properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in properties.EnumerateObject())
            {
                if (Casing.IsCamelCase(property.Name))
                {
                    continue;
                }

                var pointer = $"{node.Pointer}/properties/{SourceMap.Escape(property.Name)}";
                var suggestion = Casing.Respell(property.Name, CasingStyle.Camel);
                yield return new(pointer, suggestion switch
                {
                    null => $"Rename \"{property.Name}\" to camelCase: a lower-case letter, then letters and digits only, e.g. \"orderId\".",
                    _ when names.Contains(suggestion) => $"Rename \"{property.Name}\" to camelCase; \"{suggestion}\" is already taken in this object, so merge the two or choose another camelCase name.",
                    _ => $"Rename \"{property.Name}\" to camelCase, e.g. \"{suggestion}\".",
                });
            }
        }
    }

    public static IEnumerable<RuleHit> RequiredAreDeclared(JsonElement root, IEnumerable<SchemaNode> nodes)
    {
        // Under if/not, "required" tests data ("not": {"required": ["legacyId"]} forbids a property); it declares nothing.
        foreach (var node in nodes.Where(n => !n.InCondition))
        {
            if (!node.Element.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            HashSet<string>? visible = null;
            var knowable = true;
            var index = 0;
            foreach (var entry in required.EnumerateArray())
            {
                var at = index++;
                if (entry.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var name = entry.GetString()!;
                if (visible is null)
                {
                    visible = new HashSet<string>(StringComparer.Ordinal);
                    knowable = CollectVisibleProperties(root, node, visible);
                }

                if (knowable && !visible.Contains(name))
                {
                    yield return new(
                        $"{node.Pointer}/required/{at}",
                        $"Declare \"{name}\" under \"properties\", or remove it from \"required\".");
                }
            }
        }
    }

    public static IEnumerable<RuleHit> RootTitleAndDescription(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var (keyword, purpose) in RootTexts)
        {
            if (!root.TryGetProperty(keyword, out var value))
            {
                yield return new("#", $"Add a \"{keyword}\" to the root schema that {purpose}.");
            }
            else if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                yield return new($"#/{keyword}", $"Fill in the root \"{keyword}\" with text that {purpose}.");
            }
        }
    }

    public static IEnumerable<RuleHit> ExplicitAdditionalProperties(IEnumerable<SchemaNode> nodes)
    {
        // Conditions (if/not/contains) test data; closing them would change what they match, not the contract.
        foreach (var node in nodes.Where(n => !n.InCondition))
        {
            var element = node.Element;
            var isObject = element.TryGetProperty("properties", out _)
                || (element.TryGetProperty("type", out var type) && TypesOf(type).Contains("object"));
            if (isObject && !element.TryGetProperty("additionalProperties", out _) && !element.TryGetProperty("unevaluatedProperties", out _))
            {
                yield return new(
                    node.Pointer,
                    "State \"additionalProperties\" on this object schema: false to close it (adding optional properties later stays compatible), or true or a schema if producers may send more.");
            }
        }
    }

    public static IEnumerable<RuleHit> EnumCasing(IEnumerable<SchemaNode> nodes)
    {
        foreach (var node in nodes.Where(n => !n.InCondition))
        {
            if (!node.Element.TryGetProperty("enum", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var strings = values.EnumerateArray()
                .Select((value, index) => (value, index))
                .Where(v => v.value.ValueKind == JsonValueKind.String)
                .Select(v => (Text: v.value.GetString()!, Index: v.index))
                .ToList();
            if (strings.Count < 2)
            {
                continue;
            }

            // The style most values fit; ties go to the earlier style in CasingStyle, so the verdict is deterministic.
            var majority = Casing.Styles
                .Select(style => (Style: style, Count: strings.Count(s => Casing.Fits(s.Text, style))))
                .OrderByDescending(s => s.Count)
                .ThenBy(s => s.Style)
                .First();
            if (majority.Count == 0)
            {
                continue;
            }

            var styleName = Casing.NameOf(majority.Style);
            foreach (var (text, index) in strings.Where(s => !Casing.Fits(s.Text, majority.Style)))
            {
                var respelled = Casing.Respell(text, majority.Style);
                var example = respelled is null ? string.Empty : $", e.g. \"{respelled}\"";
                yield return new(
                    $"{node.Pointer}/enum/{index}",
                    $"Write \"{text}\" in {styleName} like the other values of this enum{example}.");
            }
        }
    }

    public static IEnumerable<RuleHit> TimestampFormat(JsonElement root, IEnumerable<SchemaNode> nodes)
    {
        foreach (var node in nodes.Where(n => !n.InCondition))
        {
            if (!node.Element.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                if (!IsTimeLike(property.Name))
                {
                    continue;
                }

                var budget = ReferenceBudget;
                if (!IsDateTime(root, property.Value, new HashSet<string>(StringComparer.Ordinal), ref budget))
                {
                    yield return new(
                        $"{node.Pointer}/properties/{SourceMap.Escape(property.Name)}",
                        $"Declare \"{property.Name}\" as \"type\": \"string\" with \"format\": \"date-time\" (RFC 3339, e.g. \"2024-05-01T12:00:00Z\").");
                }
            }
        }
    }

    internal static bool IsTimeLike(string name) =>
        (name.Length >= 3 && name.EndsWith("At", StringComparison.Ordinal) && char.IsAsciiLetterLower(name[^3]))
        || (name.Length > 4 && name.EndsWith("Time", StringComparison.Ordinal))
        || name.EndsWith("Timestamp", StringComparison.Ordinal)
        || name == "timestamp";

    // True when the schema, a local $ref it makes, or one of its anyOf/oneOf/allOf branches is a date-time string
    // (a nullable timestamp is usually written as anyOf [date-time, null]). Unknowable schemas (remote $refs, an
    // exhausted budget) count as fine: EC005 reports the former, and a warning on a guess helps nobody.
    private static bool IsDateTime(JsonElement root, JsonElement schema, HashSet<string> visited, ref int budget)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (--budget < 0)
        {
            return true;
        }

        if (schema.TryGetProperty("type", out var type) && TypesOf(type).Contains("string")
            && schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "date-time")
        {
            return true;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var text = reference.GetString()!;
            if (!LocalReference.IsLocal(text))
            {
                return true;
            }

            if (visited.Add(text) && LocalReference.TryResolve(root, text, out var target) && IsDateTime(root, target, visited, ref budget))
            {
                return true;
            }
        }

        foreach (var keyword in InPlaceArrays)
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array)
            {
                foreach (var branch in branches.EnumerateArray())
                {
                    if (IsDateTime(root, branch, visited, ref budget))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // The property names a schema can rely on: its own, those of schemas applied with it (allOf/anyOf/oneOf/then/else
    // branches, local $refs), and those of the schemas it is itself applied with, so the idiomatic
    // "anyOf": [{"required": ["email"]}, {"required": ["phone"]}] under a schema declaring both is fine.
    // False when some of them cannot be known (a remote $ref, an exhausted budget): then EC004 stays quiet.
    private static bool CollectVisibleProperties(JsonElement root, SchemaNode node, HashSet<string> names)
    {
        var budget = ReferenceBudget;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (var current = node; current is not null; current = current.InPlaceParent)
        {
            if (!CollectDeclared(root, current.Element, names, visited, ref budget))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CollectDeclared(JsonElement root, JsonElement schema, HashSet<string> names, HashSet<string> visited, ref int budget)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (--budget < 0)
        {
            return false;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        var known = true;
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            var text = reference.GetString()!;
            if (!LocalReference.IsLocal(text))
            {
                known = false;
            }
            else if (visited.Add(text) && LocalReference.TryResolve(root, text, out var target))
            {
                known &= CollectDeclared(root, target, names, visited, ref budget);
            }
        }

        foreach (var keyword in InPlaceArrays)
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array)
            {
                foreach (var branch in branches.EnumerateArray())
                {
                    known &= CollectDeclared(root, branch, names, visited, ref budget);
                }
            }
        }

        foreach (var keyword in InPlaceSingles)
        {
            if (schema.TryGetProperty(keyword, out var branch))
            {
                known &= CollectDeclared(root, branch, names, visited, ref budget);
            }
        }

        foreach (var keyword in InPlaceMaps)
        {
            if (schema.TryGetProperty(keyword, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in map.EnumerateObject())
                {
                    known &= CollectDeclared(root, entry.Value, names, visited, ref budget);
                }
            }
        }

        return known;
    }

    private static List<string> TypesOf(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => [type.GetString()!],
        JsonValueKind.Array => [.. type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)],
        _ => [],
    };

    private static string Quote(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText();
}
