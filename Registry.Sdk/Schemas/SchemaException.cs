namespace EventContracts.Schemas;

/// <summary>
/// A schema could not be read or compared: not JSON, not a schema, too large or deep, an
/// unresolvable or remote <c>$ref</c>, or a comparison that exceeded its <see cref="SchemaLimits"/>.
/// The message says what is wrong and where, in words meant for the person who wrote the schema.
/// </summary>
public sealed class SchemaException : Exception
{
    /// <summary>Creates the error.</summary>
    public SchemaException(SchemaErrorKind kind, string message, string? pointer = null, SourcePosition? position = null, string? sourcePath = null)
        : base(Compose(message, pointer, position, sourcePath))
    {
        Kind = kind;
        Problem = message;
        Pointer = pointer;
        Position = position;
        SourcePath = sourcePath;
    }

    /// <summary>Creates an error with no detail; prefer the detailed constructor.</summary>
    public SchemaException()
        : this(SchemaErrorKind.NotASchema, "The schema is invalid.")
    {
    }

    /// <summary>Creates an error with a message; prefer the detailed constructor.</summary>
    public SchemaException(string message)
        : this(SchemaErrorKind.NotASchema, message)
    {
    }

    /// <summary>Creates an error with a message and cause; prefer the detailed constructor.</summary>
    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = SchemaErrorKind.NotASchema;
        Problem = message;
    }

    /// <summary>What kind of problem this is.</summary>
    public SchemaErrorKind Kind { get; }

    /// <summary>The problem alone, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>JSON pointer (<c>#/properties/x</c>) of the offending part, when known.</summary>
    public string? Pointer { get; }

    /// <summary>Line and column in the source text, when known.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The file the schema came from, when it came from a file.</summary>
    public string? SourcePath { get; }

    private static string Compose(string message, string? pointer, SourcePosition? position, string? sourcePath)
    {
        var where = new List<string>(3);
        if (sourcePath is not null)
        {
            where.Add(position is { } p ? $"{sourcePath}:{p.Line}:{p.Column}" : sourcePath);
        }
        else if (position is { } p)
        {
            where.Add($"line {p.Line}, column {p.Column}");
        }

        if (pointer is not null)
        {
            where.Add(pointer);
        }

        return where.Count == 0 ? message : $"{string.Join(" ", where)}: {message}";
    }
}

/// <summary>The kinds of <see cref="SchemaException"/>.</summary>
public enum SchemaErrorKind
{
    /// <summary>The text is not valid JSON.</summary>
    InvalidJson,

    /// <summary>The JSON is not a JSON Schema (wrong keyword types, not an object or boolean).</summary>
    NotASchema,

    /// <summary>The text is larger than <see cref="SchemaLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The JSON nests deeper than <see cref="SchemaLimits.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>A <c>$ref</c> points outside the document (a URL or file) or to nothing.</summary>
    UnresolvableReference,

    /// <summary>A comparison exceeded its step, depth or time budget.</summary>
    TooComplex,
}
