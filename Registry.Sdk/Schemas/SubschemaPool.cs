using System.Collections.Concurrent;
using EventContracts.Schemas.Model;

namespace EventContracts.Schemas;

/// <summary>
/// Subschemas shared by the schemas parsed with it (<see cref="SchemaParseOptions.Pool"/>). A subschema with the same
/// text at the same place, under the same draft and holding no <c>$ref</c>, means the same thing in every version of a
/// contract, so it is read once and that one object serves every schema that has it. Consecutive versions of an event
/// share nearly everything, so a history parsed through one pool takes a fraction of the memory, and a check against
/// many versions reads the shared parts once instead of once per version. Thread-safe.
/// </summary>
/// <remarks>
/// Hash-consing, as compilers do for syntax trees. A subschema is found by its digest and place and then confirmed
/// byte for byte against the text it was read from, so two texts with the same digest are never confused. The pool
/// holds the subschemas it hands out; when it reaches <see cref="Capacity"/> entries it starts over empty, which bounds
/// its memory in a long-running registry (the schemas already parsed keep what they share).
/// </remarks>
public sealed class SubschemaPool
{
    /// <summary>The capacity used when none is given: 65,536 subschemas, room for the histories of a few thousand contracts.</summary>
    public const int DefaultCapacity = 1 << 16;

    private readonly ConcurrentDictionary<Key, SchemaNode> _nodes = new();

    /// <summary>Creates an empty pool.</summary>
    /// <param name="capacity">Most subschemas held at once; reaching it empties the pool.</param>
    public SubschemaPool(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most subschemas held at once.</summary>
    public int Capacity { get; }

    /// <summary>How many subschemas the pool holds now.</summary>
    public int Count => _nodes.Count;

    /// <summary>
    /// The subschema read earlier from the same <paramref name="text"/> at <paramref name="pointer"/> under the same
    /// draft and regex timeout, or null. <paramref name="digest"/> is <see cref="SchemaNode.TextDigest"/> (draft and text).
    /// </summary>
    internal SchemaNode? Find(UInt128 digest, string pointer, TimeSpan regexTimeout, ReadOnlySpan<byte> text)
    {
        if (!_nodes.TryGetValue(new Key(digest, pointer, regexTimeout), out var node))
        {
            return null;
        }

        // The digest found it; the text confirms it, so even a digest collision could not hand out another schema.
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(node.Element).SequenceEqual(text) ? node : null;
    }

    /// <summary>Offers a subschema just read (whole, not the root, no <c>$ref</c> inside) to later parses.</summary>
    internal void Add(SchemaNode node, TimeSpan regexTimeout)
    {
        if (_nodes.Count >= Capacity)
        {
            _nodes.Clear();
        }

        _nodes.TryAdd(new Key(node.TextDigest, node.Pointer, regexTimeout), node);
    }

    // The regex timeout is part of the key: a pooled pattern keeps the timeout it was compiled with.
    private readonly record struct Key(UInt128 Digest, string Pointer, TimeSpan RegexTimeout);
}
