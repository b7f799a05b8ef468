using System.Text;
using System.Text.Json;
using EventContracts.Schemas.Model;

namespace EventContracts.Schemas;

/// <summary>
/// A parsed JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12, and the boolean schemas): its text, canonical
/// forms, fingerprints, and the model the compatibility engine and the lint rules walk. Immutable and
/// safe to share across threads; parse once, compare many times.
/// </summary>
public sealed class ContractSchema
{
    private readonly byte[] _utf8;
    private readonly SchemaDocument _document;

    // Built from _utf8 when a position is first asked for (findings, errors), not kept from the parse: a map of every
    // pointer is several times the size of the text, and a registry holds thousands of parsed versions that are only compared.
    private SourceMap? _sourceMap;

    // Written when first read: the registry reads them for the schema it registers, never for the versions it holds.
    private string? _canonicalText;
    private string? _normalizedText;

    private ContractSchema(string text, byte[] utf8, JsonDocument json, SourceMap sourceMap, SchemaParseOptions options)
    {
        Text = text;
        Json = json;
        _utf8 = utf8;
        _sourceMap = sourceMap; // for the errors the rest of the parse may raise; let go at the end
        SourcePath = options.SourcePath;
        Limits = options.Limits;
        Draft = DraftDetector.Detect(json.RootElement, sourceMap, options.SourcePath);
        var canonical = new System.Buffers.ArrayBufferWriter<byte>(utf8.Length);
        CanonicalJson.WriteUtf8(json.RootElement, sortKeys: false, canonical);
        Fingerprint = Fingerprint.OfUtf8(canonical.WrittenSpan);
        canonical.ResetWrittenCount();
        CanonicalJson.WriteUtf8(json.RootElement, sortKeys: true, canonical);
        NormalizedFingerprint = Fingerprint.OfUtf8(canonical.WrittenSpan);

        // Built eagerly so a schema that is not a schema fails here, with its location, not later in a comparison.
        UsesReferences = options.References is { Count: > 0 };
        _document = SchemaDocument.Build(this, options.References, options.Pool);
        RootDigest = UsesReferences ? null : Model.RootDigest.Of(json.RootElement, _document);
        RootNode = _document.Root;
        _sourceMap = null;
    }

    /// <summary>The text as given.</summary>
    public string Text { get; }

    /// <summary>The file the text came from, when it came from a file; used in error messages and findings.</summary>
    public string? SourcePath { get; }

    /// <summary>The draft named by the root <c>$schema</c> (draft-07 when absent).</summary>
    public JsonSchemaDraft Draft { get; }

    /// <summary>The JSON text re-serialized compactly with keys in their original order.</summary>
    public string CanonicalText => _canonicalText ??= CanonicalJson.Write(Json.RootElement, sortKeys: false);

    /// <summary>The JSON text re-serialized compactly with object keys sorted (ordinal), so key order and whitespace no longer matter.</summary>
    public string NormalizedText => _normalizedText ??= CanonicalJson.Write(Json.RootElement, sortKeys: true);

    /// <summary>SHA-256 of <see cref="CanonicalText"/>.</summary>
    public Fingerprint Fingerprint { get; }

    /// <summary>SHA-256 of <see cref="NormalizedText"/>: equal for schemas that differ only in key order or whitespace.</summary>
    public Fingerprint NormalizedFingerprint { get; }

    /// <summary>The root of the JSON document.</summary>
    public JsonElement Root => Json.RootElement;

    /// <summary>The limits this schema was parsed under; comparisons use them too.</summary>
    public SchemaLimits Limits { get; }

    internal JsonDocument Json { get; }

    internal SchemaDocument Document => _document;

    /// <summary>Whether named references were given: then equal text does not mean equal meaning.</summary>
    internal bool UsesReferences { get; }

    /// <summary>Digests of the root that let a comparison skip the walk when only root annotations changed; null when unsound.</summary>
    internal RootDigest? RootDigest { get; }

    /// <summary>The document's root node, held here too so that a comparison reaches it without reading the document.</summary>
    internal Model.SchemaNode RootNode { get; }

    /// <summary>
    /// Parses <paramref name="text"/> as a JSON Schema.
    /// </summary>
    /// <exception cref="SchemaException">The text is not JSON, not a schema, too large or deep, or has a <c>$ref</c> that leaves the document.</exception>
    public static ContractSchema Parse(string text, SchemaParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= SchemaParseOptions.Default;
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > options.Limits.MaxBytes)
        {
            throw new SchemaException(
                SchemaErrorKind.TooLarge,
                $"The schema is {byteCount:N0} bytes; the limit is {options.Limits.MaxBytes:N0}. Split it into referenced schemas or remove unused definitions.",
                sourcePath: options.SourcePath);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var sourceMap = SourceMap.Build(bytes, options.Limits.MaxDepth, options.SourcePath);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = options.Limits.MaxDepth });
        }
        catch (JsonException e)
        {
            // SourceMap.Build reads with the same rules and reports first; this is a backstop.
            throw new SchemaException(SchemaErrorKind.InvalidJson, $"The text is not valid JSON: {e.Message}", sourcePath: options.SourcePath);
        }

        if (json.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw new SchemaException(
                SchemaErrorKind.NotASchema,
                $"A JSON Schema is an object or a boolean, but this document is {Describe(json.RootElement.ValueKind)}.",
                "#",
                sourceMap.PositionOf("#"),
                options.SourcePath);
        }

        return new ContractSchema(text, bytes, json, sourceMap, options);
    }

    /// <summary>Like <see cref="Parse"/>, but returns the error instead of throwing it.</summary>
    public static bool TryParse(string text, SchemaParseOptions? options, out ContractSchema? schema, out SchemaException? error)
    {
        try
        {
            schema = Parse(text, options);
            error = null;
            return true;
        }
        catch (SchemaException e)
        {
            schema = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Where the value at a JSON pointer (<c>#/properties/x</c>, <c>/properties/x</c> or <c>#</c>) starts in the
    /// source text; for an object member, where its name starts. Null when the pointer names nothing.
    /// </summary>
    public SourcePosition? PositionOf(string pointer) =>
        (_sourceMap ??= SourceMap.Build(_utf8, Limits.MaxDepth, SourcePath)).PositionOf(pointer);

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "empty",
    };
}

/// <summary>How to parse a schema.</summary>
public sealed record SchemaParseOptions
{
    /// <summary>No source path, no references, default limits.</summary>
    public static SchemaParseOptions Default { get; } = new();

    /// <summary>The file the text came from; findings and errors then carry it with line and column.</summary>
    public string? SourcePath { get; init; }

    /// <summary>
    /// Schemas a <c>$ref</c> may point to by name (Confluent schema references: the <c>name</c> is what the
    /// <c>$ref</c> says, e.g. <c>address.json</c>). Nothing else outside the document is ever resolved or fetched.
    /// </summary>
    public IReadOnlyDictionary<string, ContractSchema>? References { get; init; }

    /// <summary>Size, depth and work bounds.</summary>
    public SchemaLimits Limits { get; init; } = SchemaLimits.Default;

    /// <summary>
    /// Shares subschemas with the other schemas parsed through the same pool (see <see cref="SubschemaPool"/>): give
    /// one pool to every version of a contract, or to a whole registry, to keep a long history small and quick to check.
    /// </summary>
    public SubschemaPool? Pool { get; init; }
}
