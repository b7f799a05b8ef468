using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>Confluent.SchemaRegistry.Serdes.Json 2.16 serializing and deserializing through the registry.</summary>
public abstract class SerdesTests(RegistryHost host) : IDisposable
{
    public sealed class OnSqlite(RegistryHost host) : SerdesTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : SerdesTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly CachedSchemaRegistryClient _client = new(new SchemaRegistryConfig { Url = host.Url });

    public void Dispose()
    {
        _client.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Default_serializer_auto_registers_the_generated_schema_under_the_topic_value_subject_and_round_trips()
    {
        var serializer = new JsonSerializer<OrderCreated>(_client);
        var deserializer = new JsonDeserializer<OrderCreated>(_client, new JsonDeserializerConfig());
        var context = new SerializationContext(MessageComponentType.Value, "order.created");
        var message = new OrderCreated { OrderId = "o-1", CustomerId = "c-9", Amount = 12.5m };

        var bytes = await serializer.SerializeAsync(message, context);

        // The schema NJsonSchema generated passed lint and was registered under order.created-value (TopicNameStrategy).
        var latest = await HttpAssert.GetAsync(host.Http, "subjects/order.created-value/versions/latest");
        var registered = JsonNode.Parse(latest["schema"]!.GetValue<string>())!;
        Assert.Equal("object", registered["type"]!.GetValue<string>());
        Assert.NotNull(registered["properties"]!["orderId"]);
        Assert.NotNull(registered["properties"]!["customerId"]);
        AssertWireFormat(bytes, latest["id"]!.GetValue<int>());
        Assert.Equal("o-1", JsonNode.Parse(Encoding.UTF8.GetString(bytes, 5, bytes.Length - 5))!["orderId"]!.GetValue<string>());

        var read = await deserializer.DeserializeAsync(bytes, isNull: false, context);
        Assert.Equal((message.OrderId, message.CustomerId, message.Amount), (read.OrderId, read.CustomerId, read.Amount));
    }

    [SkippableFact]
    public async Task Serializer_with_an_explicit_schema_registers_that_schema_and_round_trips()
    {
        const string schemaText = """
            {"title":"order.paid","description":"An order was paid.","type":"object",
             "properties":{"orderId":{"type":"string"},"amount":{"type":"number"}},
             "required":["orderId","amount"],"additionalProperties":false}
            """;
        var schema = new Schema(schemaText, SchemaType.Json);
        var serializer = new JsonSerializer<OrderPaid>(_client, schema, new JsonSerializerConfig { AutoRegisterSchemas = true });
        var deserializer = new JsonDeserializer<OrderPaid>(_client, schema);
        var context = new SerializationContext(MessageComponentType.Value, "order.paid");

        var bytes = await serializer.SerializeAsync(new OrderPaid { OrderId = "o-2", Amount = 99m }, context);

        var latest = await HttpAssert.GetAsync(host.Http, "subjects/order.paid-value/versions/latest");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(schemaText), JsonNode.Parse(latest["schema"]!.GetValue<string>())));
        Assert.Equal("JSON", latest["schemaType"]!.GetValue<string>());
        AssertWireFormat(bytes, latest["id"]!.GetValue<int>());

        var read = await deserializer.DeserializeAsync(bytes, isNull: false, context);
        Assert.Equal(("o-2", 99m), (read.OrderId, read.Amount));
    }

    [SkippableFact]
    public async Task Serializer_with_an_explicit_schema_refuses_a_message_the_schema_rejects()
    {
        const string schemaText = """{"type":"object","properties":{"orderId":{"type":"string","minLength":3}},"required":["orderId"]}""";
        var serializer = new JsonSerializer<OrderPaid>(_client, new Schema(schemaText, SchemaType.Json));
        var context = new SerializationContext(MessageComponentType.Value, "order.shipped");

        await Assert.ThrowsAnyAsync<Exception>(() => serializer.SerializeAsync(new OrderPaid { OrderId = "x" }, context));
        Assert.NotNull(await serializer.SerializeAsync(new OrderPaid { OrderId = "xyz" }, context));
    }

    [SkippableFact]
    public async Task Serializer_using_the_latest_version_writes_with_the_id_registered_beforehand()
    {
        const string schemaText = """{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"}},"required":["orderId"],"additionalProperties":false}""";
        var id = await HttpAssert.RegisterAsync(host.Http, "order.refunded-value", schemaText);
        var serializer = new JsonSerializer<OrderPaid>(_client, new JsonSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = true });
        var context = new SerializationContext(MessageComponentType.Value, "order.refunded");

        var bytes = await serializer.SerializeAsync(new OrderPaid { OrderId = "o-3", Amount = 1m }, context);

        AssertWireFormat(bytes, id);
        Assert.Equal([1], (await HttpAssert.GetAsync(host.Http, "subjects/order.refunded-value/versions")).AsArray().Select(v => v!.GetValue<int>()));
    }

    /// <summary>Confluent's framing: magic byte 0, then the schema id as a big-endian int32, then the JSON.</summary>
    private static void AssertWireFormat(byte[] bytes, int registeredId)
    {
        Assert.True(bytes.Length > 5);
        Assert.Equal(0, bytes[0]);
        Assert.Equal(registeredId, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
    }
}
