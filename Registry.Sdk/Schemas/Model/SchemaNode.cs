using System.Text.Json;

namespace EventContracts.Schemas.Model;

/// <summary>
/// One subschema, normalized for comparison. A schema object that combines several aspects (a type with
/// keywords, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>) becomes a synthetic <c>allOf</c> of
/// one node per aspect, the way Confluent's loader splits it, so the comparison rules stay per aspect.
/// </summary>
internal sealed class SchemaNode
{
    public SchemaNode(NodeKind kind, string pointer)
    {
        Kind = kind;
        Pointer = pointer;
    }

    public NodeKind Kind { get; }

    /// <summary>Where the node sits in its document, as a JSON pointer (<c>#/properties/a</c>).</summary>
    public string Pointer { get; }

    public Annotations Annotations { get; set; } = Annotations.None;

    /// <summary>
    /// SHA-256 (first 128 bits) of <see cref="Annotations"/> as written (<c>$id</c>, <c>title</c>, <c>description</c>,
    /// <c>default</c>), set where the node is read from a document; zero when unknown. Equal non-zero digests mean equal
    /// annotations, so a comparison finds that on the nodes alone, without reading the strings, cold in a long history.
    /// </summary>
    public UInt128 AnnotationsDigest { get; set; }

    // Core: types and the keywords of each type family.
    public JsonTypes? Types { get; set; }

    public IReadOnlyList<JsonElement>? Enum { get; set; }

    public StringFacet? String { get; set; }

    public NumberFacet? Number { get; set; }

    public ObjectFacet? Object { get; set; }

    public ArrayFacet? Array { get; set; }

    // Combined, not, conditional and reference nodes keep their parts in a side object, so the far more common core node
    // (a type with keywords) is a few cache lines smaller: in a long history the comparison reads many of them cold.
    private Parts? _parts;

    private Parts Writable => _parts ??= new Parts();

    // Combined.
    public Criterion Criterion { get => _parts?.Criterion ?? Criterion.AllOf; set => Writable.Criterion = value; }

    public bool Synthetic { get => _parts?.Synthetic ?? false; set => Writable.Synthetic = value; }

    /// <summary>
    /// An <c>anyOf</c> standing for a type array (<c>"type": ["string", "null"]</c>), which Confluent's loader
    /// expands into one schema per type. It compares as a real <c>anyOf</c> but adds no segment to paths.
    /// </summary>
    public bool FromTypeArray { get => _parts?.FromTypeArray ?? false; set => Writable.FromTypeArray = value; }

    public IReadOnlyList<SchemaNode> Branches { get => _parts?.Branches ?? []; set => Writable.Branches = value; }

    // Not.
    public SchemaNode? Inner { get => _parts?.Inner; set => Writable.Inner = value; }

    // Conditional.
    public SchemaNode? If { get => _parts?.If; set => Writable.If = value; }

    public SchemaNode? Then { get => _parts?.Then; set => Writable.Then = value; }

    public SchemaNode? Else { get => _parts?.Else; set => Writable.Else = value; }

    // Reference.
    public string? Reference { get => _parts?.Reference; set => Writable.Reference = value; }

    public SchemaNode? Target { get => _parts?.Target; set => Writable.Target = value; }

    /// <summary>The JSON the node was read from (for a synthetic aspect, the whole schema object).</summary>
    public JsonElement Element { get; set; }

    /// <summary>
    /// True when <see cref="Element"/> describes exactly this node (it was read from there), so two nodes with the same
    /// JSON text and no <c>$ref</c> mean the same thing. False for the aspects a schema is split into and for projections.
    /// </summary>
    public bool IsWhole { get; set; }

    /// <summary>
    /// For a whole node that is not a document's root and holds no <c>$ref</c>: SHA-256 (first 128 bits) of its
    /// document's draft and its JSON text; zero otherwise. Two nodes with the same non-zero digest have the same text
    /// under the same draft, so they have no differences: a comparison finds that on the nodes alone, without reading
    /// their documents' text, which in a long history is cold in the cache.
    /// </summary>
    public UInt128 TextDigest { get; set; }

    /// <summary>The document the node belongs to, so a <c>$ref</c> inside it resolves there.</summary>
    public SchemaDocument? Document { get; set; }

    private sealed class Parts
    {
        public Criterion Criterion { get; set; }

        public bool Synthetic { get; set; }

        public bool FromTypeArray { get; set; }

        public IReadOnlyList<SchemaNode> Branches { get; set; } = [];

        public SchemaNode? Inner { get; set; }

        public SchemaNode? If { get; set; }

        public SchemaNode? Then { get; set; }

        public SchemaNode? Else { get; set; }

        public string? Reference { get; set; }

        public SchemaNode? Target { get; set; }
    }
}

internal enum NodeKind
{
    True,
    False,
    Core,
    Combined,
    Not,
    Conditional,
    Reference,
}

internal enum Criterion
{
    AllOf,
    AnyOf,
    OneOf,
}

[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

internal sealed record Annotations(string? Id, string? Title, string? Description, JsonElement? Default)
{
    public static Annotations None { get; } = new(null, null, null, null);

    public bool HasDefault => Default is not null;
}

internal sealed record StringFacet(long? MinLength, long? MaxLength, string? Pattern);

/// <summary>Numeric keywords; <c>MinimumIsExclusive</c>/<c>MaximumIsExclusive</c> are draft-04's boolean exclusive flags.</summary>
internal sealed record NumberFacet(
    double? Minimum,
    double? Maximum,
    double? ExclusiveMinimum,
    double? ExclusiveMaximum,
    double? MultipleOf,
    bool MinimumIsExclusive = false,
    bool MaximumIsExclusive = false);

internal sealed class ObjectFacet
{
    /// <summary>
    /// SHA-256 of the <c>properties</c> object as written, or null when it holds a <c>$ref</c> (which may resolve
    /// differently in another document). Equal digests in the same draft mean identical properties: a comparison
    /// skips them without touching their nodes, which for long histories are cold in the cache.
    /// </summary>
    public UInt128? PropertiesDigest { get; set; }

    /// <summary>SHA-256 (first 128 bits) of the <c>required</c> array as written.</summary>
    public UInt128? RequiredDigest { get; set; }

    public JsonSchemaDraft Draft { get; set; }

    /// <summary>
    /// One digest per entry of <see cref="Properties"/>, in the same order: SHA-256 (first 128 bits) of the property's
    /// name and its schema as written, or zero when that schema holds a <c>$ref</c>. An equal non-zero digest at the same
    /// position (same draft) means the same name with the same schema, which has no differences; a comparison skips it
    /// reading only this array, which is contiguous, instead of each old property's node and index entry, which in a long
    /// history are cold in the cache.
    /// </summary>
    public UInt128[] PropertyDigests { get; set; } = [];

    /// <summary>How many consecutive entries of <see cref="Properties"/> one of <see cref="PropertyBlockDigests"/> covers.</summary>
    public const int PropertyBlock = 16;

    /// <summary>
    /// One digest per <see cref="PropertyBlock"/> consecutive entries of <see cref="PropertyDigests"/> (the last block
    /// may be shorter): SHA-256 (first 128 bits) of how many entries it covers and their digests, or zero when one of them
    /// is zero. An equal non-zero block digest means every entry of the block is equal at its position, so a large map
    /// with a few changes is compared reading a few blocks rather than every entry.
    /// </summary>
    public UInt128[] PropertyBlockDigests { get; set; } = [];

    /// <summary>The entries of <c>properties</c> in document order, in one contiguous array.</summary>
    public PropertyEntry[] Properties { get; set; } = [];

    public Dictionary<string, SchemaNode> PropertyIndex { get; } = new(StringComparer.Ordinal);

    public List<string> Required { get; } = [];

    public HashSet<string> RequiredSet { get; } = new(StringComparer.Ordinal);

    public SchemaNode? AdditionalProperties { get; set; }

    public SchemaNode? UnevaluatedProperties { get; set; }

    public List<PatternProperty> PatternProperties { get; } = [];

    public long? MinProperties { get; set; }

    public long? MaxProperties { get; set; }

    /// <summary>Whether any dependency keyword is present, so comparisons skip the (usually empty) dictionaries.</summary>
    public bool HasDependencies { get; set; }

    public SortedDictionary<string, string[]> DependentRequired { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, SchemaNode> DependentSchemas { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One entry of <c>properties</c>: its name, its schema, and SHA-256 (first 128 bits) of the name. Two entries at the same
/// position of two maps with equal name digests have the same name, which a comparison learns from the entries alone,
/// without reading the old name, cold in a long history.
/// </summary>
internal readonly record struct PropertyEntry(string Name, SchemaNode Schema, UInt128 NameDigest);

internal sealed record PatternProperty(string Pattern, System.Text.RegularExpressions.Regex? Regex, SchemaNode Schema);

internal sealed class ArrayFacet
{
    /// <summary>Tuple item schemas (draft ≤ 2019-09 <c>items</c> array, 2020-12 <c>prefixItems</c>); null when not a tuple.</summary>
    public List<SchemaNode>? Prefix { get; set; }

    /// <summary>Without <see cref="Prefix"/>: the schema of every item. With it: the schema of the items after the tuple.</summary>
    public SchemaNode? Items { get; set; }

    public long? MinItems { get; set; }

    public long? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public SchemaNode? Contains { get; set; }

    public long? MinContains { get; set; }

    public long? MaxContains { get; set; }

    public SchemaNode? UnevaluatedItems { get; set; }
}
