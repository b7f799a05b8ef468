using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventContracts.Schemas.Model;

/// <summary>
/// Reads a schema's JSON into <see cref="SchemaNode"/>s and resolves every <c>$ref</c>: JSON pointers,
/// <c>$anchor</c>s, embedded <c>$id</c>s and the named references the caller supplied. Nothing is ever fetched:
/// a reference that leaves those is an error.
/// </summary>
/// <remarks>
/// Hand-written rather than NJsonSchema's object model: the comparison needs distinctions that model folds
/// away (boolean schemas, draft-04 boolean exclusive bounds, 2020-12 prefixItems, synthetic splitting,
/// where each keyword sat for JSON pointers), and NJsonSchema's reference resolver is built to load remote
/// documents, which this registry must never do.
/// </remarks>
internal sealed class SchemaDocument
{
    private static readonly Uri DefaultBase = new("https://schema.eventcontracts.invalid/root.json");

    private readonly ContractSchema _owner;
    private readonly IReadOnlyDictionary<string, ContractSchema> _references;
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _baseOfPointer = new(StringComparer.Ordinal);
    private readonly Queue<(SchemaNode Node, Uri Base)> _unresolved = new();
    private readonly Uri _rootBase;
    private readonly Lock _gate = new();
    private readonly SubschemaPool? _pool;

    private SchemaDocument(ContractSchema owner, IReadOnlyDictionary<string, ContractSchema>? references, SubschemaPool? pool)
    {
        _owner = owner;
        _references = references ?? new Dictionary<string, ContractSchema>();
        _pool = pool;
        Draft = owner.Draft;
        _rootBase = DefaultBase;
        Root = null!;
    }

    public JsonSchemaDraft Draft { get; }

    public SchemaNode Root { get; private set; }

    /// <summary>Reads <paramref name="schema"/>; subschemas already in <paramref name="pool"/> are taken from it, new ones added.</summary>
    public static SchemaDocument Build(ContractSchema schema, IReadOnlyDictionary<string, ContractSchema>? references, SubschemaPool? pool)
    {
        var document = new SchemaDocument(schema, references, pool);
        document.IndexIdentifiers(schema.Root, "#", document._rootBase);
        document.Root = document.Read(schema.Root, "#", document._rootBase);
        document.ResolveAll();
        return document;
    }

    private SchemaException Error(string message, string pointer, SchemaErrorKind kind = SchemaErrorKind.NotASchema) =>
        new(kind, message, pointer, _owner.PositionOf(pointer), _owner.SourcePath);

    private bool IsDraft4 => Draft == JsonSchemaDraft.Draft4;

    private bool RefHasSiblings => Draft is JsonSchemaDraft.Draft201909 or JsonSchemaDraft.Draft202012;

    // ---- identifiers -------------------------------------------------------------------------------

    private void IndexIdentifiers(JsonElement element, string pointer, Uri baseUri)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                IndexIdentifiers(item, $"{pointer}/{i++}", baseUri);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var idKeyword = IsDraft4 ? "id" : "$id";
        if (element.TryGetProperty(idKeyword, out var id) && id.ValueKind == JsonValueKind.String)
        {
            var text = id.GetString()!;
            if (text.StartsWith('#') && Draft <= JsonSchemaDraft.Draft7)
            {
                _anchors[AnchorKey(baseUri, text[1..])] = pointer;
            }
            else if (Uri.TryCreate(baseUri, text, out var resolved))
            {
                baseUri = resolved;
                _resources[WithoutFragment(resolved)] = pointer;
                if (resolved.Fragment.Length > 1)
                {
                    _anchors[AnchorKey(resolved, resolved.Fragment[1..])] = pointer;
                }
            }
        }

        if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _anchors[AnchorKey(baseUri, anchor.GetString()!)] = pointer;
        }

        _baseOfPointer[pointer] = baseUri;
        foreach (var member in element.EnumerateObject())
        {
            // Values of these keywords are data, not schemas: an "id" inside them names nothing.
            if (member.Name is "enum" or "const" or "default" or "examples")
            {
                continue;
            }

            IndexIdentifiers(member.Value, $"{pointer}/{SourceMap.Escape(member.Name)}", baseUri);
        }
    }

    private static string WithoutFragment(Uri uri) => uri.GetLeftPart(UriPartial.Query);

    private static string AnchorKey(Uri baseUri, string anchor) => $"{WithoutFragment(baseUri)}#{anchor}";

    // ---- reading -----------------------------------------------------------------------------------

    private SchemaNode Read(JsonElement element, string pointer, Uri baseUri)
    {
        if (_nodes.TryGetValue(pointer, out var existing))
        {
            return existing;
        }

        // The root is compared by its fingerprint and root digest instead (ContractSchema), like SameText's text rule.
        var digest = pointer == "#" ? UInt128.Zero : TextDigest(element, Draft);
        if (digest != UInt128.Zero && _pool?.Find(digest, pointer, _owner.Limits.RegexTimeout, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element)) is { } shared)
        {
            // The same text at the same place in an earlier schema: the same subschema, already read and checked.
            _nodes[pointer] = shared;
            return shared;
        }

        SchemaNode node;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                node = new SchemaNode(NodeKind.True, pointer);
                break;
            case JsonValueKind.False:
                node = new SchemaNode(NodeKind.False, pointer);
                break;
            case JsonValueKind.Object:
                node = ReadObject(element, pointer, baseUri);
                break;
            default:
                throw Error($"A schema must be an object or a boolean, but this is {ContractSchema.Describe(element.ValueKind)}.", pointer);
        }

        node.Element = element;
        node.Document = this;
        node.IsWhole = true;

        node.TextDigest = digest;
        _nodes[pointer] = node;
        if (digest != UInt128.Zero)
        {
            _pool?.Add(node, _owner.Limits.RegexTimeout);
        }

        return node;
    }

    private SchemaNode ReadObject(JsonElement element, string pointer, Uri baseUri)
    {
        if (_baseOfPointer.TryGetValue(pointer, out var indexedBase))
        {
            baseUri = indexedBase;
        }

        var annotations = ReadAnnotations(element, pointer);
        var annotationsDigest = AnnotationsDigest(annotations);
        var aspects = new List<SchemaNode>(2);

        if (element.TryGetProperty("$ref", out var reference))
        {
            if (reference.ValueKind != JsonValueKind.String)
            {
                throw Error("$ref must be a string such as \"#/$defs/money\".", pointer + "/$ref");
            }

            var refNode = new SchemaNode(NodeKind.Reference, pointer) { Reference = reference.GetString(), Element = element, Document = this };
            _unresolved.Enqueue((refNode, baseUri));
            if (!RefHasSiblings)
            {
                // Up to draft-07 every keyword beside $ref is ignored.
                refNode.Annotations = annotations;
                refNode.AnnotationsDigest = annotationsDigest;
                return refNode;
            }

            aspects.Add(refNode);
        }

        var core = ReadCore(element, pointer, baseUri);
        if (core is not null)
        {
            aspects.Add(core);
        }

        foreach (var (keyword, criterion) in new[] { ("allOf", Criterion.AllOf), ("anyOf", Criterion.AnyOf), ("oneOf", Criterion.OneOf) })
        {
            if (element.TryGetProperty(keyword, out var branches))
            {
                aspects.Add(new SchemaNode(NodeKind.Combined, pointer)
                {
                    Criterion = criterion,
                    Branches = ReadSchemaArray(branches, $"{pointer}/{keyword}", baseUri, keyword, allowEmpty: false),
                    Element = element,
                    Document = this,
                });
            }
        }

        if (element.TryGetProperty("not", out var not))
        {
            aspects.Add(new SchemaNode(NodeKind.Not, pointer) { Inner = Read(not, pointer + "/not", baseUri), Element = element, Document = this });
        }

        if (element.TryGetProperty("if", out var condition))
        {
            aspects.Add(new SchemaNode(NodeKind.Conditional, pointer)
            {
                If = Read(condition, pointer + "/if", baseUri),
                Then = OptionalSchema(element, "then", pointer, baseUri),
                Else = OptionalSchema(element, "else", pointer, baseUri),
                Element = element,
                Document = this,
            });
        }

        SchemaNode result;
        if (aspects.Count == 0)
        {
            result = new SchemaNode(NodeKind.True, pointer);
        }
        else if (aspects.Count == 1)
        {
            result = aspects[0];
        }
        else
        {
            result = new SchemaNode(NodeKind.Combined, pointer) { Criterion = Criterion.AllOf, Synthetic = true, Branches = aspects };
        }

        result.Annotations = annotations;
        result.AnnotationsDigest = annotationsDigest;
        return result;
    }

    private Annotations ReadAnnotations(JsonElement element, string pointer)
    {
        string? id = null;
        var idKeyword = IsDraft4 ? "id" : "$id";
        if (element.TryGetProperty(idKeyword, out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : throw Error($"{idKeyword} must be a string (a URI identifying the schema).", $"{pointer}/{idKeyword}");
        }

        return new Annotations(
            id,
            OptionalString(element, "title", pointer),
            OptionalString(element, "description", pointer),
            element.TryGetProperty("default", out var defaultValue) ? defaultValue : null);
    }

    /// <summary>The digest of <see cref="SchemaNode.AnnotationsDigest"/>: each annotation present or not, then its bytes, length-prefixed.</summary>
    private static UInt128 AnnotationsDigest(Annotations annotations)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Append(annotations.Id is null ? null : System.Text.Encoding.UTF8.GetBytes(annotations.Id));
        Append(annotations.Title is null ? null : System.Text.Encoding.UTF8.GetBytes(annotations.Title));
        Append(annotations.Description is null ? null : System.Text.Encoding.UTF8.GetBytes(annotations.Description));
        Append(annotations.Default is { } value ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).ToArray() : null);
        return NonZeroDigest(buffer.WrittenSpan);

        void Append(byte[]? bytes)
        {
            // -1 for absent, so an absent annotation never digests like an empty one.
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(sizeof(int)), bytes?.Length ?? -1);
            buffer.Advance(sizeof(int));
            if (bytes is not null)
            {
                bytes.CopyTo(buffer.GetSpan(bytes.Length));
                buffer.Advance(bytes.Length);
            }
        }
    }

    private SchemaNode? ReadCore(JsonElement element, string pointer, Uri baseUri)
    {
        var node = new SchemaNode(NodeKind.Core, pointer) { Element = element, Document = this };
        var any = false;

        if (element.TryGetProperty("type", out var type))
        {
            node.Types = ReadTypes(type, pointer + "/type");
            any = true;
        }

        if (element.TryGetProperty("enum", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array)
            {
                throw Error("enum must be an array of the allowed values.", pointer + "/enum");
            }

            node.Enum = [.. values.EnumerateArray()];
            any = true;
        }

        if (element.TryGetProperty("const", out var constant))
        {
            // const is an enum of one value; Confluent's vocabulary has no const types, enum ones fit.
            node.Enum = node.Enum is null ? [constant] : node.Enum.Where(v => JsonElement.DeepEquals(v, constant)).ToList();
            any = true;
        }

        var text = ReadString(element, pointer);
        var number = ReadNumber(element, pointer);
        var obj = ReadObjectFacet(element, pointer, baseUri);
        var array = ReadArrayFacet(element, pointer, baseUri);
        node.String = text;
        node.Number = number;
        node.Object = obj;
        node.Array = array;
        any |= text is not null || number is not null || obj is not null || array is not null;
        return any ? node : null;
    }

    private JsonTypes ReadTypes(JsonElement type, string pointer)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return ParseType(type.GetString()!, pointer);
        }

        if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0)
        {
            var types = JsonTypes.None;
            var i = 0;
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw Error("Each entry of a type array must be a type name string.", $"{pointer}/{i}");
                }

                types |= ParseType(item.GetString()!, $"{pointer}/{i++}");
            }

            return types;
        }

        throw Error("type must be a type name (\"object\", \"string\", …) or a non-empty array of them.", pointer);
    }

    private JsonTypes ParseType(string name, string pointer) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        _ => throw Error($"\"{name}\" is not a JSON Schema type; use one of null, boolean, object, array, number, integer, string.", pointer),
    };

    private StringFacet? ReadString(JsonElement element, string pointer)
    {
        var min = OptionalCount(element, "minLength", pointer);
        var max = OptionalCount(element, "maxLength", pointer);
        var pattern = OptionalString(element, "pattern", pointer);
        if (pattern is not null)
        {
            ValidateRegex(pattern, pointer + "/pattern");
        }

        return min is null && max is null && pattern is null ? null : new StringFacet(min, max, pattern);
    }

    private NumberFacet? ReadNumber(JsonElement element, string pointer)
    {
        var minimum = OptionalNumber(element, "minimum", pointer);
        var maximum = OptionalNumber(element, "maximum", pointer);
        double? exclusiveMinimum = null;
        double? exclusiveMaximum = null;
        var minimumIsExclusive = false;
        var maximumIsExclusive = false;

        // draft-04 spells an exclusive bound as a boolean beside minimum/maximum; Confluent compares the bound
        // and the flag separately, so the flag is kept as read.
        if (element.TryGetProperty("exclusiveMinimum", out var exMin))
        {
            if (exMin.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                minimumIsExclusive = exMin.ValueKind == JsonValueKind.True && minimum is not null;
            }
            else
            {
                exclusiveMinimum = OptionalNumber(element, "exclusiveMinimum", pointer);
            }
        }

        if (element.TryGetProperty("exclusiveMaximum", out var exMax))
        {
            if (exMax.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                maximumIsExclusive = exMax.ValueKind == JsonValueKind.True && maximum is not null;
            }
            else
            {
                exclusiveMaximum = OptionalNumber(element, "exclusiveMaximum", pointer);
            }
        }

        var multipleOf = OptionalNumber(element, "multipleOf", pointer);
        if (multipleOf is <= 0)
        {
            throw Error("multipleOf must be greater than 0.", pointer + "/multipleOf");
        }

        return minimum is null && maximum is null && exclusiveMinimum is null && exclusiveMaximum is null && multipleOf is null
            ? null
            : new NumberFacet(minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minimumIsExclusive, maximumIsExclusive);
    }

    private ObjectFacet? ReadObjectFacet(JsonElement element, string pointer, Uri baseUri)
    {
        ObjectFacet? facet = null;
        ObjectFacet Facet() => facet ??= new ObjectFacet();

        if (element.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                throw Error("properties must be an object mapping each property name to its schema.", pointer + "/properties");
            }

            var f = Facet();
            f.PropertiesDigest = Digest(properties, refFree: true);
            f.Draft = Draft;
            var entries = new List<PropertyEntry>();
            var digests = new List<UInt128>();
            foreach (var property in properties.EnumerateObject())
            {
                var child = Read(property.Value, $"{pointer}/properties/{SourceMap.Escape(property.Name)}", baseUri);
                entries.Add(new(property.Name, child, NonZeroDigest(System.Text.Encoding.UTF8.GetBytes(property.Name))));
                f.PropertyIndex[property.Name] = child;
                digests.Add(PropertyDigest(property));
            }

            f.Properties = [.. entries];
            f.PropertyDigests = [.. digests];
            f.PropertyBlockDigests = BlockDigests(f.PropertyDigests);
        }

        if (element.TryGetProperty("required", out var required))
        {
            if (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
            {
                throw Error("required must be an array of property names.", pointer + "/required");
            }

            var f = Facet();
            f.RequiredDigest = Digest(required, refFree: false);
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (f.RequiredSet.Add(name))
                {
                    f.Required.Add(name);
                }
            }
        }

        if (element.TryGetProperty("additionalProperties", out var additional))
        {
            Facet().AdditionalProperties = Read(additional, pointer + "/additionalProperties", baseUri);
        }

        if (element.TryGetProperty("unevaluatedProperties", out var unevaluated))
        {
            Facet().UnevaluatedProperties = Read(unevaluated, pointer + "/unevaluatedProperties", baseUri);
        }

        if (element.TryGetProperty("patternProperties", out var patterns))
        {
            if (patterns.ValueKind != JsonValueKind.Object)
            {
                throw Error("patternProperties must be an object mapping regular expressions to schemas.", pointer + "/patternProperties");
            }

            var f = Facet();
            foreach (var pattern in patterns.EnumerateObject())
            {
                var at = $"{pointer}/patternProperties/{SourceMap.Escape(pattern.Name)}";
                var regex = ValidateRegex(pattern.Name, at);
                f.PatternProperties.Add(new PatternProperty(pattern.Name, regex, Read(pattern.Value, at, baseUri)));
            }
        }

        var minProperties = OptionalCount(element, "minProperties", pointer);
        var maxProperties = OptionalCount(element, "maxProperties", pointer);
        if (minProperties is not null || maxProperties is not null)
        {
            Facet().MinProperties = minProperties;
            Facet().MaxProperties = maxProperties;
        }

        ReadDependencies(element, "dependencies", pointer, baseUri, Facet);
        ReadDependencies(element, "dependentRequired", pointer, baseUri, Facet);
        ReadDependencies(element, "dependentSchemas", pointer, baseUri, Facet);

        if (element.TryGetProperty("propertyNames", out var propertyNames))
        {
            // Read so it is validated and its $refs resolve; Confluent's vocabulary has no type for it.
            Read(propertyNames, pointer + "/propertyNames", baseUri);
        }

        return facet;
    }

    private void ReadDependencies(JsonElement element, string keyword, string pointer, Uri baseUri, Func<ObjectFacet> facet)
    {
        if (!element.TryGetProperty(keyword, out var dependencies))
        {
            return;
        }

        if (dependencies.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{keyword} must be an object keyed by property name.", $"{pointer}/{keyword}");
        }

        var f = facet();
        f.HasDependencies = true;
        foreach (var dependency in dependencies.EnumerateObject())
        {
            var at = $"{pointer}/{keyword}/{SourceMap.Escape(dependency.Name)}";
            if (dependency.Value.ValueKind == JsonValueKind.Array && keyword != "dependentSchemas")
            {
                if (dependency.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    throw Error("A property dependency lists property names (strings).", at);
                }

                f.DependentRequired[dependency.Name] = [.. dependency.Value.EnumerateArray().Select(v => v.GetString()!)];
            }
            else if (keyword != "dependentRequired")
            {
                f.DependentSchemas[dependency.Name] = Read(dependency.Value, at, baseUri);
            }
            else
            {
                throw Error("dependentRequired values are arrays of property names.", at);
            }
        }
    }

    private ArrayFacet? ReadArrayFacet(JsonElement element, string pointer, Uri baseUri)
    {
        ArrayFacet? facet = null;
        ArrayFacet Facet() => facet ??= new ArrayFacet();

        var hasPrefixItems = element.TryGetProperty("prefixItems", out var prefixItems);
        if (hasPrefixItems)
        {
            Facet().Prefix = [.. ReadSchemaArray(prefixItems, pointer + "/prefixItems", baseUri, "prefixItems", allowEmpty: true)];
        }

        if (element.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                // items as an array is the tuple form (drafts up to 2019-09); additionalItems covers the rest.
                Facet().Prefix = [.. ReadSchemaArray(items, pointer + "/items", baseUri, "items", allowEmpty: true)];
                if (element.TryGetProperty("additionalItems", out var additionalItems))
                {
                    Facet().Items = Read(additionalItems, pointer + "/additionalItems", baseUri);
                }
            }
            else
            {
                Facet().Items = Read(items, pointer + "/items", baseUri);
            }
        }

        if (element.TryGetProperty("contains", out var contains))
        {
            Facet().Contains = Read(contains, pointer + "/contains", baseUri);
        }

        if (element.TryGetProperty("unevaluatedItems", out var unevaluatedItems))
        {
            Facet().UnevaluatedItems = Read(unevaluatedItems, pointer + "/unevaluatedItems", baseUri);
        }

        var minItems = OptionalCount(element, "minItems", pointer);
        var maxItems = OptionalCount(element, "maxItems", pointer);
        var minContains = OptionalCount(element, "minContains", pointer);
        var maxContains = OptionalCount(element, "maxContains", pointer);
        var unique = false;
        if (element.TryGetProperty("uniqueItems", out var uniqueItems))
        {
            unique = uniqueItems.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error("uniqueItems must be true or false.", pointer + "/uniqueItems"),
            };
        }

        if (minItems is not null || maxItems is not null || minContains is not null || maxContains is not null || unique)
        {
            var f = Facet();
            f.MinItems = minItems;
            f.MaxItems = maxItems;
            f.MinContains = minContains;
            f.MaxContains = maxContains;
            f.UniqueItems = unique;
        }

        return facet;
    }

    private List<SchemaNode> ReadSchemaArray(JsonElement array, string pointer, Uri baseUri, string keyword, bool allowEmpty)
    {
        if (array.ValueKind != JsonValueKind.Array || (!allowEmpty && array.GetArrayLength() == 0))
        {
            throw Error($"{keyword} must be a{(allowEmpty ? "n" : " non-empty")} array of schemas.", pointer);
        }

        var nodes = new List<SchemaNode>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            nodes.Add(Read(item, $"{pointer}/{i++}", baseUri));
        }

        return nodes;
    }

    /// <summary>The first 128 bits of the SHA-256 of an element's JSON text; null when it must hold no $ref and does.</summary>
    private static UInt128? Digest(JsonElement element, bool refFree)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (refFree && raw.IndexOf("$ref"u8) >= 0)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        System.Security.Cryptography.SHA256.HashData(raw, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>The digest of a schema's draft and text (see <see cref="SchemaNode.TextDigest"/>); zero when the schema holds a <c>$ref</c>.</summary>
    private static UInt128 TextDigest(JsonElement element, JsonSchemaDraft draft)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf("$ref"u8) >= 0)
        {
            return UInt128.Zero;
        }

        // The draft as a fixed-size prefix, then the schema's bytes: equal text under two drafts digests differently.
        var length = sizeof(int) + raw.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)draft);
            raw.CopyTo(buffer.AsSpan(sizeof(int)));
            return NonZeroDigest(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static UInt128 NonZeroDigest(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        var digest = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
        return digest == UInt128.Zero ? UInt128.One : digest; // zero means "no digest"
    }

    /// <summary>The digests of <see cref="ObjectFacet.PropertyBlockDigests"/> over <paramref name="digests"/>.</summary>
    private static UInt128[] BlockDigests(UInt128[] digests)
    {
        var blocks = new UInt128[(digests.Length + ObjectFacet.PropertyBlock - 1) / ObjectFacet.PropertyBlock];
        Span<byte> input = stackalloc byte[sizeof(int) + (ObjectFacet.PropertyBlock * 16)];
        for (var block = 0; block < blocks.Length; block++)
        {
            var entries = digests.AsSpan(block * ObjectFacet.PropertyBlock, Math.Min(ObjectFacet.PropertyBlock, digests.Length - (block * ObjectFacet.PropertyBlock)));
            if (entries.Contains(UInt128.Zero))
            {
                continue; // a $ref inside: no digest, so the block is walked entry by entry
            }

            // The entry count first: a shorter last block never digests like a longer one.
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(input, entries.Length);
            for (var i = 0; i < entries.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(input[(sizeof(int) + (i * 16))..], entries[i]);
            }

            blocks[block] = NonZeroDigest(input[..(sizeof(int) + (entries.Length * 16))]);
        }

        return blocks;
    }

    /// <summary>The digest of one property's name and schema text; zero (no digest) when the schema holds a <c>$ref</c>.</summary>
    private static UInt128 PropertyDigest(JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(property.Value);
        if (raw.IndexOf("$ref"u8) >= 0)
        {
            return UInt128.Zero;
        }

        // Length-prefixed name, then the schema's bytes: no two (name, schema) pairs share an input.
        var nameLength = System.Text.Encoding.UTF8.GetByteCount(property.Name);
        var length = sizeof(int) + nameLength + raw.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, nameLength);
            System.Text.Encoding.UTF8.GetBytes(property.Name, buffer.AsSpan(sizeof(int)));
            raw.CopyTo(buffer.AsSpan(sizeof(int) + nameLength));
            return NonZeroDigest(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private SchemaNode? OptionalSchema(JsonElement element, string keyword, string pointer, Uri baseUri) =>
        element.TryGetProperty(keyword, out var value) ? Read(value, $"{pointer}/{keyword}", baseUri) : null;

    private string? OptionalString(JsonElement element, string keyword, string pointer)
    {
        if (!element.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error($"{keyword} must be a string.", $"{pointer}/{keyword}");
    }

    private long? OptionalCount(JsonElement element, string keyword, string pointer)
    {
        if (!element.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= 0 && Math.Floor(number) == number)
        {
            return number >= long.MaxValue ? long.MaxValue : (long)number;
        }

        throw Error($"{keyword} must be a non-negative integer.", $"{pointer}/{keyword}");
    }

    private double? OptionalNumber(JsonElement element, string keyword, string pointer)
    {
        if (!element.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error($"{keyword} must be a number.", $"{pointer}/{keyword}");
    }

    private Regex ValidateRegex(string pattern, string pointer)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, _owner.Limits.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw Error($"\"{pattern}\" is not a valid regular expression: {e.Message}", pointer);
        }
    }

    // ---- references --------------------------------------------------------------------------------

    private void ResolveAll()
    {
        ResolvePending();
        foreach (var node in _nodes.Values.ToList())
        {
            CheckReachesSchema(node);
        }
    }

    private void ResolvePending()
    {
        while (_unresolved.TryDequeue(out var pending))
        {
            pending.Node.Target = Resolve(pending.Node, pending.Base);
        }
    }

    private SchemaNode Resolve(SchemaNode node, Uri baseUri)
    {
        var reference = node.Reference!;
        var at = node.Pointer + "/$ref";
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var location = hash >= 0 ? reference[..hash] : reference;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(reference[(hash + 1)..]) : string.Empty;

        if (location.Length == 0)
        {
            return ResolveFragment(this, WithoutFragment(baseUri), fragment, reference, at);
        }

        if (!Uri.TryCreate(baseUri, location, out var absolute))
        {
            throw Error($"$ref \"{reference}\" is not a valid URI reference.", at, SchemaErrorKind.UnresolvableReference);
        }

        var key = WithoutFragment(absolute);
        if (_resources.ContainsKey(key))
        {
            return ResolveFragment(this, key, fragment, reference, at);
        }

        foreach (var (name, referenced) in _references)
        {
            if (name == location || (Uri.TryCreate(_rootBase, name, out var named) && WithoutFragment(named) == key))
            {
                var document = referenced.Document;
                return ResolveFragment(document, WithoutFragment(document._rootBase), fragment, reference, at);
            }
        }

        var remote = location.Contains(':', StringComparison.Ordinal) || location.StartsWith("//", StringComparison.Ordinal);
        throw Error(
            remote
                ? $"$ref \"{reference}\" points outside this schema. EventContracts never fetches remote schemas (no HTTP, no files): inline it under $defs, or register it and pass it as a schema reference."
                : $"$ref \"{reference}\" names a schema that is not in this document and was not given as a reference: inline it under $defs, or register it and pass it as a schema reference named \"{location}\".",
            at,
            SchemaErrorKind.UnresolvableReference);
    }

    private SchemaNode ResolveFragment(SchemaDocument document, string resource, string fragment, string reference, string at)
    {
        var resourcePointer = document._resources.TryGetValue(resource, out var p) ? p : "#";
        string targetPointer;
        if (fragment.Length == 0 || fragment[0] == '/')
        {
            targetPointer = resourcePointer == "#" ? "#" + fragment : resourcePointer + fragment;
        }
        else if (!document._anchors.TryGetValue($"{resource}#{fragment}", out targetPointer!))
        {
            throw Error($"$ref \"{reference}\" names the anchor \"{fragment}\", which no $anchor or $id in the schema declares.", at, SchemaErrorKind.UnresolvableReference);
        }

        var element = document.Locate(targetPointer);
        if (element is null)
        {
            throw Error($"$ref \"{reference}\" points to {targetPointer}, which does not exist in the schema.", at, SchemaErrorKind.UnresolvableReference);
        }

        var baseUri = document._baseOfPointer.TryGetValue(targetPointer, out var b) ? b : document._rootBase;
        if (element.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw Error($"$ref \"{reference}\" points to {targetPointer}, which is {ContractSchema.Describe(element.Value.ValueKind)}, not a schema.", at, SchemaErrorKind.UnresolvableReference);
        }

        if (ReferenceEquals(document, this))
        {
            return Read(element.Value, targetPointer, baseUri);
        }

        // A referenced document is shared between schemas (and threads); reading a part of it no one read
        // before adds nodes, so do that under its lock and resolve the $refs those nodes bring.
        lock (document._gate)
        {
            var node = document.Read(element.Value, targetPointer, baseUri);
            document.ResolvePending();
            return node;
        }
    }

    private JsonElement? Locate(string pointer)
    {
        var current = _owner.Root;
        if (pointer == "#")
        {
            return current;
        }

        foreach (var raw in pointer[2..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private void CheckReachesSchema(SchemaNode node)
    {
        // A chain of $refs that only ever points at $refs ({"$ref": "#"} at the root) describes nothing.
        var seen = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
        var current = node;
        while (current.Kind == NodeKind.Reference)
        {
            if (!seen.Add(current))
            {
                throw Error($"$ref \"{node.Reference}\" only leads back to itself through $refs and never reaches a schema.", node.Pointer + "/$ref", SchemaErrorKind.UnresolvableReference);
            }

            current = current.Target!;
        }
    }
}
