using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventContracts.Serialization.Validation;

/// <summary>JSON types a node accepts, as flags.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
    Any = Null | Boolean | Object | Array | Number | Integer | String,
}

/// <summary>A string <c>format</c> the compiled validator checks; others are annotations.</summary>
internal enum StringFormat
{
    None,
    DateTime,
    Date,
    Uuid,
}

/// <summary>A value of <c>enum</c> or <c>const</c>; a string one also as UTF-8, so it is compared without making a string.</summary>
internal sealed class SchemaConstant(JsonElement value)
{
    public JsonElement Value { get; } = value;

    public byte[]? Utf8 { get; } = value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : null;
}

/// <summary>One declared property: its UTF-8 name (compared without decoding), its schema and its bit when required.</summary>
internal sealed class PropertyRule(string name, SchemaNode? schema, int requiredBit)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public SchemaNode? Schema { get; set; } = schema;

    /// <summary>-1 when optional, else the bit in the required mask.</summary>
    public int RequiredBit { get; set; } = requiredBit;
}

/// <summary>
/// One schema compiled for the streaming validator: keywords are read once, local <c>$ref</c>s resolved to nodes
/// (cycles allowed), patterns compiled with a timeout. Immutable after compilation.
/// </summary>
internal sealed class SchemaNode
{
    public bool AlwaysFalse { get; set; }

    public JsonTypes Types { get; set; } = JsonTypes.Any;

    public PropertyRule[] Properties { get; set; } = [];

    public ulong RequiredMask { get; set; }

    /// <summary>False when <c>additionalProperties: false</c>.</summary>
    public bool AdditionalAllowed { get; set; } = true;

    public SchemaNode? Additional { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    public SchemaNode? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public Regex? Pattern { get; set; }

    public StringFormat Format { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public double? ExclusiveMinimum { get; set; }

    public double? ExclusiveMaximum { get; set; }

    public decimal? MultipleOf { get; set; }

    public SchemaConstant[]? Enum { get; set; }

    public SchemaConstant? Const { get; set; }

    public SchemaNode[]? AllOf { get; set; }

    public SchemaNode[]? AnyOf { get; set; }

    public SchemaNode[]? OneOf { get; set; }

    public SchemaNode? Not { get; set; }

    /// <summary>Set when the node is nothing but a <c>$ref</c> (annotations aside): the walk goes straight to the target.</summary>
    public SchemaNode? OnlyRef { get; set; }

    /// <summary>A <c>$ref</c> next to other keywords: both apply.</summary>
    public SchemaNode? Ref { get; set; }
}
