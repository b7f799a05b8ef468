using System.Text.Json;
using EventContracts.Schemas;

namespace EventContracts.Linting;

/// <summary>
/// Finds every object subschema of a document in document order. Walks schema locations only, never
/// into <c>enum</c>, <c>const</c>, <c>default</c> or <c>examples</c> values, which are data.
/// </summary>
internal static class SchemaWalker
{
    // ContractSchema already caps JSON nesting at SchemaLimits.MaxDepth and each level here consumes at least one
    // JSON level; this is a second fence in case a caller raises that limit.
    private const int MaxDepth = 512;

    public static List<SchemaNode> Walk(JsonElement root)
    {
        var nodes = new List<SchemaNode>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            Visit(new SchemaNode(root, "#", null, false), nodes, 0);
        }

        return nodes;
    }

    private static void Visit(SchemaNode node, List<SchemaNode> nodes, int depth)
    {
        nodes.Add(node);
        if (depth >= MaxDepth)
        {
            return;
        }

        foreach (var member in node.Element.EnumerateObject())
        {
            var keyword = member.Name;
            var at = $"{node.Pointer}/{SourceMap.Escape(keyword)}";
            var value = member.Value;
            switch (keyword)
            {
                case "properties" or "patternProperties" or "$defs" or "definitions":
                    VisitMap(value, at, null, node.InCondition, nodes, depth);
                    break;
                case "dependentSchemas" or "dependencies":
                    // dependencies mixes schemas and property-name arrays; VisitMap skips the arrays.
                    VisitMap(value, at, node, node.InCondition, nodes, depth);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    VisitArray(value, at, node, node.InCondition, nodes, depth);
                    break;
                case "then" or "else":
                    VisitOne(value, at, node, node.InCondition, nodes, depth);
                    break;
                case "if" or "not":
                    VisitOne(value, at, node, true, nodes, depth);
                    break;
                case "contains" or "propertyNames":
                    VisitOne(value, at, null, true, nodes, depth);
                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    VisitArray(value, at, null, node.InCondition, nodes, depth);
                    break;
                case "prefixItems":
                    VisitArray(value, at, null, node.InCondition, nodes, depth);
                    break;
                case "items" or "additionalItems" or "unevaluatedItems" or "additionalProperties" or "unevaluatedProperties" or "contentSchema":
                    VisitOne(value, at, null, node.InCondition, nodes, depth);
                    break;
                default:
                    break;
            }
        }
    }

    private static void VisitOne(JsonElement value, string pointer, SchemaNode? inPlaceParent, bool inCondition, List<SchemaNode> nodes, int depth)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            Visit(new SchemaNode(value, pointer, inPlaceParent, inCondition), nodes, depth + 1);
        }
    }

    private static void VisitMap(JsonElement value, string pointer, SchemaNode? inPlaceParent, bool inCondition, List<SchemaNode> nodes, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var entry in value.EnumerateObject())
        {
            VisitOne(entry.Value, $"{pointer}/{SourceMap.Escape(entry.Name)}", inPlaceParent, inCondition, nodes, depth);
        }
    }

    private static void VisitArray(JsonElement value, string pointer, SchemaNode? inPlaceParent, bool inCondition, List<SchemaNode> nodes, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            VisitOne(item, $"{pointer}/{index++}", inPlaceParent, inCondition, nodes, depth);
        }
    }
}
