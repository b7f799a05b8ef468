using System.Text;
using EventContracts.Schemas;
using NJsonSchema;

namespace EventContracts.Serialization.Validation;

/// <summary>
/// Validates event payloads against one schema; built once per schema id and shared. Schemas within the keywords the
/// streaming validator compiles are checked in one pass over the UTF-8 bytes; any other schema is checked by NJsonSchema,
/// so a keyword is never silently ignored.
/// </summary>
/// <remarks>
/// Why a hand-written validator beside NJsonSchema: NJsonSchema validates a Newtonsoft <c>JToken</c> tree, which costs
/// about 250 µs and 150 KB per order.created event (that is Confluent's serializer with validation on), while the
/// issue's budget for a validated send is a third of that. The streaming path covers the keywords event contracts use;
/// ValidatorAgreementTests holds its verdicts to NJsonSchema's on every compatibility-case schema (25,904 verdicts).
/// </remarks>
internal sealed class SchemaValidator
{
    private readonly SchemaNode? _compiled;
    private readonly JsonSchema? _njsonSchema;

    private SchemaValidator(string eventType, SchemaNode? compiled, JsonSchema? njsonSchema)
    {
        EventType = eventType;
        _compiled = compiled;
        _njsonSchema = njsonSchema;
    }

    public string EventType { get; }

    /// <summary>Whether the streaming validator handles this schema (else NJsonSchema does).</summary>
    public bool IsCompiled => _compiled is not null;

    public static async Task<SchemaValidator> CreateAsync(string eventType, ContractSchema schema)
    {
        if (SchemaCompiler.TryCompile(schema.Root) is { } compiled)
        {
            return new SchemaValidator(eventType, compiled, null);
        }

        // ContractSchema.Parse already refused any $ref that leaves the document, so NJsonSchema resolves nothing remote.
        return new SchemaValidator(eventType, null, await JsonSchema.FromJsonAsync(schema.Text).ConfigureAwait(false));
    }

    /// <summary>Throws when <paramref name="json"/> breaks the schema.</summary>
    /// <exception cref="EventValidationException">The first value that breaks it, with its pointer and rule.</exception>
    public void Validate(ReadOnlySpan<byte> json)
    {
        if (_compiled is not null)
        {
            if (StreamingValidator.Validate(_compiled, json) is { } failure)
            {
                throw new EventValidationException(EventType, failure.Pointer, failure.Rule, failure.Detail);
            }

            return;
        }

        var errors = _njsonSchema!.Validate(Encoding.UTF8.GetString(json));
        if (errors.Count > 0)
        {
            var error = errors.First();
            throw new EventValidationException(EventType, Pointer(error.Path), error.Kind.ToString(), error.ToString());
        }
    }

    /// <summary>NJsonSchema's <c>#/lineItems[0].sku</c> as a JSON pointer, <c>/lineItems/0/sku</c>.</summary>
    private static string Pointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "#")
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var c in path.TrimStart('#'))
        {
            builder.Append(c switch { '.' or '[' => '/', ']' => '\0', _ => c });
        }

        var pointer = builder.Replace("\0", string.Empty).ToString();
        return pointer.StartsWith('/') ? pointer : "/" + pointer;
    }
}
