using System.Collections.Concurrent;
using EventContracts.Schemas;
using Microsoft.Extensions.Caching.Memory;

namespace EventContracts.Api.Core;

/// <summary>
/// Schemas by id. An id always names the same schema, so entries never expire: the stored form is kept for
/// every id read, the parsed form (bigger) in a size-bounded cache.
/// </summary>
public sealed class SchemaCache : IDisposable
{
    private readonly ConcurrentDictionary<int, StoredSchema> _stored = new();
    private readonly ConcurrentDictionary<int, byte[]> _responses = new();
    private readonly MemoryCache _parsed = new(new MemoryCacheOptions { SizeLimit = 4096 });

    /// <summary>
    /// What the parsed schemas share: the versions of a subject repeat most of each other, so each unchanged subschema is
    /// held once, and a check against a long history reads it once. Bounded (<see cref="SubschemaPool.DefaultCapacity"/>).
    /// </summary>
    public SubschemaPool Subschemas { get; } = new();

    public bool TryGetStored(int id, out StoredSchema schema) => _stored.TryGetValue(id, out schema!);

    public void AddStored(StoredSchema schema) => _stored.TryAdd(schema.Id, schema);

    public bool TryGetResponse(int id, out byte[] body) => _responses.TryGetValue(id, out body!);

    public void AddResponse(int id, byte[] body) => _responses.TryAdd(id, body);

    public bool TryGetParsed(int id, out ContractSchema schema) => _parsed.TryGetValue(id, out schema!);

    public void AddParsed(int id, ContractSchema schema) => _parsed.Set(id, schema, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _parsed.Dispose();
}
