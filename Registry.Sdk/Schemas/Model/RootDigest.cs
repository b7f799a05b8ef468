using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EventContracts.Schemas.Model;

/// <summary>
/// Digests of a schema's root, taken at parse: one of everything except the annotations a comparison reports on the
/// root (<c>$id</c>, <c>title</c>, <c>description</c>, <c>default</c>), and one of each of those. Two versions with the
/// same <see cref="BodyHash"/> differ at most in those annotations, and comparing them finds exactly their changes.
/// </summary>
/// <remarks>
/// <para>
/// Kept inline in <see cref="ContractSchema"/>. A transitive check over a long history whose versions differ only in
/// root annotations (a new <c>$id</c> per version, an edited description) then reads one object per earlier version,
/// instead of the half-dozen objects scattered over that version's model that the walk touches even when it finds
/// nothing below the root. Once the history outgrows the processor caches, those scattered reads are what a
/// comparison costs.
/// </para>
/// <para>
/// Taken only where the shortcut gives what the walk gives (<see cref="Of"/> returns null otherwise): the document
/// holds no <c>$ref</c>, since a changed <c>$id</c> could resolve one differently; and the root reads as a single schema
/// of at most one type, which the walk compares by comparing the root's annotations once and then every keyword,
/// each subschema being byte-identical and so skipped. Values are digested as written (not re-serialized) so that
/// equal digests mean byte-identical subschemas.
/// </para>
/// </remarks>
internal readonly struct RootDigest
{
    private RootDigest(UInt128 body, Annotations annotations)
    {
        BodyHash = body;
        IdHash = Hash(annotations.Id);
        TitleHash = Hash(annotations.Title);
        DescriptionHash = Hash(annotations.Description);
        DefaultHash = annotations.Default is { } value ? Hash(JsonMarshal.GetRawUtf8Value(value)) : UInt128.Zero;
        Id = annotations.Id;
        Title = annotations.Title;
        Default = annotations.Default;
    }

    /// <summary>SHA-256 (first 128 bits) of the root object without its <c>$id</c>, <c>title</c>, <c>description</c> and <c>default</c>.</summary>
    public UInt128 BodyHash { get; }

    /// <summary>Of the root's <c>$id</c> (<c>id</c> in draft-04); zero when absent. Equal strings have equal digests.</summary>
    public UInt128 IdHash { get; }

    /// <summary>Of the root's <c>title</c>; zero when absent.</summary>
    public UInt128 TitleHash { get; }

    /// <summary>Of the root's <c>description</c>; zero when absent.</summary>
    public UInt128 DescriptionHash { get; }

    /// <summary>
    /// Of the root's <c>default</c> as written; zero when absent. Equal digests mean equal defaults; different ones
    /// may still be equal JSON (<c>1.0</c> and <c>1</c>), so a difference must be confirmed on the values.
    /// </summary>
    public UInt128 DefaultHash { get; }

    // The values a difference quotes, copied here so that quoting a changed $id reads no other object of the version.

    /// <summary>The root's <c>$id</c>.</summary>
    public string? Id { get; }

    /// <summary>The root's <c>title</c>.</summary>
    public string? Title { get; }

    /// <summary>The root's <c>default</c>.</summary>
    public JsonElement? Default { get; }

    /// <summary>The digests of <paramref name="document"/>'s root, or null when comparing by them would not be sound.</summary>
    public static RootDigest? Of(JsonElement root, SchemaDocument document)
    {
        if (root.ValueKind != JsonValueKind.Object || !IsSingleSchema(document.Root))
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(root);
        if (raw.IndexOf("$ref"u8) >= 0)
        {
            return null;
        }

        var idKeyword = document.Draft == JsonSchemaDraft.Draft4 ? "id" : "$id";
        var body = new ArrayBufferWriter<byte>(raw.Length);
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is "title" or "description" or "default" || member.Name == idKeyword)
                {
                    continue;
                }

                writer.WritePropertyName(member.Name);
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(member.Value), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return new RootDigest(Hash(body.WrittenSpan), document.Root.Annotations);
    }

    // A type array is compared as an anyOf of one schema per type, a split schema object as an allOf of its aspects:
    // both walk branch pairs that may report differences of their own. A single type (or none) has no branches.
    private static bool IsSingleSchema(SchemaNode root) =>
        root.Kind == NodeKind.True
        || (root.Kind == NodeKind.Core && (root.Types is not { } types || System.Numerics.BitOperations.PopCount((uint)types) == 1));

    private static UInt128 Hash(string? text) => text is null ? UInt128.Zero : Hash(Encoding.UTF8.GetBytes(text));

    private static UInt128 Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
