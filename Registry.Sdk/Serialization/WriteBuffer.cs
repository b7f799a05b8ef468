using System.Buffers;
using System.Text.Json;

namespace EventContracts.Serialization;

/// <summary>
/// One buffer and JSON writer per thread, reused like System.Text.Json's own writer cache, in a non-generic class so
/// that reaching them costs one thread-static access; a buffer grown by a huge event is not kept.
/// </summary>
internal static class WriteBuffer
{
    private const int MaxRetained = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The thread's buffer, emptied, and a writer on it.</summary>
    public static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Rent()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            writer.Reset(buffer);
        }

        return (buffer, writer);
    }

    /// <summary>Drops the thread's buffer when an event grew it past 1 MiB.</summary>
    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > MaxRetained)
        {
            t_buffer = null;
            t_writer = null;
        }
    }
}
