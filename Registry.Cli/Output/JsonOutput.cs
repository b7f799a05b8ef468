using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EventContracts.Cli.Output;

/// <summary>Writes one JSON document to stdout: indented, <c>\n</c> newlines, invariant, the same bytes on every run.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",

        // Readable messages (quotes, non-ASCII) in a terminal or CI log; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(Bytes(write));
        stdout.Flush();
    }

    /// <summary>The same document as text, for a file (<c>evc pull</c>).</summary>
    public static string Format(Action<Utf8JsonWriter> write) => System.Text.Encoding.UTF8.GetString(Bytes(write));

    private static ReadOnlySpan<byte> Bytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan;
    }
}
