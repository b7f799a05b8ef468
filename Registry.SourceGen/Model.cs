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
/// <param name="Records">Records nested in the event record: <c>$defs</c> and inline objects.</param>
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
    EquatableArray<EnumModel> Enums);

internal sealed record RecordModel(string Name, string? Title, string? Description, EquatableArray<PropertyModel> Properties);

/// <param name="JsonName">The wire name, exactly as in the schema.</param>
/// <param name="Name">The C# member name.</param>
/// <param name="Type">The C# type without nullability, fully qualified where it is a framework type.</param>
/// <param name="IsValueType">Whether <paramref name="Type"/> is a struct, so an optional member is <c>T?</c> as Nullable&lt;T&gt;.</param>
/// <param name="Required">Listed in the schema's <c>required</c>.</param>
/// <param name="Title">The schema's <c>title</c>, for the XML summary.</param>
/// <param name="Description">The schema's <c>description</c> (or that of the referenced definition), for the XML docs.</param>
internal sealed record PropertyModel(string JsonName, string Name, string Type, bool IsValueType, bool Required, string? Title, string? Description);

internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string WireValue);

/// <summary>The type name a file produces, collected across files to find collisions (ECG003).</summary>
internal sealed record TypeNameEntry(string FullName, string FilePath);
