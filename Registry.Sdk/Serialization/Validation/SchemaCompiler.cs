using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventContracts.Serialization.Validation;

/// <summary>
/// Compiles a schema document into <see cref="SchemaNode"/>s, or answers null when it uses a keyword the streaming
/// validator does not implement; the caller then validates with NJsonSchema instead, so no keyword is ever ignored.
/// </summary>
internal sealed class SchemaCompiler
{
    // Pattern is attacker-controlled text: a catastrophic one must fail, not hang the producer.
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "$comment", "$anchor", "title", "description", "default", "examples", "readOnly",
        "writeOnly", "deprecated", "$defs", "definitions", "contentEncoding", "contentMediaType",
    };

    private readonly JsonElement _root;
    private readonly Dictionary<string, SchemaNode> _byPointer = new(StringComparer.Ordinal);

    private SchemaCompiler(JsonElement root) => _root = root;

    /// <summary>The compiled root, or null when the schema needs a keyword only NJsonSchema implements.</summary>
    public static SchemaNode? TryCompile(JsonElement root)
    {
        try
        {
            return new SchemaCompiler(root).Compile(root, "#");
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private SchemaNode Compile(JsonElement schema, string pointer)
    {
        if (_byPointer.TryGetValue(pointer, out var known))
        {
            return known;
        }

        var node = new SchemaNode();
        _byPointer[pointer] = node;
        if (schema.ValueKind == JsonValueKind.True)
        {
            return node;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            node.AlwaysFalse = true;
            return node;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException();
        }

        var required = new List<string>();
        JsonElement? properties = null;
        bool? draft4ExclusiveMin = null, draft4ExclusiveMax = null;
        var constraints = 0;
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = pointer + "/" + Escape(keyword.Name);
            if (!Annotations.Contains(keyword.Name) && !keyword.Name.StartsWith("x-", StringComparison.Ordinal) && keyword.Name != "format")
            {
                constraints++;
            }

            switch (keyword.Name)
            {
                case var name when Annotations.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal):
                    break;
                case "format":
                    node.Format = value.GetString() switch
                    {
                        "date-time" => StringFormat.DateTime,
                        "date" => StringFormat.Date,
                        "uuid" => StringFormat.Uuid,
                        _ => StringFormat.None,
                    };
                    break;
                case "type":
                    node.Types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(JsonTypes.None, (all, t) => all | TypeOf(t))
                        : TypeOf(value);
                    break;
                case "properties":
                    properties = value;
                    break;
                case "required":
                    required.AddRange(value.EnumerateArray().Select(r => r.GetString() ?? throw new NotSupportedException()));
                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False)
                    {
                        node.AdditionalAllowed = false;
                    }
                    else if (value.ValueKind != JsonValueKind.True)
                    {
                        node.Additional = Compile(value, at);
                    }

                    break;
                case "minProperties":
                    node.MinProperties = value.GetInt32();
                    break;
                case "maxProperties":
                    node.MaxProperties = value.GetInt32();
                    break;
                case "items" when value.ValueKind != JsonValueKind.Array:
                    node.Items = Compile(value, at);
                    break;
                case "minItems":
                    node.MinItems = value.GetInt32();
                    break;
                case "maxItems":
                    node.MaxItems = value.GetInt32();
                    break;
                case "minLength":
                    node.MinLength = value.GetInt32();
                    break;
                case "maxLength":
                    node.MaxLength = value.GetInt32();
                    break;
                case "pattern":
                    node.Pattern = new Regex(value.GetString()!, RegexOptions.CultureInvariant, RegexTimeout);
                    break;
                case "minimum":
                    node.Minimum = value.GetDouble();
                    break;
                case "maximum":
                    node.Maximum = value.GetDouble();
                    break;
                case "exclusiveMinimum" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    draft4ExclusiveMin = value.GetBoolean();
                    break;
                case "exclusiveMaximum" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    draft4ExclusiveMax = value.GetBoolean();
                    break;
                case "exclusiveMinimum":
                    node.ExclusiveMinimum = value.GetDouble();
                    break;
                case "exclusiveMaximum":
                    node.ExclusiveMaximum = value.GetDouble();
                    break;
                case "multipleOf":
                    node.MultipleOf = value.TryGetDecimal(out var step) && step > 0 ? step : throw new NotSupportedException();
                    break;
                case "enum":
                    node.Enum = [.. value.EnumerateArray().Select(v => new SchemaConstant(v))];
                    break;
                case "const":
                    node.Const = new SchemaConstant(value);
                    break;
                case "allOf":
                    node.AllOf = Branches(value, at);
                    break;
                case "anyOf":
                    node.AnyOf = Branches(value, at);
                    break;
                case "oneOf":
                    node.OneOf = Branches(value, at);
                    break;
                case "not":
                    node.Not = Compile(value, at);
                    break;
                case "$ref":
                    node.Ref = Resolve(value.GetString());
                    break;
                default:
                    // patternProperties, dependencies, if/then/else, contains, prefixItems, unevaluated*…: NJsonSchema's job.
                    throw new NotSupportedException();
            }
        }

        if (draft4ExclusiveMin == true)
        {
            (node.ExclusiveMinimum, node.Minimum) = (node.Minimum, null);
        }

        if (draft4ExclusiveMax == true)
        {
            (node.ExclusiveMaximum, node.Maximum) = (node.Maximum, null);
        }

        var rules = new List<PropertyRule>();
        if (properties is { } declared)
        {
            foreach (var property in declared.EnumerateObject())
            {
                rules.Add(new PropertyRule(property.Name, Compile(property.Value, pointer + "/properties/" + Escape(property.Name)), -1));
            }
        }

        if (required.Count > 64)
        {
            throw new NotSupportedException();
        }

        ulong mask = 0;
        foreach (var name in required.Distinct(StringComparer.Ordinal))
        {
            var rule = rules.Find(r => r.Name == name);
            if (rule is null)
            {
                rule = new PropertyRule(name, null, -1);
                rules.Add(rule);
            }

            rule.RequiredBit = BitIndex(mask);
            mask |= 1UL << rule.RequiredBit;
        }

        node.Properties = [.. rules];
        node.RequiredMask = mask;
        if (node.Ref is not null && constraints == 1)
        {
            (node.OnlyRef, node.Ref) = (node.Ref, null);
        }

        return node;
    }

    private static int BitIndex(ulong mask) => System.Numerics.BitOperations.PopCount(mask);

    private SchemaNode[] Branches(JsonElement value, string at) =>
        [.. value.EnumerateArray().Select((branch, i) => Compile(branch, at + "/" + i.ToString(CultureInfo.InvariantCulture)))];

    private SchemaNode Resolve(string? reference)
    {
        if (reference is null || !reference.StartsWith('#'))
        {
            throw new NotSupportedException();
        }

        var target = _root;
        var fragment = Uri.UnescapeDataString(reference[1..]);
        if (fragment.Length > 0)
        {
            if (fragment[0] != '/')
            {
                throw new NotSupportedException();
            }

            foreach (var raw in fragment[1..].Split('/'))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                target = target.ValueKind switch
                {
                    JsonValueKind.Object when target.TryGetProperty(segment, out var child) => child,
                    JsonValueKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < target.GetArrayLength() => target[index],
                    _ => throw new NotSupportedException(),
                };
            }
        }

        return Compile(target, "#" + fragment);
    }

    private static JsonTypes TypeOf(JsonElement type) => type.GetString() switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number | JsonTypes.Integer,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        _ => throw new NotSupportedException(),
    };

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
