using System.Text;
using System.Text.Json;

namespace EventContracts.Schemas;

/// <summary>
/// Maps JSON pointers to line and column in the source text. System.Text.Json's DOM keeps no positions,
/// so one pass of <see cref="Utf8JsonReader"/> records them; the same pass rejects duplicate keys, which
/// would make the canonical form ambiguous.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, long> _offsets;
    private readonly int[] _lineStarts;
    private readonly byte[] _bytes;

    private SourceMap(Dictionary<string, long> offsets, int[] lineStarts, byte[] bytes)
    {
        _offsets = offsets;
        _lineStarts = lineStarts;
        _bytes = bytes;
    }

    public static SourceMap Build(byte[] bytes, int maxDepth, string? sourcePath)
    {
        var lineStarts = LineStarts(bytes);
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = maxDepth });

        // Each frame: the pointer of the container, whether it is an array, the next index, and the member names seen.
        var stack = new Stack<Frame>();
        string? pendingName = null;
        long pendingNameOffset = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        {
                            var name = ReadText(ref reader, lineStarts, bytes, stack, sourcePath);
                            var frame = stack.Peek();
                            if (!frame.Names!.Add(name))
                            {
                                var at = Position(lineStarts, bytes, reader.TokenStartIndex);
                                throw new SchemaException(
                                    SchemaErrorKind.InvalidJson,
                                    $"The key \"{name}\" appears twice in the same object; keep one.",
                                    frame.Pointer,
                                    at,
                                    sourcePath);
                            }

                            pendingName = name;
                            pendingNameOffset = reader.TokenStartIndex;
                            break;
                        }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        {
                            if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                            {
                                ReadText(ref reader, lineStarts, bytes, stack, sourcePath);
                            }

                            var pointer = ChildPointer(stack, pendingName);
                            offsets[pointer] = pendingName is null ? reader.TokenStartIndex : pendingNameOffset;
                            pendingName = null;
                            if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                stack.Push(new Frame(pointer, false, new HashSet<string>(StringComparer.Ordinal)));
                            }
                            else if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                stack.Push(new Frame(pointer, true, null));
                            }

                            break;
                        }
                }
            }
        }
        catch (JsonException e)
        {
            var position = e.LineNumber is { } line ? new SourcePosition((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : (SourcePosition?)null;
            // Only the reader's own depth limit is "too deep"; truncated JSON also mentions depth ("expected depth to be zero").
            var depth = e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
            throw depth
                ? new SchemaException(SchemaErrorKind.TooDeep, $"The JSON nests deeper than {maxDepth} levels; flatten it with $defs and $ref.", null, position, sourcePath)
                : new SchemaException(SchemaErrorKind.InvalidJson, $"The text is not valid JSON: {FirstSentence(e.Message)}", null, position, sourcePath);
        }

        return new SourceMap(offsets, lineStarts, bytes);
    }

    // The reader accepts a lone surrogate escape ("\ud800") as valid JSON but cannot turn it into a string; that
    // is an InvalidOperationException, which must become the same clear error as any other bad JSON.
    private static string ReadText(ref Utf8JsonReader reader, int[] lineStarts, byte[] bytes, Stack<Frame> stack, string? sourcePath)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new SchemaException(
                SchemaErrorKind.InvalidJson,
                "A string contains a \\u escape of half a surrogate pair (e.g. \\ud800 alone), which is not text; write the character itself or the whole pair.",
                stack.Count > 0 ? stack.Peek().Pointer : null,
                Position(lineStarts, bytes, reader.TokenStartIndex),
                sourcePath);
        }
    }

    public SourcePosition? PositionOf(string pointer)
    {
        var key = Normalize(pointer);
        return _offsets.TryGetValue(key, out var offset) ? Position(_lineStarts, _bytes, offset) : null;
    }

    public static string Escape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) || segment.Contains('/', StringComparison.Ordinal)
            ? segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : segment;

    private static string Normalize(string pointer)
    {
        if (pointer.Length == 0 || pointer == "#")
        {
            return "#";
        }

        return pointer[0] == '#' ? pointer : "#" + pointer;
    }

    private static string ChildPointer(Stack<Frame> stack, string? name)
    {
        if (stack.Count == 0)
        {
            return "#";
        }

        var parent = stack.Pop();
        string pointer;
        if (parent.IsArray)
        {
            pointer = $"{parent.Pointer}/{parent.NextIndex}";
            parent = parent with { NextIndex = parent.NextIndex + 1 };
        }
        else
        {
            pointer = $"{parent.Pointer}/{Escape(name!)}";
        }

        stack.Push(parent);
        return pointer;
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static SourcePosition Position(int[] lineStarts, byte[] bytes, long offset)
    {
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = lineStarts[line];

        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        var column = 1;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new SourcePosition(line + 1, column);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private sealed record Frame(string Pointer, bool IsArray, HashSet<string>? Names)
    {
        public int NextIndex { get; init; }
    }
}
