using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventContracts.Serialization.Validation;

/// <summary>
/// Validates UTF-8 JSON against a <see cref="SchemaNode"/> in one forward pass of a <see cref="Utf8JsonReader"/>:
/// no document, no strings for names, allocation only when a value fails. Combinators re-read a value from a copy of
/// the reader (a struct), so <c>anyOf</c>/<c>oneOf</c> need no buffering either.
/// </summary>
internal static class StreamingValidator
{
    private const int MaxDepth = 64;

    /// <summary>Null when <paramref name="json"/> is valid; else the first failure, with its pointer.</summary>
    public static ValidationFailure? Validate(SchemaNode root, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return new ValidationFailure("json", "the payload is empty");
            }

            return Value(root, ref reader, 0);
        }
        catch (JsonException e)
        {
            return new ValidationFailure("json", "the payload is not JSON: " + e.Message);
        }
    }

    /// <summary>Validates the value the reader is on, leaving the reader on its last token.</summary>
    private static ValidationFailure? Value(SchemaNode node, ref Utf8JsonReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            return new ValidationFailure("depth", $"nesting deeper than {MaxDepth} schema levels");
        }

        if (node.AlwaysFalse)
        {
            return new ValidationFailure("false", "the schema allows no value here");
        }

        if (node.OnlyRef is { } target)
        {
            return Value(target, ref reader, depth + 1);
        }

        // Keywords applied to the same value from a copy of the reader, before the reader moves on.
        if (node.Ref is not null || node.AllOf is not null || node.AnyOf is not null || node.OneOf is not null || node.Not is not null || node.Enum is not null || node.Const is not null)
        {
            if (Applicators(node, reader, depth) is { } failure)
            {
                return failure;
            }
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return Has(node, JsonTypes.Object) ? Object(node, ref reader, depth) : TypeFailure(node, "object");
            case JsonTokenType.StartArray:
                return Has(node, JsonTypes.Array) ? Array(node, ref reader, depth) : TypeFailure(node, "array");
            case JsonTokenType.String:
                return Has(node, JsonTypes.String) ? String(node, ref reader) : TypeFailure(node, "string");
            case JsonTokenType.Number:
                return Number(node, ref reader);
            case JsonTokenType.True or JsonTokenType.False:
                return Has(node, JsonTypes.Boolean) ? null : TypeFailure(node, "boolean");
            case JsonTokenType.Null:
                return Has(node, JsonTypes.Null) ? null : TypeFailure(node, "null");
            default:
                return new ValidationFailure("json", $"unexpected {reader.TokenType}");
        }
    }

    private static bool Has(SchemaNode node, JsonTypes type) => (node.Types & type) != 0;

    private static ValidationFailure TypeFailure(SchemaNode node, string actual) =>
        new("type", $"expected {Describe(node.Types)}, found {actual}");

    private static string Describe(JsonTypes types) =>
        string.Join(" or ", Enum.GetValues<JsonTypes>().Where(t => t is not JsonTypes.None and not JsonTypes.Any && (types & t) == t && !(t == JsonTypes.Integer && (types & JsonTypes.Number) != 0)).Select(t => t.ToString().ToLowerInvariant()));

    private static ValidationFailure? Applicators(SchemaNode node, Utf8JsonReader reader, int depth)
    {
        if (node.Ref is { } target)
        {
            var copy = reader;
            if (Value(target, ref copy, depth + 1) is { } failure)
            {
                return failure;
            }
        }

        if (node.AllOf is { } all)
        {
            foreach (var branch in all)
            {
                var copy = reader;
                if (Value(branch, ref copy, depth + 1) is { } failure)
                {
                    return failure;
                }
            }
        }

        if (node.AnyOf is { } any)
        {
            var matched = false;
            foreach (var branch in any)
            {
                var copy = reader;
                if (Value(branch, ref copy, depth + 1) is null)
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return new ValidationFailure("anyOf", $"the value matches none of the {any.Length} branches");
            }
        }

        if (node.OneOf is { } one)
        {
            var count = 0;
            foreach (var branch in one)
            {
                var copy = reader;
                if (Value(branch, ref copy, depth + 1) is null)
                {
                    count++;
                }
            }

            if (count != 1)
            {
                return new ValidationFailure("oneOf", count == 0 ? $"the value matches none of the {one.Length} branches" : $"the value matches {count} branches, not exactly one");
            }
        }

        if (node.Not is { } not)
        {
            var copy = reader;
            if (Value(not, ref copy, depth + 1) is null)
            {
                return new ValidationFailure("not", "the value matches the schema under 'not'");
            }
        }

        if (node.Enum is { } values)
        {
            var copy = reader;
            var found = false;
            foreach (var allowed in values)
            {
                var probe = copy;
                if (EqualsElement(ref probe, allowed))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return new ValidationFailure("enum", $"the value is not one of {string.Join(", ", values.Select(v => v.Value.GetRawText()))}");
            }
        }

        if (node.Const is { } constant)
        {
            var copy = reader;
            if (!EqualsElement(ref copy, constant))
            {
                return new ValidationFailure("const", $"the value must be {constant.Value.GetRawText()}");
            }
        }

        return null;
    }

    private static bool EqualsElement(ref Utf8JsonReader reader, SchemaConstant constant) => reader.TokenType switch
    {
        JsonTokenType.String => constant.Utf8 is { } utf8 && reader.ValueTextEquals(utf8),
        _ => EqualsElement(ref reader, constant.Value),
    };

    private static bool EqualsElement(ref Utf8JsonReader reader, JsonElement expected) => reader.TokenType switch
    {
        JsonTokenType.True => expected.ValueKind == JsonValueKind.True,
        JsonTokenType.False => expected.ValueKind == JsonValueKind.False,
        JsonTokenType.Null => expected.ValueKind == JsonValueKind.Null,
        JsonTokenType.Number => expected.ValueKind == JsonValueKind.Number
            && (reader.TryGetDecimal(out var a) && expected.TryGetDecimal(out var b) ? a == b : reader.GetDouble() == expected.GetDouble()),

        // Objects and arrays in enum/const are rare: read the value and compare structurally.
        _ => JsonElement.DeepEquals(JsonElement.ParseValue(ref reader), expected),
    };

    private static ValidationFailure? Object(SchemaNode node, ref Utf8JsonReader reader, int depth)
    {
        ulong seen = 0;
        var count = 0;
        var properties = node.Properties;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            PropertyRule? rule = null;
            foreach (var candidate in properties)
            {
                if (reader.ValueTextEquals(candidate.Utf8Name))
                {
                    rule = candidate;
                    break;
                }
            }

            string? unknownName = rule is null && (!node.AdditionalAllowed || node.Additional is not null) ? reader.GetString() : null;
            reader.Read();
            if (rule is not null)
            {
                if (rule.RequiredBit >= 0)
                {
                    seen |= 1UL << rule.RequiredBit;
                }

                if (rule.Schema is { } schema && Value(schema, ref reader, depth + 1) is { } failure)
                {
                    return failure.At(rule.Name);
                }

                if (rule.Schema is null)
                {
                    reader.Skip();
                }
            }
            else if (!node.AdditionalAllowed)
            {
                return new ValidationFailure("additionalProperties", $"\"{unknownName}\" is not a declared property, and the schema allows no others");
            }
            else if (node.Additional is { } additional)
            {
                if (Value(additional, ref reader, depth + 1) is { } failure)
                {
                    return failure.At(unknownName!);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (seen != node.RequiredMask)
        {
            return Missing(properties, seen);
        }

        if (count < node.MinProperties)
        {
            return new ValidationFailure("minProperties", $"{count} properties, fewer than {node.MinProperties}");
        }

        if (count > node.MaxProperties)
        {
            return new ValidationFailure("maxProperties", $"{count} properties, more than {node.MaxProperties}");
        }

        return null;
    }

    // Apart from Object so that no closure over its locals is allocated on every object, valid or not.
    private static ValidationFailure Missing(PropertyRule[] properties, ulong seen)
    {
        var missing = properties.First(p => p.RequiredBit >= 0 && (seen & (1UL << p.RequiredBit)) == 0);
        return new ValidationFailure("required", $"the required property \"{missing.Name}\" is missing");
    }

    private static ValidationFailure? Array(SchemaNode node, ref Utf8JsonReader reader, int depth)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (node.Items is { } items)
            {
                if (Value(items, ref reader, depth + 1) is { } failure)
                {
                    return failure.At(count.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                reader.Skip();
            }

            count++;
        }

        if (count < node.MinItems)
        {
            return new ValidationFailure("minItems", $"{count} items, fewer than {node.MinItems}");
        }

        if (count > node.MaxItems)
        {
            return new ValidationFailure("maxItems", $"{count} items, more than {node.MaxItems}");
        }

        return null;
    }

    private static ValidationFailure? String(SchemaNode node, ref Utf8JsonReader reader)
    {
        if (node.MinLength is null && node.MaxLength is null && node.Pattern is null && node.Format == StringFormat.None)
        {
            return null;
        }

        // Unescaped into a stack buffer for short strings (every id, code and amount), the pool for long ones.
        var maxChars = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = maxChars <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(maxChars));
        try
        {
            var text = buffer[..reader.CopyString(buffer)];
            if (node.MinLength is not null || node.MaxLength is not null)
            {
                // JSON Schema counts code points, not UTF-16 units.
                var length = text.Length;
                foreach (var c in text)
                {
                    if (char.IsLowSurrogate(c))
                    {
                        length--;
                    }
                }

                if (length < node.MinLength)
                {
                    return new ValidationFailure("minLength", $"{length} characters, fewer than {node.MinLength}");
                }

                if (length > node.MaxLength)
                {
                    return new ValidationFailure("maxLength", $"{length} characters, more than {node.MaxLength}");
                }
            }

            if (node.Pattern is { } pattern)
            {
                try
                {
                    if (!pattern.IsMatch(text))
                    {
                        return new ValidationFailure("pattern", $"\"{Shorten(text)}\" does not match {pattern}");
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    return new ValidationFailure("pattern", $"matching {pattern} took longer than {SchemaCompiler.RegexTimeout.TotalMilliseconds} ms");
                }
            }

            var formatOk = node.Format switch
            {
                StringFormat.DateTime => reader.TryGetDateTimeOffset(out _) && text.Length > 10 && text[10] is 'T' or 't',
                StringFormat.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                StringFormat.Uuid => Guid.TryParseExact(text, "D", out _),
                _ => true,
            };
            return formatOk ? null : new ValidationFailure("format", $"\"{Shorten(text)}\" is not a {node.Format switch { StringFormat.DateTime => "date-time", StringFormat.Date => "date", _ => "uuid" }}");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ValidationFailure? Number(SchemaNode node, ref Utf8JsonReader reader)
    {
        var isDecimal = reader.TryGetDecimal(out var exact);
        var value = isDecimal ? (double)exact : reader.GetDouble();
        var isInteger = isDecimal ? exact == decimal.Truncate(exact) : Math.Floor(value) == value && !double.IsInfinity(value);
        if (!Has(node, JsonTypes.Number) && !(isInteger && Has(node, JsonTypes.Integer)))
        {
            return TypeFailure(node, isInteger ? "integer" : "number");
        }

        if (value < node.Minimum)
        {
            return new ValidationFailure("minimum", $"{Text(ref reader)} is less than {node.Minimum}");
        }

        if (value > node.Maximum)
        {
            return new ValidationFailure("maximum", $"{Text(ref reader)} is greater than {node.Maximum}");
        }

        if (value <= node.ExclusiveMinimum)
        {
            return new ValidationFailure("exclusiveMinimum", $"{Text(ref reader)} is not greater than {node.ExclusiveMinimum}");
        }

        if (value >= node.ExclusiveMaximum)
        {
            return new ValidationFailure("exclusiveMaximum", $"{Text(ref reader)} is not less than {node.ExclusiveMaximum}");
        }

        if (node.MultipleOf is { } step && (isDecimal ? exact % step != 0 : Math.Abs(Math.IEEERemainder(value, (double)step)) > 1e-9))
        {
            return new ValidationFailure("multipleOf", $"{Text(ref reader)} is not a multiple of {step}");
        }

        return null;
    }

    private static string Text(ref Utf8JsonReader reader) => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : string.Concat(text[..80], "…");
}
