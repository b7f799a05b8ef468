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
/// <para>Type choices: <c>integer</c> → <c>long</c> (JSON Schema integers are unbounded, 64 bits covers every id and
/// count seen in practice; a larger value fails deserialization instead of wrapping). <c>number</c> →
/// <c>decimal</c>: the wire text "0.1" reads back as exactly 0.1 and re-serializes unchanged, which a
/// <c>double</c> does not promise; the cost is a smaller range (±7.9e28), where an out-of-range value fails
/// loudly rather than silently losing precision. <c>number</c> with <c>format</c> <c>double</c> or
/// <c>float</c> → <c>double</c>, for schemas that say they carry binary floating point.</para>
/// <para>Keywords that only constrain values (<c>pattern</c>, <c>minimum</c>, <c>not</c>, <c>if</c>…) do not
/// change the C# type and are left to validation (the SDK validates before sending). Keywords that change the
/// shape and cannot be represented are reported: ECG005 (info) where the value becomes a
/// <c>JsonElement</c>, ECG006 (warning) where values would not be kept, ECG004 (error) where no type can be
/// generated at all.</para>
/// </remarks>
internal sealed class ContractParser
{
    public const string DefaultRootNamespace = "EventContracts.Contracts";

    private const string JsonElementNote = "; the member is typed JsonElement";
    private static readonly string[] DefinitionKeywords = { "$defs", "definitions" };
    private static readonly char[] FractionMarks = { '.', 'e', 'E' };
    private static readonly string[] AlternativeKeywords = { "oneOf", "anyOf" };
    private static readonly string[] ReservedRootNames = { "EventType", "SchemaVersion", "Fingerprint", "SchemaText" };

    // Members every record has (from object and the record synthesis); a property of one of these names would not compile.
    private static readonly string[] ReservedRecordNames = { "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "MemberwiseClone", "Finalize", "ReferenceEquals", "Deconstruct" };

    private readonly string _path;
    private readonly string _rootName;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<RecordModel> _records = new();
    private readonly List<UnionModel> _unions = new();
    private readonly List<EnumModel> _enums = new();
    private readonly Dictionary<string, JNode> _defs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _defTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _defsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rootMembers = new(StringComparer.Ordinal);
    private JNode? _document;

    // Schema nodes already given a nested type: a $ref to a node also reached inline reuses its type. JNode does
    // not override Equals, so the keys compare by reference.
    private readonly Dictionary<JNode, (TypeModel Type, bool Nullable)> _nodeTypes = new();

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
                parser._unions.ToEquatableArray(),
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
        _document = document;
        if (document is not JObject root || !IsObjectLike(root))
        {
            Report(Diagnostics.Unsupported, document, "a contract must be an object schema (\"type\": \"object\" with \"properties\"), because each file becomes one record");
            return null;
        }

        foreach (var key in DefinitionKeywords)
        {
            if (root.Get(key) is JObject defs)
            {
                foreach (var def in defs.Members)
                {
                    var pointer = "#/" + key + "/" + EscapePointer(def.Key);
                    _defs[pointer] = def.Value;
                    _defNames[pointer] = Names.Identifier(def.Key);
                }
            }
        }

        var shape = CollectShape(root);
        if (shape is null)
        {
            Report(Diagnostics.Unsupported, root.Get("allOf") ?? root, "every \"allOf\" branch of the root must be an object schema, so their properties can be merged into one record");
            return null;
        }

        _typeNames[_rootName] = "the event record";
        foreach (var name in ReservedRootNames)
        {
            _rootMembers.Add(name);
        }

        foreach (var member in shape.Properties)
        {
            _rootMembers.Add(Names.Identifier(member.Key));
        }

        return BuildRecord(shape, _rootName, parent: null, reserved: ReservedRootNames);
    }

    /// <summary>Follows a local JSON pointer (<c>#/a/b~1c/0</c>) from the document root.</summary>
    private (JNode Node, string Name)? Resolve(string pointer)
    {
        if (_document is null || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = _document;
        var name = string.Empty;
        foreach (var raw in pointer.Substring(2).Split('/'))
        {
            name = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JObject o => o.Get(name),
                JArray a when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Items.Count => a.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node is JObject or JLiteral ? (node, name) : null;
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>An object schema's properties and required names, with <c>allOf</c> branches merged in.</summary>
    private sealed class Shape
    {
        public Shape(JObject schema) => Schema = schema;

        public JObject Schema { get; }

        public List<KeyValuePair<string, JNode>> Properties { get; } = new();

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);
    }

    private static bool IsObjectLike(JObject schema) => schema.Get("type") switch
    {
        JString t => t.Value == "object",
        JArray => false,
        _ => schema.Get("properties") is not null || schema.Get("required") is not null || (schema.Get("allOf") is JArray && schema.Get("oneOf") is null && schema.Get("anyOf") is null),
    };

    private Shape? CollectShape(JObject schema, int depth = 0)
    {
        var shape = new Shape(schema);
        return Merge(shape, schema, depth) ? shape : null;
    }

    private bool Merge(Shape shape, JObject schema, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        if (schema.Get("properties") is JObject props)
        {
            foreach (var member in props.Members)
            {
                if (!shape.Properties.Exists(p => string.Equals(p.Key, member.Key, StringComparison.Ordinal)))
                {
                    shape.Properties.Add(member);
                }
            }
        }

        if (schema.Get("required") is JArray required)
        {
            foreach (var item in required.Items)
            {
                if (item is JString s)
                {
                    shape.Required.Add(s.Value);
                }
            }
        }

        if (schema.Get("allOf") is not JArray allOf)
        {
            return true;
        }

        foreach (var branch in allOf.Items)
        {
            var target = branch is JObject o && o.GetString("$ref") is { } pointer && _defs.TryGetValue(pointer, out var def) ? def : branch;
            if (target is not JObject branchObject || !IsObjectLike(branchObject) || !Merge(shape, branchObject, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private RecordModel BuildRecord(Shape shape, string name, string? parent, string[]? reserved = null, DiscriminatorModel? discriminator = null, string? baseName = null)
    {
        var schema = shape.Schema;
        if (schema.Get("patternProperties") is { } patternProperties)
        {
            Report(Diagnostics.NotKept, patternProperties, "\"patternProperties\" has no member in " + name + ", so properties matching it are skipped when reading and not written back");
        }

        if (schema.Get("additionalProperties") is JObject additional)
        {
            Report(Diagnostics.NotKept, additional, "\"additionalProperties\" with a schema has no member in " + name + ", so extra properties are skipped when reading and not written back");
        }

        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [name] = "the type itself" };
        foreach (var r in ReservedRecordNames)
        {
            names[r] = "a member every C# record has";
        }

        if (reserved is not null)
        {
            foreach (var r in reserved)
            {
                names[r] = "the generated constant " + r;
            }
        }

        foreach (var member in shape.Properties)
        {
            if (discriminator is not null && string.Equals(member.Key, discriminator.JsonName, StringComparison.Ordinal))
            {
                continue;
            }

            var memberName = Names.Identifier(member.Key);
            if (names.TryGetValue(memberName, out var other))
            {
                Report(Diagnostics.NameCollision, member.Value, "the property \"" + member.Key + "\" becomes the C# name " + memberName + ", which is already " + other + "; rename it in the schema");
                continue;
            }

            names[memberName] = "the property \"" + member.Key + "\"";
            var mapped = MapType(member.Value, new Naming(memberName, parent ?? string.Empty, memberName + "Details", memberName + "Kind"));
            if (mapped is null)
            {
                continue;
            }

            var propSchema = member.Value as JObject;
            properties.Add(new PropertyModel(
                member.Key,
                memberName,
                mapped.Value.Type,
                shape.Required.Contains(member.Key),
                mapped.Value.Nullable,
                propSchema?.GetString("title"),
                propSchema?.GetString("description") ?? DescriptionOfRef(propSchema)));
        }

        return new RecordModel(name, schema.GetString("title"), schema.GetString("description"), properties.ToEquatableArray(), baseName, discriminator);
    }

    private string? DescriptionOfRef(JObject? schema) =>
        schema?.GetString("$ref") is { } pointer && _defs.TryGetValue(pointer, out var def) ? (def as JObject)?.GetString("description") : null;

    /// <summary>How to name the types a schema may need.</summary>
    /// <param name="Hint">The member's C# name, e.g. <c>Shipping</c>.</param>
    /// <param name="Parent">The record the member is in, used to tell two inline types of one name apart.</param>
    /// <param name="ObjectName">For an inline object or union, e.g. <c>ShippingDetails</c>.</param>
    /// <param name="EnumName">For an inline enum, e.g. <c>ChannelKind</c>.</param>
    /// <param name="Fixed">A definition's name: never prefixed with a parent.</param>
    private sealed record Naming(string Hint, string Parent, string ObjectName, string EnumName, bool Fixed = false)
    {
        public Naming Item() => new(Hint, Parent, Hint + "Item", EnumName);

        public Naming Value() => new(Hint, Parent, Hint + "Value", EnumName);
    }

    /// <summary>A nested type name: the preferred one, else prefixed with the parent record, else ECG003.</summary>
    private string ClaimTypeName(Naming naming, string preferred, JNode at)
    {
        var candidates = naming.Fixed ? new[] { preferred } : new[] { preferred, naming.Parent + preferred };
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 0 && !_rootMembers.Contains(candidate) && !_typeNames.ContainsKey(candidate))
            {
                _typeNames[candidate] = "the type for \"" + naming.Hint + "\"";
                return candidate;
            }
        }

        var owner = _rootMembers.Contains(preferred) ? "a member of " + _rootName : _typeNames[preferred];
        Report(Diagnostics.NameCollision, at, "the nested type " + preferred + " has the same C# name as " + owner + "; rename one in the schema");
        return preferred;
    }

    /// <returns>The type and whether null is allowed; null when the property can never be present (<c>false</c> schema).</returns>
    private (TypeModel Type, bool Nullable)? MapType(JNode node, Naming naming)
    {
        if (_nodeTypes.TryGetValue(node, out var known))
        {
            return known;
        }

        var mapped = MapTypeCore(node, naming);
        if (mapped is { } named && named.Type.Kind is ValueKind.Record or ValueKind.Union or ValueKind.Enum)
        {
            _nodeTypes[node] = named;
        }

        return mapped;
    }

    private (TypeModel Type, bool Nullable)? MapTypeCore(JNode node, Naming naming)
    {
        if (node is JLiteral literal)
        {
            if (literal.Text == "false")
            {
                return null;
            }

            return (TypeModel.Json, false);
        }

        if (node is not JObject schema)
        {
            Report(Diagnostics.Unsupported, node, "a schema must be an object or a boolean");
            return (TypeModel.Json, false);
        }

        if (schema.GetString("$ref") is { } pointer)
        {
            return (MapReference(schema, pointer, naming), false);
        }

        if (schema.Get("$ref") is { } badRef)
        {
            Report(Diagnostics.Unsupported, badRef, "\"$ref\" must be a string");
            return (TypeModel.Json, false);
        }

        foreach (var keyword in AlternativeKeywords)
        {
            if (schema.Get(keyword) is JArray alternatives)
            {
                return MapAlternatives(keyword, alternatives, naming);
            }
        }

        if (schema.Get("allOf") is JArray { Items.Count: 1 } allOf && schema.Get("properties") is null)
        {
            // "allOf": [{"$ref": …}] is how drafts before 2019-09 attach a description to a reference.
            return MapType(allOf.Items[0], naming);
        }

        var (type, nullable) = TypeOf(schema);
        switch (type)
        {
            case null:
                Report(Diagnostics.MappedToJsonElement, schema.Get("type") ?? schema, "the schema allows more than one type (or none is given)" + JsonElementNote);
                return (TypeModel.Json, false);
            case "string":
                return (MapString(schema, naming, ref nullable), nullable);
            case "integer":
                return (new TypeModel(ValueKind.Integer), nullable);
            case "number":
                return (new TypeModel(schema.GetString("format") is "double" or "float" ? ValueKind.Double : ValueKind.Decimal), nullable);
            case "boolean":
                return (new TypeModel(ValueKind.Boolean), nullable);
            case "array":
                return (MapArray(schema, naming), nullable);
            case "object":
                return (MapObject(schema, naming), nullable);
            case "null":
                Report(Diagnostics.MappedToJsonElement, schema, "a property that can only be null carries no data" + JsonElementNote);
                return (TypeModel.Json, false);
            default:
                Report(Diagnostics.Unsupported, schema.Get("type")!, "the type \"" + type + "\" does not exist in JSON Schema; use string, integer, number, boolean, array, object or null");
                return (TypeModel.Json, false);
        }
    }

    /// <summary>The one non-null type a schema has, stated or inferred, and whether null is allowed too.</summary>
    private static (string? Type, bool Nullable) TypeOf(JObject schema)
    {
        var nullableEnum = schema.Get("enum") is JArray values && values.Items.Exists(v => v is JLiteral { Text: "null" });
        switch (schema.Get("type"))
        {
            case JString t:
                return (t.Value, nullableEnum);
            case JArray list:
                string? single = null;
                var nullable = false;
                var count = 0;
                foreach (var item in list.Items)
                {
                    if (item is JString { Value: "null" })
                    {
                        nullable = true;
                    }
                    else if (item is JString s)
                    {
                        single = s.Value;
                        count++;
                    }
                }

                return count == 1 ? (single, nullable) : (count == 0 && nullable ? "null" : null, nullable);
        }

        if (IsObjectLike(schema) || schema.Get("additionalProperties") is not null)
        {
            return ("object", false);
        }

        if (schema.Get("items") is not null || schema.Get("prefixItems") is not null)
        {
            return ("array", false);
        }

        var examples = schema.Get("enum") is JArray e ? e.Items : schema.Get("const") is { } c ? new List<JNode> { c } : null;
        if (examples is not null)
        {
            string? kind = null;
            foreach (var value in examples)
            {
                var k = value switch
                {
                    JString => "string",
                    JNumber n => n.Raw.IndexOfAny(FractionMarks) >= 0 ? "number" : "integer",
                    JLiteral { Text: "null" } => kind,
                    JLiteral => "boolean",
                    _ => "mixed",
                };
                kind = kind is null || kind == k ? k : "mixed";
            }

            return kind is null or "mixed" ? (null, nullableEnum) : (kind, nullableEnum);
        }

        return schema.Get("format") is JString ? ("string", false) : (null, false);
    }

    private TypeModel MapString(JObject schema, Naming naming, ref bool nullable)
    {
        if (schema.Get("enum") is JArray values)
        {
            return MapEnum(schema, values, naming, ref nullable);
        }

        return schema.GetString("format") switch
        {
            "date-time" => new TypeModel(ValueKind.DateTime),
            "date" => new TypeModel(ValueKind.Date),
            "uuid" => new TypeModel(ValueKind.Uuid),
            "uri" => new TypeModel(ValueKind.Uri),
            _ => new TypeModel(ValueKind.String),
        };
    }

    private TypeModel MapArray(JObject schema, Naming naming)
    {
        var items = schema.Get("items");
        if (items is JArray || schema.Get("prefixItems") is not null)
        {
            Report(Diagnostics.MappedToJsonElement, items ?? schema.Get("prefixItems")!, "tuple arrays (\"prefixItems\", or \"items\" as a list) have no list type" + JsonElementNote);
            return TypeModel.Json;
        }

        var item = items is null ? null : MapType(items, naming.Item());
        return new TypeModel(ValueKind.List, Element: item is { Nullable: false } ? item.Value.Type : TypeModel.Json);
    }

    private TypeModel MapObject(JObject schema, Naming naming)
    {
        var shape = CollectShape(schema);
        if (shape is null)
        {
            Report(Diagnostics.MappedToJsonElement, schema.Get("allOf") ?? schema, "\"allOf\" whose branches are not all object schemas cannot be merged into one record" + JsonElementNote);
            return TypeModel.Json;
        }

        if (shape.Properties.Count == 0)
        {
            // A map ("additionalProperties" with a schema) or a free-form object: no record to generate.
            if (schema.Get("additionalProperties") is JObject valueSchema)
            {
                var value = MapType(valueSchema, naming.Value());
                return new TypeModel(ValueKind.Map, Element: value is { Nullable: false } ? value.Value.Type : TypeModel.Json);
            }

            return TypeModel.Json;
        }

        var name = ClaimTypeName(naming, naming.ObjectName, schema);
        _records.Add(BuildRecord(shape, name, name));
        return new TypeModel(ValueKind.Record, name);
    }

    private TypeModel MapReference(JObject schema, string pointer, Naming naming)
    {
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            Report(Diagnostics.Unsupported, schema.Get("$ref")!, "\"" + pointer + "\" is not a local reference; contracts must be self-contained, so move the definition into \"$defs\" and refer to it as #/$defs/<name>");
            return TypeModel.Json;
        }

        if (pointer == "#")
        {
            return new TypeModel(ValueKind.Record, _rootName, IsRoot: true);
        }

        if (!_defs.ContainsKey(pointer) && Resolve(pointer) is { } found)
        {
            // A pointer into another part of the document (#/properties/a/items): named after its last segment.
            _defs[pointer] = found.Node;
            _defNames[pointer] = Names.Identifier(found.Name);
        }

        if (!_defs.TryGetValue(pointer, out var target) || !_defNames.TryGetValue(pointer, out var defName))
        {
            Report(Diagnostics.Unsupported, schema.Get("$ref")!, "\"" + pointer + "\" does not point at a schema in this file; refer to #/$defs/<name> of an existing entry");
            return TypeModel.Json;
        }

        if (_defTypes.TryGetValue(pointer, out var known))
        {
            return known;
        }

        if (_nodeTypes.TryGetValue(target, out var reached))
        {
            _defTypes[pointer] = reached.Type;
            return reached.Type;
        }

        if (!_defsInProgress.Add(pointer))
        {
            Report(Diagnostics.MappedToJsonElement, schema, "\"" + pointer + "\" refers to itself without an object in between" + JsonElementNote);
            return TypeModel.Json;
        }

        var defNaming = new Naming(defName, string.Empty, _rootMembers.Contains(defName) ? defName + "Details" : defName, _rootMembers.Contains(defName) ? defName + "Kind" : defName, Fixed: true);
        TypeModel type;
        if (target is JObject targetObject && IsObjectLike(targetObject) && targetObject.Get("oneOf") is null && targetObject.Get("anyOf") is null
            && CollectShape(targetObject) is { Properties.Count: > 0 } shape)
        {
            // Registered before its members are mapped, so a recursive definition refers to itself by name. A
            // record cannot have a member of its own name, so a definition "a" with a property "a" is ADetails.
            var preferred = shape.Properties.Exists(p => Names.Identifier(p.Key) == defNaming.ObjectName) ? defName + "Details" : defNaming.ObjectName;
            var name = ClaimTypeName(defNaming, preferred, targetObject);
            type = new TypeModel(ValueKind.Record, name);
            _defTypes[pointer] = type;
            _nodeTypes[target] = (type, false);
            _records.Add(BuildRecord(shape, name, name));
        }
        else
        {
            var mapped = MapType(target, defNaming);
            type = mapped is { Nullable: false } ? mapped.Value.Type : TypeModel.Json;
            _defTypes[pointer] = type;
        }

        _defsInProgress.Remove(pointer);
        return type;
    }

    private (TypeModel Type, bool Nullable) MapAlternatives(string keyword, JArray alternatives, Naming naming)
    {
        var nonNull = alternatives.Items.FindAll(a => !(a is JObject o && o.GetString("type") == "null"));
        if (nonNull.Count == 1)
        {
            // {"oneOf": [X, {"type": "null"}]}: a nullable X.
            var single = MapType(nonNull[0], naming);
            return single is null ? (TypeModel.Json, false) : (single.Value.Type, single.Value.Nullable || nonNull.Count < alternatives.Items.Count);
        }

        if (keyword == "oneOf" && nonNull.Count == alternatives.Items.Count && TryMapUnion(alternatives, naming) is { } union)
        {
            return (union, false);
        }

        Report(Diagnostics.MappedToJsonElement, alternatives, "\"" + keyword + "\" without a discriminator (every branch an object with one property holding a distinct \"const\" string) has no single C# type" + JsonElementNote);
        return (TypeModel.Json, false);
    }

    private TypeModel? TryMapUnion(JArray alternatives, Naming naming)
    {
        var branches = new List<(JObject Schema, string? Pointer, Shape Shape)>();
        foreach (var alternative in alternatives.Items)
        {
            var pointer = (alternative as JObject)?.GetString("$ref");
            var target = pointer is not null && _defs.TryGetValue(pointer, out var def) ? def : alternative;
            if (target is not JObject o || !IsObjectLike(o) || CollectShape(o) is not { } shape || (pointer is not null && _defTypes.ContainsKey(pointer)))
            {
                return null;
            }

            branches.Add((o, pointer, shape));
        }

        if (branches.Count < 2)
        {
            return null;
        }

        foreach (var candidate in branches[0].Shape.Properties)
        {
            var values = new List<string>();
            foreach (var branch in branches)
            {
                var property = branch.Shape.Properties.Find(p => string.Equals(p.Key, candidate.Key, StringComparison.Ordinal));
                if (ConstString(property.Value) is { } value && !values.Contains(value) && branch.Shape.Required.Contains(candidate.Key))
                {
                    values.Add(value);
                }
            }

            if (values.Count == branches.Count)
            {
                return BuildUnion(candidate.Key, values, branches, naming);
            }
        }

        return null;
    }

    private static string? ConstString(JNode? node) => node is not JObject schema
        ? null
        : schema.Get("const") is JString c ? c.Value
        : schema.Get("enum") is JArray { Items.Count: 1 } e && e.Items[0] is JString only ? only.Value
        : null;

    private TypeModel BuildUnion(string discriminator, List<string> values, List<(JObject Schema, string? Pointer, Shape Shape)> branches, Naming naming)
    {
        var unionName = ClaimTypeName(naming, naming.ObjectName, branches[0].Schema);
        var union = new TypeModel(ValueKind.Union, unionName);
        var variants = new List<UnionVariantModel>();
        for (var i = 0; i < branches.Count; i++)
        {
            var (schema, pointer, shape) = branches[i];
            string recordName;
            if (pointer is not null)
            {
                var defName = _defNames[pointer];
                recordName = ClaimTypeName(new Naming(defName, string.Empty, defName, defName, Fixed: true), _rootMembers.Contains(defName) ? defName + "Details" : defName, schema);
                _defTypes[pointer] = new TypeModel(ValueKind.Record, recordName);
                _nodeTypes[schema] = (_defTypes[pointer], false);
            }
            else
            {
                recordName = ClaimTypeName(naming, naming.Hint + Names.Identifier(values[i]).TrimStart('_'), schema);
            }

            _records.Add(BuildRecord(shape, recordName, recordName, discriminator: new DiscriminatorModel(discriminator, values[i]), baseName: unionName));
            variants.Add(new UnionVariantModel(values[i], recordName));
        }

        _unions.Add(new UnionModel(unionName, null, discriminator, variants.ToEquatableArray()));
        return union;
    }

    private TypeModel MapEnum(JObject schema, JArray values, Naming naming, ref bool nullable)
    {
        var members = new List<EnumMemberModel>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values.Items)
        {
            if (value is JLiteral { Text: "null" })
            {
                nullable = true;
                continue;
            }

            if (value is not JString s)
            {
                Report(Diagnostics.MappedToJsonElement, value, "an enum that mixes strings with other values has no C# enum" + JsonElementNote);
                return TypeModel.Json;
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

        var name = ClaimTypeName(naming, naming.EnumName, schema);
        _enums.Add(new EnumModel(name, schema.GetString("description"), members.ToEquatableArray()));
        return new TypeModel(ValueKind.Enum, name);
    }
}
