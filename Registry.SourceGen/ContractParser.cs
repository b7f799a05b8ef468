using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventContracts.SourceGen;

/// <summary>
/// Parse step: contract file text → <see cref="ParseResult"/>. Pure and culture-free, so equal input gives an
/// equal model.
/// </summary>
/// <remarks>
/// Type choices: <c>integer</c> → <c>long</c> (JSON Schema integers are unbounded, 64 bits covers every id and
/// count seen in practice; a larger value fails deserialization instead of wrapping). <c>number</c> →
/// <c>decimal</c>: the wire text "0.1" reads back as exactly 0.1 and re-serializes unchanged, which a
/// <c>double</c> does not promise; the cost is a smaller range (±7.9e28), where an out-of-range value fails
/// loudly rather than silently losing precision.
/// </remarks>
internal sealed class ContractParser
{
    public const string DefaultRootNamespace = "EventContracts.Contracts";

    private static readonly HashSet<string> HandledKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "type", "properties", "required", "additionalProperties",
        "$defs", "definitions", "items", "enum", "format", "$ref", "oneOf", "anyOf",
        // Validation-only keywords: they constrain values but do not change the generated type.
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems", "uniqueItems", "examples", "default", "deprecated", "readOnly", "writeOnly",
    };

    private static readonly string[] DefinitionKeywords = { "$defs", "definitions" };
    private static readonly string[] ReservedRootNames = { "EventType", "SchemaVersion", "Fingerprint", "SchemaText" };
    private static readonly string[] AlternativeKeywords = { "oneOf", "anyOf" };

    private readonly string _path;
    private readonly string _rootName;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<RecordModel> _records = new();
    private readonly List<EnumModel> _enums = new();
    private readonly Dictionary<string, string> _defNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JNode> _defs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emittedDefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, bool IsValueType)> _scalarDefs = new(StringComparer.Ordinal);

    private ContractParser(string path, string rootName)
    {
        _path = path;
        _rootName = rootName;
    }

    public static ParseResult Parse(string path, string? text, string? rootNamespace)
    {
        if (!ContractFileNameParser.TryParse(path, out var eventType, out var segments, out var major, out var version, out var problem))
        {
            return Fail(new DiagnosticInfo(Diagnostics.InvalidFileName.Id, problem!, path, 0, 0));
        }

        if (text is null)
        {
            return Fail(new DiagnosticInfo(Diagnostics.InvalidJson.Id, "the file could not be read", path, 0, 0));
        }

        JNode document;
        try
        {
            document = MiniJsonReader.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            return Fail(new DiagnosticInfo(Diagnostics.InvalidJson.Id, e.Message, path, e.Line, e.Column, e.Offset));
        }

        var typeName = new StringBuilder();
        foreach (var segment in segments)
        {
            typeName.Append(Names.Pascal(segment));
        }

        if (major is not null)
        {
            typeName.Append('V').Append(major.Value.ToString(CultureInfo.InvariantCulture));
        }

        typeName.Append('V').Append(version.ToString(CultureInfo.InvariantCulture));
        var ns = (string.IsNullOrWhiteSpace(rootNamespace) ? DefaultRootNamespace : rootNamespace!.Trim()) + "." + Names.Pascal(segments[0]);
        var parser = new ContractParser(path, typeName.ToString());
        var root = parser.ParseRoot(document);
        var canonical = CanonicalWriter.Write(document);
        var contract = root is null
            ? null
            : new ContractModel(
                path,
                ns + "." + typeName + "." + Hash(path).Substring(0, 8) + ".g.cs",
                ns,
                eventType,
                version,
                Hash(canonical),
                canonical,
                root,
                parser._records.ToEquatableArray(),
                parser._enums.ToEquatableArray());
        return new ParseResult(contract, parser._diagnostics.ToEquatableArray());
    }

    private static ParseResult Fail(DiagnosticInfo diagnostic) =>
        new(null, new[] { diagnostic }.ToEquatableArray());

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private void Report(DiagnosticDescriptorInfo descriptor, JNode at, string message) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, message, _path, at.Line, at.Column, at.Offset));

    private RecordModel? ParseRoot(JNode document)
    {
        if (document is not JObject root)
        {
            Report(Diagnostics.Unsupported, document, "a contract must be a JSON object schema with \"type\": \"object\"");
            return null;
        }

        foreach (var key in DefinitionKeywords)
        {
            if (root.Get(key) is JObject defs)
            {
                foreach (var def in defs.Members)
                {
                    var pointer = "#/" + key + "/" + def.Key;
                    _defs[pointer] = def.Value;
                    _defNames[pointer] = Names.Identifier(def.Key);
                }
            }
        }

        var record = ParseObject(root, _rootName, reserved: ReservedRootNames);
        CheckNestedNames(record, root);
        return record;
    }

    private void CheckNestedNames(RecordModel root, JObject at)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal) { [_rootName] = "the event record" };
        foreach (var p in root.Properties)
        {
            seen[p.Name] = "the property \"" + p.JsonName + "\"";
        }

        foreach (var name in EnumerateNestedNames())
        {
            if (seen.TryGetValue(name, out var other))
            {
                Report(Diagnostics.NameCollision, at, "the nested type " + name + " has the same C# name as " + other + "; rename one in the schema");
            }
            else
            {
                seen[name] = "another nested type";
            }
        }
    }

    private IEnumerable<string> EnumerateNestedNames()
    {
        foreach (var r in _records)
        {
            yield return r.Name;
        }

        foreach (var e in _enums)
        {
            yield return e.Name;
        }
    }

    private RecordModel ParseObject(JObject schema, string name, string[]? reserved = null)
    {
        CheckKeywords(schema);
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Get("required") is JArray requiredList)
        {
            foreach (var item in requiredList.Items)
            {
                if (item is JString s)
                {
                    required.Add(s.Value);
                }
            }
        }

        if (schema.Get("additionalProperties") is JObject)
        {
            Report(Diagnostics.Unsupported, schema.Get("additionalProperties")!, "additionalProperties with a schema (a map) is not supported yet; use a property with an array of entries");
        }

        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [name] = "the type itself" };
        if (reserved is not null)
        {
            foreach (var r in reserved)
            {
                names[r] = "the generated constant " + r;
            }
        }

        if (schema.Get("properties") is JObject props)
        {
            foreach (var member in props.Members)
            {
                var memberName = Names.Identifier(member.Key);
                if (names.TryGetValue(memberName, out var other))
                {
                    Report(Diagnostics.NameCollision, member.Value, "the property \"" + member.Key + "\" becomes the C# name " + memberName + ", which is already " + other + "; rename it in the schema");
                    continue;
                }

                names[memberName] = "the property \"" + member.Key + "\"";
                var type = MapType(member.Value, memberName, out var isValueType);
                var propSchema = member.Value as JObject;
                properties.Add(new PropertyModel(
                    member.Key,
                    memberName,
                    type,
                    isValueType,
                    required.Contains(member.Key),
                    propSchema?.GetString("title"),
                    propSchema?.GetString("description") ?? DescriptionOfRef(propSchema)));
            }
        }

        return new RecordModel(name, schema.GetString("title"), schema.GetString("description"), properties.ToEquatableArray());
    }

    private string? DescriptionOfRef(JObject? schema) =>
        schema?.GetString("$ref") is { } pointer && _defs.TryGetValue(pointer, out var def) ? (def as JObject)?.GetString("description") : null;

    private void CheckKeywords(JObject schema)
    {
        foreach (var member in schema.Members)
        {
            if (!HandledKeywords.Contains(member.Key))
            {
                Report(Diagnostics.Unsupported, member.Value, "the keyword \"" + member.Key + "\" is not supported by the generator; remove it or file an issue");
            }
        }
    }

    private string MapType(JNode node, string memberName, out bool isValueType)
    {
        isValueType = false;
        if (node is not JObject schema)
        {
            Report(Diagnostics.Unsupported, node, "a property schema must be an object; boolean schemas are not supported");
            return "global::System.Text.Json.JsonElement";
        }

        if (schema.GetString("type") != "object")
        {
            // Objects are checked by ParseObject.
            CheckKeywords(schema);
        }

        if (schema.GetString("$ref") is { } pointer)
        {
            if (!_defs.TryGetValue(pointer, out var target) || !_defNames.TryGetValue(pointer, out var defName))
            {
                Report(Diagnostics.Unsupported, schema.Get("$ref")!, "only local references to #/$defs/<name> are supported; \"" + pointer + "\" is not one");
                isValueType = true;
                return "global::System.Text.Json.JsonElement";
            }

            if (_emittedDefs.Add(pointer))
            {
                if (target is JObject targetObject && targetObject.GetString("type") == "object")
                {
                    _records.Add(ParseObject(targetObject, defName));
                }
                else
                {
                    // A reference to a scalar or enum definition: mapped once, named after the definition, and
                    // reused by every later reference (an enum must not be emitted twice).
                    var mapped = MapType(target, defName, out isValueType);
                    _scalarDefs[pointer] = (mapped, isValueType);
                    return mapped;
                }
            }

            if (_scalarDefs.TryGetValue(pointer, out var known))
            {
                isValueType = known.IsValueType;
                return known.Type;
            }

            return defName;
        }

        foreach (var keyword in AlternativeKeywords)
        {
            if (schema.Get(keyword) is { } alternatives)
            {
                Report(Diagnostics.MappedToJsonElement, alternatives, "\"" + keyword + "\" is mapped to JsonElement; polymorphic families (oneOf with a const discriminator) are not generated yet");
                isValueType = true;
                return "global::System.Text.Json.JsonElement";
            }
        }

        var typeNode = schema.Get("type");
        if (typeNode is not JString typeString)
        {
            Report(Diagnostics.Unsupported, typeNode ?? schema, "give the property a single \"type\" (string, integer, number, boolean, array or object); type lists and untyped schemas are not supported");
            isValueType = true;
            return "global::System.Text.Json.JsonElement";
        }

        switch (typeString.Value)
        {
            case "string":
                if (schema.Get("enum") is JArray values)
                {
                    return MapEnum(schema, values, memberName + "Kind", out isValueType);
                }

                switch (schema.GetString("format"))
                {
                    case "date-time":
                        isValueType = true;
                        return "global::System.DateTimeOffset";
                    case "date":
                        isValueType = true;
                        return "global::System.DateOnly";
                    case "uuid":
                        isValueType = true;
                        return "global::System.Guid";
                    case "uri":
                        return "global::System.Uri";
                    default:
                        return "string";
                }

            case "integer":
                isValueType = true;
                return "long";
            case "number":
                isValueType = true;
                return "decimal";
            case "boolean":
                isValueType = true;
                return "bool";
            case "array":
                if (schema.Get("items") is not { } items)
                {
                    Report(Diagnostics.Unsupported, schema, "give the array an \"items\" schema");
                    return "global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement>";
                }

                var itemType = MapType(items, memberName + "Item", out var itemIsValueType);
                _ = itemIsValueType;
                return "global::System.Collections.Generic.IReadOnlyList<" + itemType + ">";
            case "object":
                var nested = memberName.EndsWith("Item", StringComparison.Ordinal) ? memberName : memberName + "Details";
                _records.Add(ParseObject(schema, nested));
                return nested;
            default:
                Report(Diagnostics.Unsupported, typeString, "the type \"" + typeString.Value + "\" is not supported");
                isValueType = true;
                return "global::System.Text.Json.JsonElement";
        }
    }

    private string MapEnum(JObject schema, JArray values, string name, out bool isValueType)
    {
        isValueType = true;
        var members = new List<EnumMemberModel>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values.Items)
        {
            if (value is not JString s)
            {
                Report(Diagnostics.Unsupported, value, "only string enums are supported");
                continue;
            }

            var memberName = Names.Identifier(s.Value);
            if (seen.TryGetValue(memberName, out var other))
            {
                Report(Diagnostics.NameCollision, value, "the enum values \"" + other + "\" and \"" + s.Value + "\" both become the C# name " + memberName + "; rename one in the schema");
                continue;
            }

            seen[memberName] = s.Value;
            members.Add(new EnumMemberModel(memberName, s.Value));
        }

        _enums.Add(new EnumModel(name, schema.GetString("description"), members.ToEquatableArray()));
        return name;
    }
}
