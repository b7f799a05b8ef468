using System.Collections.Concurrent;
using System.Globalization;
using EventContracts.Client;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using EventContracts.Serialization.Validation;

namespace EventContracts.Serialization;

/// <summary>
/// Makes serializers and deserializers that share one set of caches: schema ids by contract, a validator per schema
/// id, and the reader-can-read-writer verdicts. Thread-safe; one per application (<c>AddEventContracts</c> registers it).
/// </summary>
public sealed class EventSerializerFactory
{
    private readonly ConcurrentDictionary<string, Task<int>> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Task<SchemaValidator>> _validators = new();
    private readonly ConcurrentDictionary<(int Writer, string Reader), Task<IReadOnlyList<Difference>>> _verdicts = new();

    /// <summary>A factory over <paramref name="client"/> with <paramref name="options"/> (defaults when null).</summary>
    public EventSerializerFactory(EventContractsClient client, EventSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        Options = options ?? new EventSerializerOptions();
    }

    /// <summary>The registry client schemas are asked from when they are not known locally.</summary>
    public EventContractsClient Client { get; }

    /// <summary>The options every serializer and deserializer of this factory uses.</summary>
    public EventSerializerOptions Options { get; }

    /// <summary>A serializer writing <paramref name="contract"/>'s events (Confluent wire format or CloudEvents).</summary>
    public EventSerializer<T> CreateSerializer<T>(EventContract<T> contract) => new(this, contract);

    /// <summary>A deserializer reading either format into <paramref name="contract"/>'s type, the reader pinned by this consumer.</summary>
    public EventDeserializer<T> CreateDeserializer<T>(EventContract<T> contract) => new(this, contract);

    /// <summary>The schema id of a contract: from <see cref="EventSerializerOptions.SchemaIds"/>, else looked up once.</summary>
    internal ValueTask<int> SchemaIdAsync<T>(EventContract<T> contract)
    {
        if (Options.SchemaIds.TryGetValue(contract.Key, out var known))
        {
            return ValueTask.FromResult(known);
        }

        return new ValueTask<int>(Cached(_ids, contract.Key, _ => LookupIdAsync(contract.EventType, contract.Schema)));
    }

    /// <summary>The id when already known or resolved, without asking anyone.</summary>
    internal int? KnownSchemaId(string key) =>
        Options.SchemaIds.TryGetValue(key, out var id) ? id
        : _ids.TryGetValue(key, out var task) && task.IsCompletedSuccessfully ? task.Result
        : null;

    internal Task<SchemaValidator> ValidatorAsync(int schemaId, string eventType, ContractSchema schema) =>
        Cached(_validators, schemaId, _ => SchemaValidator.CreateAsync(eventType, schema));

    /// <summary>The incompatible differences met when <paramref name="reader"/> reads data written with schema <paramref name="writerId"/>; empty when it can.</summary>
    internal Task<IReadOnlyList<Difference>> IncompatibilitiesAsync(int writerId, string readerKey, ContractSchema reader) =>
        Cached(_verdicts, (writerId, readerKey), async _ =>
        {
            var writer = await Client.GetSchemaAsync(writerId).ConfigureAwait(false);
            if (writer.Schema.NormalizedFingerprint == reader.NormalizedFingerprint)
            {
                return (IReadOnlyList<Difference>)[];
            }

            return CompatibilityChecker.Compare(writer.Schema, reader, Options.ReaderPolicy)
                .Where(d => !d.Type.IsCompatible(Options.ReaderPolicy))
                .ToList();
        });

    private async Task<int> LookupIdAsync(string eventType, ContractSchema schema)
    {
        // The event type is the subject; Kafka's TopicNameStrategy registers it as <type>-value.
        foreach (var subject in (string[])[eventType, eventType + "-value"])
        {
            if (await Client.LookupAsync(subject, schema.Text).ConfigureAwait(false) is { } found)
            {
                return found.Id;
            }
        }

        throw new RegistryException(404, 40403, string.Create(CultureInfo.InvariantCulture,
            $"the schema of {eventType} (fingerprint {schema.Fingerprint.Hex[..12]}…) is not registered under {eventType} or {eventType}-value at {Client.BaseAddress}; register it first (evc register contracts/) or give its id in EventSerializerOptions.SchemaIds."));
    }

    /// <summary>One task per key; a failed or cancelled one is dropped so the next caller asks again.</summary>
    private static Task<TValue> Cached<TKey, TValue>(ConcurrentDictionary<TKey, Task<TValue>> cache, TKey key, Func<TKey, Task<TValue>> create)
        where TKey : notnull
    {
        var task = cache.GetOrAdd(key, create);
        if (task.IsCompleted && !task.IsCompletedSuccessfully)
        {
            cache.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, task));
        }
        else if (!task.IsCompleted)
        {
            _ = task.ContinueWith(
                t => cache.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, t)),
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return task;
    }
}
