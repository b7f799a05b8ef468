namespace EventContracts.SourceGen;

// The equatable pipeline model (mapperly / System.Text.Json generator style): the parse step turns a file into
// these records, and only they flow to the emit step, so an unchanged file compares equal and stays Cached.
// Nothing here holds a Roslyn symbol, a SourceText or a Location.

/// <summary>A diagnostic as plain data; turned into a <c>Diagnostic</c> only when reported. Lines and columns are 0-based; Offset is the index in the file text.</summary>
internal sealed record DiagnosticInfo(string Id, string Message, string FilePath, int Line, int Column, int Offset = 0);

/// <summary>The outcome of parsing one contract file: a model when one could be built, and what went wrong.</summary>
internal sealed record ParseResult(ContractModel? Contract, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One contract file, ready to emit.</summary>
/// <param name="FilePath">The file, for diagnostics.</param>
/// <param name="HintName">Unique per file, stable across runs.</param>
/// <param name="Namespace">E.g. <c>EventContracts.Contracts.Order</c>.</param>
/// <param name="EventType">E.g. <c>order.created</c>.</param>
/// <param name="Version">The N of <c>.v&lt;N&gt;.json</c>.</param>
/// <param name="Fingerprint">SHA-256 of <paramref name="CanonicalText"/> as UTF-8, 64 lower-case hex digits.</param>
/// <param name="CanonicalText">See <see cref="CanonicalWriter"/>.</param>
/// <param name="Root">The event record; its name is the type name, e.g. <c>OrderCreatedV2</c>.</param>
/// <param name="Records">Records nested in the event record: <c>$defs</c>, inline objects and the variants of unions.</param>
/// <param name="Unions">Abstract records nested in the event record, one per <c>oneOf</c> with a <c>const</c> discriminator.</param>
/// <param name="Enums">Enums nested in the event record.</param>
internal sealed record ContractModel(
    string FilePath,
    string HintName,
    string Namespace,
    string EventType,
    int Version,
    string Fingerprint,
    string CanonicalText,
    RecordModel Root,
    EquatableArray<RecordModel> Records,
    EquatableArray<UnionModel> Unions,
    EquatableArray<EnumModel> Enums);

/// <param name="Name">The C# name, unique among the types of one contract.</param>
/// <param name="Title">The schema's <c>title</c>, for the XML summary.</param>
/// <param name="Description">The schema's <c>description</c>, for the XML docs.</param>
/// <param name="Properties">The members, in schema order.</param>
/// <param name="Base">The union this record is a variant of, if any.</param>
/// <param name="Discriminator">For a variant: the discriminator's wire name and this variant's value, written first and checked on read.</param>
internal sealed record RecordModel(
    string Name,
    string? Title,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    string? Base = null,
    DiscriminatorModel? Discriminator = null);

internal sealed record DiscriminatorModel(string JsonName, string Value);

/// <summary>A <c>oneOf</c> whose branches are objects told apart by one property with a <c>const</c> value.</summary>
internal sealed record UnionModel(string Name, string? Description, string DiscriminatorJsonName, EquatableArray<UnionVariantModel> Variants);

internal sealed record UnionVariantModel(string Value, string RecordName);

/// <param name="JsonName">The wire name, exactly as in the schema.</param>
/// <param name="Name">The C# member name.</param>
/// <param name="Type">What the value is.</param>
/// <param name="Required">Listed in the schema's <c>required</c>: the member is <c>required</c> and reading fails without it.</param>
/// <param name="Nullable">The schema allows <c>null</c> (a type list with <c>"null"</c>), so null is written and read as null.</param>
/// <param name="Title">The schema's <c>title</c>, for the XML summary.</param>
/// <param name="Description">The schema's <c>description</c> (or that of the referenced definition), for the XML docs.</param>
internal sealed record PropertyModel(string JsonName, string Name, TypeModel Type, bool Required, bool Nullable, string? Title, string? Description);

/// <summary>What a value is on the wire and in C#.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Decimal,
    Double,
    Boolean,
    DateTime,
    Date,
    Uuid,
    Uri,
    Record,
    Union,
    Enum,
    List,
    Map,
    Json,
}

/// <param name="Kind">What the value is on the wire and in C#.</param>
/// <param name="Name">For records, unions and enums: the nested type's name.</param>
/// <param name="Element">For lists and maps: the item type.</param>
/// <param name="IsRoot">A reference to the event record itself (<c>"$ref": "#"</c>), which is not nested in itself.</param>
internal sealed record TypeModel(ValueKind Kind, string? Name = null, TypeModel? Element = null, bool IsRoot = false)
{
    public static readonly TypeModel Json = new(ValueKind.Json);

    public bool IsValueType => Kind is not (ValueKind.String or ValueKind.Uri or ValueKind.Record or ValueKind.Union or ValueKind.List or ValueKind.Map);
}

internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string WireValue);

/// <summary>The type name a file produces, collected across files to find collisions (ECG003) and to build the resolver.</summary>
/// <param name="Namespace">The namespace of the event record.</param>
/// <param name="Name">The event record's name.</param>
/// <param name="FilePath">The contract file.</param>
/// <param name="NestedTypes">The nested records, unions and enums, each of which gets a converter too.</param>
internal sealed record TypeNameEntry(string Namespace, string Name, string FilePath, EquatableArray<string> NestedTypes)
{
    public string FullName => Namespace + "." + Name;
}
