using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Confluent.Kafka;
using EventContracts.Serialization.Validation;

namespace EventContracts.Serialization;

/// <summary>
/// Writes events of one contract as the Confluent wire format (magic byte 0, big-endian schema id, UTF-8 JSON; a
/// Kafka <see cref="IAsyncSerializer{T}"/>) or as a CloudEvents 1.0 structured JSON envelope, validating each against
/// its schema first unless <see cref="EventSerializerOptions.Validate"/> is off. When the schema id is known
/// (<see cref="EventSerializerOptions.SchemaIds"/>) no registry call is made at all: the schema travels in the type.
/// Thread-safe.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class EventSerializer<T> : IAsyncSerializer<T>
{
    private const int HeaderLength = 5;

    private readonly EventSerializerFactory _factory;
    private readonly EventContract<T> _contract;
    private readonly bool _validate;
    private int _schemaId = -1;
    private SchemaValidator? _validator;

    internal EventSerializer(EventSerializerFactory factory, EventContract<T> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _factory = factory;
        _contract = contract;
        _validate = factory.Options.Validate;
    }

    /// <summary>The contract events are written with.</summary>
    public EventContract<T> Contract => _contract;

    /// <summary>Confluent.Kafka's entry point: the event in the Confluent wire format; the context is not needed.</summary>
    /// <exception cref="EventValidationException">The event breaks its schema; nothing is written.</exception>
    /// <exception cref="Client.RegistryException">The schema id is not known and the registry could not give it.</exception>
    public Task<byte[]> SerializeAsync(T data, SerializationContext context)
    {
        var result = SerializeAsync(data);
        return result.IsCompletedSuccessfully ? Task.FromResult(result.Result) : result.AsTask();
    }

    /// <summary>The event in the Confluent wire format: byte 0, the schema id as a big-endian int32, the event as UTF-8 JSON.</summary>
    /// <exception cref="EventValidationException">The event breaks its schema; nothing is written.</exception>
    /// <exception cref="Client.RegistryException">The schema id is not known and the registry could not give it.</exception>
    public ValueTask<byte[]> SerializeAsync(T data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_schemaId >= 0 && (_validator is not null || !_validate))
        {
            return ValueTask.FromResult(Write(data, _schemaId, header: true));
        }

        return SlowAsync(data);

        async ValueTask<byte[]> SlowAsync(T value)
        {
            await PrepareAsync().ConfigureAwait(false);
            return Write(value, _schemaId, header: true);
        }
    }

    /// <summary>
    /// The event as a CloudEvents 1.0 structured JSON envelope: <c>type</c> = the event type, <c>source</c> from the
    /// options, <c>id</c> and <c>time</c> (new unless given), <c>datacontenttype</c> <c>application/json</c>,
    /// <c>dataschema</c> = the registry URI of the schema id, and <c>traceparent</c>/<c>tracestate</c> from
    /// <see cref="Activity.Current"/> so the trace continues on the consumer's side.
    /// </summary>
    /// <exception cref="EventValidationException">The event breaks its schema; nothing is written.</exception>
    /// <exception cref="Client.RegistryException">The schema id is not known and the registry could not give it.</exception>
    public async ValueTask<byte[]> SerializeCloudEventAsync(T data, string? id = null, DateTimeOffset? time = null)
    {
        var cloudEvent = await ToCloudEventAsync(data, id, time).ConfigureAwait(false);
        return new JsonEventFormatter().EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
    }

    /// <summary>The CloudEvent <see cref="SerializeCloudEventAsync"/> writes, for transports that encode it themselves (binary mode).</summary>
    /// <exception cref="EventValidationException">The event breaks its schema.</exception>
    /// <exception cref="Client.RegistryException">The schema id is not known and the registry could not give it.</exception>
    public async ValueTask<CloudEvent> ToCloudEventAsync(T data, string? id = null, DateTimeOffset? time = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        await PrepareAsync().ConfigureAwait(false);
        var json = Write(data, _schemaId, header: false);
        using var document = JsonDocument.Parse(json);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, TraceAttributes.All)
        {
            Type = _contract.EventType,
            Source = _factory.Options.Source,
            Id = id ?? Guid.NewGuid().ToString(),
            Time = time ?? DateTimeOffset.UtcNow,
            DataContentType = MediaTypeNames.Application.Json,
            DataSchema = _factory.Client.SchemaUri(_schemaId),
            Data = document.RootElement.Clone(),
        };
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            cloudEvent[TraceAttributes.TraceParent] = activity.Id;
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                cloudEvent[TraceAttributes.TraceState] = activity.TraceStateString;
            }
        }

        return cloudEvent;
    }

    private async ValueTask PrepareAsync()
    {
        var id = await _factory.SchemaIdAsync(_contract).ConfigureAwait(false);
        if (_validate)
        {
            _validator = await _factory.ValidatorAsync(id, _contract.EventType, _contract.Schema).ConfigureAwait(false);
        }

        _schemaId = id;
    }

    private byte[] Write(T data, int schemaId, bool header)
    {
        var (buffer, writer) = WriteBuffer.Rent();
        if (header)
        {
            var span = buffer.GetSpan(HeaderLength);
            span[0] = 0;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], schemaId);
            buffer.Advance(HeaderLength);
        }

        try
        {
            JsonSerializer.Serialize(writer, data, _contract.TypeInfo);
            writer.Flush();
            var written = buffer.WrittenSpan;
            if (_validate)
            {
                _validator!.Validate(header ? written[HeaderLength..] : written);
            }

            return written.ToArray();
        }
        finally
        {
            WriteBuffer.Return(buffer);
        }
    }
}
