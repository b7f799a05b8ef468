using System.Buffers.Binary;
using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Confluent.Kafka;

namespace EventContracts.Serialization;

/// <summary>
/// Reads events in the Confluent wire format or as CloudEvents structured JSON into the reader type this consumer
/// pinned. An event written with another schema is read only when the compatibility engine says the reader's schema
/// can read the writer's; otherwise <see cref="IncompatibleEventException"/>, never a half-filled object. An event
/// written with the reader's own schema id needs no registry call. Thread-safe.
/// </summary>
/// <typeparam name="T">The reader's event type.</typeparam>
public sealed class EventDeserializer<T> : IAsyncDeserializer<T>
{
    private static readonly ContentType CloudEventsJson = new("application/cloudevents+json; charset=utf-8");

    private readonly EventSerializerFactory _factory;
    private readonly EventContract<T> _contract;

    internal EventDeserializer(EventSerializerFactory factory, EventContract<T> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _factory = factory;
        _contract = contract;
    }

    /// <summary>The reader's contract.</summary>
    public EventContract<T> Contract => _contract;

    /// <summary>Confluent.Kafka's entry point: reads either format (the context is not needed).</summary>
    /// <exception cref="FormatException">The bytes are neither format, or a null message reached a non-null reader.</exception>
    /// <exception cref="IncompatibleEventException">The writer's schema is not readable by the reader's.</exception>
    /// <exception cref="Client.RegistryException">The writer's schema is not cached and the registry could not give it.</exception>
    public async Task<T> DeserializeAsync(ReadOnlyMemory<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            throw new FormatException($"a null Kafka message cannot be read as {_contract.EventType} (a tombstone?)");
        }

        return (await ReadAsync(data).ConfigureAwait(false)).Data;
    }

    /// <summary>Reads an event in either format, detected from its first byte (0: wire format, '{': CloudEvents).</summary>
    /// <exception cref="FormatException">The bytes are neither format, or the event's JSON does not fit the reader type.</exception>
    /// <exception cref="IncompatibleEventException">The writer's schema is not readable by the reader's.</exception>
    /// <exception cref="Client.RegistryException">The writer's schema is not cached and the registry could not give it.</exception>
    public ValueTask<ReceivedEvent<T>> ReadAsync(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (span.Length >= 5 && span[0] == 0)
        {
            return ReadWireAsync(data);
        }

        var start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start < span.Length && span[start] == (byte)'{')
        {
            return ReadCloudEventAsync(data);
        }

        throw new FormatException(span.Length == 0
            ? $"an empty message cannot be read as {_contract.EventType}"
            : $"a message starting with byte 0x{span[0]:x2} is neither the Confluent wire format (magic byte 0 and a 4-byte schema id) nor a CloudEvents JSON envelope");
    }

    private async ValueTask<ReceivedEvent<T>> ReadWireAsync(ReadOnlyMemory<byte> data)
    {
        var schemaId = BinaryPrimitives.ReadInt32BigEndian(data.Span[1..5]);
        await EnsureReadableAsync(schemaId).ConfigureAwait(false);
        return new ReceivedEvent<T> { Data = Read(data.Span[5..], schemaId), SchemaId = schemaId };
    }

    private async ValueTask<ReceivedEvent<T>> ReadCloudEventAsync(ReadOnlyMemory<byte> data)
    {
        CloudEvent cloudEvent;
        try
        {
            cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(data, CloudEventsJson, TraceAttributes.All);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException)
        {
            throw new FormatException($"not a CloudEvents 1.0 JSON envelope: {e.Message}", e);
        }

        if (!string.Equals(cloudEvent.Type, _contract.EventType, StringComparison.Ordinal))
        {
            throw new FormatException($"the CloudEvent {cloudEvent.Id} is of type \"{cloudEvent.Type}\", not {_contract.EventType}");
        }

        var schemaId = SchemaIdOf(cloudEvent);
        await EnsureReadableAsync(schemaId).ConfigureAwait(false);
        if (cloudEvent.Data is not JsonElement element)
        {
            throw new FormatException($"the CloudEvent {cloudEvent.Id} carries no JSON data (datacontenttype {cloudEvent.DataContentType ?? "absent"})");
        }

        T value;
        try
        {
            value = element.Deserialize(_contract.TypeInfo) ?? throw new JsonException("the data is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the data of CloudEvent {cloudEvent.Id} (schema {schemaId}) cannot be read as {_contract.Key}: {e.Message}", e);
        }

        return new ReceivedEvent<T>
        {
            Data = value,
            SchemaId = schemaId,
            EventType = cloudEvent.Type,
            Id = cloudEvent.Id,
            Source = cloudEvent.Source,
            Time = cloudEvent.Time,
            TraceParent = cloudEvent[TraceAttributes.TraceParent] as string,
            TraceState = cloudEvent[TraceAttributes.TraceState] as string,
        };
    }

    /// <summary>The schema id at the end of <c>dataschema</c> (<c>…/schemas/ids/{id}</c>).</summary>
    private static int SchemaIdOf(CloudEvent cloudEvent)
    {
        const string marker = "/schemas/ids/";
        var path = cloudEvent.DataSchema?.IsAbsoluteUri == true ? cloudEvent.DataSchema.AbsolutePath : cloudEvent.DataSchema?.OriginalString;
        var at = path?.LastIndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0 || !int.TryParse(path.AsSpan(at + marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"the CloudEvent {cloudEvent.Id} of type {cloudEvent.Type} has dataschema \"{cloudEvent.DataSchema}\", not a registry schema URI (…/schemas/ids/<id>): the schema it was written with is unknown");
        }

        return id;
    }

    private async ValueTask EnsureReadableAsync(int writerId)
    {
        // Written with the reader's own schema: nothing to check, nothing to ask.
        if (_factory.KnownSchemaId(_contract.Key) == writerId)
        {
            return;
        }

        var incompatible = await _factory.IncompatibilitiesAsync(writerId, _contract.Key, _contract.Schema).ConfigureAwait(false);
        if (incompatible.Count > 0)
        {
            throw new IncompatibleEventException(writerId, _contract.Key, incompatible);
        }
    }

    private T Read(ReadOnlySpan<byte> json, int schemaId)
    {
        try
        {
            return JsonSerializer.Deserialize(json, _contract.TypeInfo) ?? throw new JsonException("the event is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"an event written with schema {schemaId} cannot be read as {_contract.Key}: {e.Message}", e);
        }
    }
}
