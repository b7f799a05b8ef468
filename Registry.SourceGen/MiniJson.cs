using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EventContracts.SourceGen;

// Why a hand-written reader and not System.Text.Json: a generator runs inside the compiler host (csc, the IDE,
// the build server), which loads analyzers into its own load context. The netstandard2.0 System.Text.Json
// package drags System.Memory, System.Text.Encodings.Web, Microsoft.Bcl.AsyncInterfaces… whose versions can
// clash with what the host already loaded, and Roslyn does not ship a JSON reader that analyzers may use. This
// reader is about 250 lines, allocates only the tree, and keeps the line and column of every value, which the
// ECG diagnostics need and System.Text.Json would not give us anyway.

/// <summary>A JSON value with its 0-based position in the file.</summary>
internal abstract class JNode
{
    protected JNode(int line, int column, int offset)
    {
        Line = line;
        Column = column;
        Offset = offset;
    }

    /// <summary>The index of the value's first character in the file text.</summary>
    public int Offset { get; }

    public int Line { get; }

    public int Column { get; }
}

internal sealed class JObject : JNode
{
    public JObject(int line, int column, int offset)
        : base(line, column, offset)
    {
    }

    /// <summary>Members in file order; a duplicate name is refused by the reader.</summary>
    public List<KeyValuePair<string, JNode>> Members { get; } = new();

    public JNode? Get(string name)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                return member.Value;
            }
        }

        return null;
    }

    public string? GetString(string name) => (Get(name) as JString)?.Value;
}

internal sealed class JArray : JNode
{
    public JArray(int line, int column, int offset)
        : base(line, column, offset)
    {
    }

    public List<JNode> Items { get; } = new();
}

internal sealed class JString : JNode
{
    public JString(string value, int line, int column, int offset)
        : base(line, column, offset) => Value = value;

    public string Value { get; }
}

/// <summary>A number kept as written, so the canonical text never reformats it.</summary>
internal sealed class JNumber : JNode
{
    public JNumber(string raw, int line, int column, int offset)
        : base(line, column, offset) => Raw = raw;

    public string Raw { get; }
}

/// <summary><c>true</c>, <c>false</c> or <c>null</c>, kept as its literal.</summary>
internal sealed class JLiteral : JNode
{
    public JLiteral(string text, int line, int column, int offset)
        : base(line, column, offset) => Text = text;

    public string Text { get; }
}

internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int line, int column, int offset)
        : base(message)
    {
        Line = line;
        Column = column;
        Offset = offset;
    }

    public int Offset { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>A strict RFC 8259 reader (no comments, no trailing commas) that records positions.</summary>
internal sealed class MiniJsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;
    private int _line;
    private int _lineStart;

    private MiniJsonReader(string text) => _text = text;

    public static JNode Parse(string text)
    {
        var reader = new MiniJsonReader(text);
        if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
        {
            reader._pos = 1;
            reader._lineStart = 1;
        }

        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos < reader._text.Length)
        {
            throw reader.Error("remove the text after the end of the JSON document");
        }

        return value;
    }

    private JsonSyntaxException Error(string message) => new(message, _line, _pos - _lineStart, _pos);

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
    }

    private JNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("nest objects and arrays at most " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " deep");
        }

        if (_pos >= _text.Length)
        {
            throw Error("the file ends where a value was expected");
        }

        var line = _line;
        var column = _pos - _lineStart;
        var offset = _pos;
        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth, line, column, offset);
            case '[':
                return ReadArray(depth, line, column, offset);
            case '"':
                return new JString(ReadString(), line, column, offset);
            case 't':
                return ReadLiteral("true", line, column, offset);
            case 'f':
                return ReadLiteral("false", line, column, offset);
            case 'n':
                return ReadLiteral("null", line, column, offset);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber(line, column, offset);
                }

                throw Error("expected a value (object, array, string, number, true, false or null) but found '" + c + "'");
        }
    }

    private JObject ReadObject(int depth, int line, int column, int offset)
    {
        var obj = new JObject(line, column, offset);
        var names = new HashSet<string>(StringComparer.Ordinal);
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return obj;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var nameLine = _line;
            var nameColumn = _pos - _lineStart;
            var nameOffset = _pos;
            var name = ReadString();
            if (!names.Add(name))
            {
                throw new JsonSyntaxException("remove the duplicate property \"" + name + "\"", nameLine, nameColumn, nameOffset);
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after the property name");
            }

            _pos++;
            SkipWhitespace();
            obj.Members.Add(new KeyValuePair<string, JNode>(name, ReadValue(depth + 1)));
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == '}')
            {
                return obj;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or '}' in the object");
            }
        }
    }

    private JArray ReadArray(int depth, int line, int column, int offset)
    {
        var array = new JArray(line, column, offset);
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return array;
        }

        while (true)
        {
            SkipWhitespace();
            array.Items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == ']')
            {
                return array;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or ']' in the array");
            }
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private JLiteral ReadLiteral(string literal, int line, int column, int offset)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error("expected " + literal);
        }

        _pos += literal.Length;
        return new JLiteral(literal, line, column, offset);
    }

    private JNumber ReadNumber(int line, int column, int offset)
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (!ReadDigits())
        {
            throw Error("expected a digit in the number");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!ReadDigits())
            {
                throw Error("expected a digit after the decimal point");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!ReadDigits())
            {
                throw Error("expected a digit in the exponent");
            }
        }

        return new JNumber(_text.Substring(start, _pos - start), line, column, offset);
    }

    private bool ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private string ReadString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("close the string with '\"'");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c < ' ')
            {
                _pos--;
                throw Error("escape control characters (such as a new line) inside strings");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = Peek();
            _pos++;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("write \\u followed by four hex digits");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos--;
                    throw Error("use a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
        }
    }
}

/// <summary>
/// The canonical text of a schema: the document written compactly (no insignificant whitespace), members in
/// file order, numbers exactly as written, strings re-escaped as System.Text.Json's relaxed encoder does. It is meant to match Registry.Sdk's CanonicalJson (compact, keys unsorted, relaxed escaping), so the
/// generated Fingerprint equals the one the registry computes for the same schema.
/// </summary>
internal static class CanonicalWriter
{
    public static string Write(JNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JNode node, StringBuilder sb)
    {
        switch (node)
        {
            case JObject obj:
                sb.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteString(obj.Members[i].Key, sb);
                    sb.Append(':');
                    Write(obj.Members[i].Value, sb);
                }

                sb.Append('}');
                break;
            case JArray array:
                sb.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(array.Items[i], sb);
                }

                sb.Append(']');
                break;
            case JString s:
                WriteString(s.Value, sb);
                break;
            case JNumber n:
                sb.Append(n.Raw);
                break;
            case JLiteral l:
                sb.Append(l.Text);
                break;
        }
    }

    private static void WriteString(string value, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (MustEscape(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    // What System.Text.Json's Utf8JsonWriter escapes under JavaScriptEncoder.UnsafeRelaxedJsonEscaping (the
    // encoder Registry.Sdk's CanonicalJson uses), measured over the whole BMP on .NET 10: controls, surrogates
    // (so a non-BMP character becomes a \uD83D\uDE00 pair), private-use and unassigned code points, the line
    // and paragraph separators, every space separator but ' ', and U+FEFF. "Unassigned" follows the Unicode
    // tables of the runtime the compiler runs on.
    private static bool MustEscape(char c)
    {
        if (c < ' ' || c == '\uFEFF')
        {
            return true;
        }

        if (c < 0x7F)
        {
            return false;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.SpaceSeparator:
                return true;
            default:
                return false;
        }
    }
}
