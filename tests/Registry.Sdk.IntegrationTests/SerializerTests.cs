using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EventContracts.Api.Tests;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>The serializer and deserializer against the real registry.</summary>
public sealed class SerializerTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task Wire_format_is_magic_byte_zero_big_endian_schema_id_and_utf8_json()
    {
        using var client = Events.Client(host);
        var id = await client.RegisterAsync(OrderPaidV1.EventType, OrderPaidV1.SchemaText);
        var serializer = new EventSerializerFactory(client).CreateSerializer(Events.PaidContract);

        var bytes = await serializer.SerializeAsync(Events.Paid());

        Assert.Equal(0, bytes[0]);
        Assert.Equal(id, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
        Assert.Equal("apple_pay", JsonNode.Parse(Encoding.UTF8.GetString(bytes, 5, bytes.Length - 5))!["paymentMethod"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_event_is_refused_before_sending_naming_the_pointer_and_the_rule()
    {
        using var client = Events.Client(host);
        var factory = new EventSerializerFactory(client);
        factory.Options.SchemaIds[Events.CreatedV2Contract.Key] = 1;
        var serializer = factory.CreateSerializer(Events.CreatedV2Contract);

        var e = await Assert.ThrowsAsync<EventValidationException>(async () => await serializer.SerializeAsync(Events.CreatedV2(currency: "eur")));

        Assert.Equal("/lineItems/0/unitPrice/currency", e.Pointer);
        Assert.Equal("pattern", e.Rule);
        Assert.Contains("order.created", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_switched_off_writes_the_invalid_event()
    {
        using var client = Events.Client(host);
        var factory = new EventSerializerFactory(client, new EventSerializerOptions { Validate = false });
        factory.Options.SchemaIds[Events.CreatedV2Contract.Key] = 1;

        var bytes = await factory.CreateSerializer(Events.CreatedV2Contract).SerializeAsync(Events.CreatedV2(currency: "eur"));

        Assert.Contains("\"eur\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_of_v1_refuses_an_event_written_with_v2_naming_the_differences()
    {
        using var client = Events.Client(host);
        await client.RegisterAsync(OrderCreatedV1.EventType, OrderCreatedV1.SchemaText);
        await client.RegisterAsync(OrderCreatedV2.EventType, OrderCreatedV2.SchemaText);
        var factory = new EventSerializerFactory(client);
        var written = await factory.CreateSerializer(Events.CreatedV2Contract).SerializeAsync(Events.CreatedV2());

        var reader = factory.CreateDeserializer(Events.CreatedV1Contract);
        var e = await Assert.ThrowsAsync<IncompatibleEventException>(async () => await reader.ReadAsync(written));

        Assert.NotEmpty(e.Differences);
        Assert.Contains("/properties/channel", e.Message, StringComparison.Ordinal);

        // The other way round is what BACKWARD promises: v2 reads v1.
        var v1 = await factory.CreateSerializer(Events.CreatedV1Contract).SerializeAsync(Events.CreatedV1());
        Assert.Null((await factory.CreateDeserializer(Events.CreatedV2Contract).ReadAsync(v1)).Data.Channel);
    }

    [Fact]
    public async Task CloudEvent_carries_type_dataschema_and_the_current_trace_which_the_reader_continues()
    {
        using var client = Events.Client(host);
        var id = await client.RegisterAsync(OrderPaidV1.EventType, OrderPaidV1.SchemaText);
        var factory = new EventSerializerFactory(client, new EventSerializerOptions { Source = new Uri("urn:test:orders") });
        using var activity = new Activity("publish").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";

        var bytes = await factory.CreateSerializer(Events.PaidContract).SerializeCloudEventAsync(Events.Paid(), id: "evt-1");
        var envelope = JsonNode.Parse(bytes)!;
        var received = await factory.CreateDeserializer(Events.PaidContract).ReadAsync(bytes);

        Assert.Equal("1.0", envelope["specversion"]!.GetValue<string>());
        Assert.Equal("order.paid", envelope["type"]!.GetValue<string>());
        Assert.Equal($"{host.Url}/schemas/ids/{id}", envelope["dataschema"]!.GetValue<string>());
        Assert.Equal(activity.Id, envelope["traceparent"]!.GetValue<string>());
        Assert.Equal("evt-1", received.Id);
        Assert.Equal(activity.TraceId, received.ParentContext!.Value.TraceId);
        Assert.Equal("vendor=1", received.TraceState);
    }

    [Fact]
    public async Task Unregistered_schema_with_no_known_id_fails_saying_what_to_do()
    {
        using var client = Events.Client(host);
        var contract = EventContract.Create<Pinged>("test.pinged", """{"type":"object","properties":{"at":{"type":"string"}},"required":["at"]}""");
        var serializer = new EventSerializerFactory(client).CreateSerializer(contract);

        var e = await Assert.ThrowsAsync<EventContracts.Client.RegistryException>(async () => await serializer.SerializeAsync(new Pinged("now")));

        Assert.Equal(40403, e.ErrorCode);
        Assert.Contains("register it first", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_type_with_a_schema_round_trips_once_registered()
    {
        using var client = Events.Client(host);
        const string schema = """{"type":"object","properties":{"at":{"type":"string","minLength":2}},"required":["at"]}""";
        await client.RegisterAsync("test.ponged", schema);
        var contract = EventContract.Create<Pinged>("test.ponged", schema);
        var factory = new EventSerializerFactory(client);

        var bytes = await factory.CreateSerializer(contract).SerializeAsync(new Pinged("now"));
        var invalid = await Assert.ThrowsAsync<EventValidationException>(async () => await factory.CreateSerializer(contract).SerializeAsync(new Pinged("x")));

        Assert.Equal("now", (await factory.CreateDeserializer(contract).ReadAsync(bytes)).Data.At);
        Assert.Equal(("/at", "minLength"), (invalid.Pointer, invalid.Rule));
    }

    [Fact]
    public async Task Bytes_in_neither_format_fail_clearly()
    {
        using var client = Events.Client(host);
        var reader = new EventSerializerFactory(client).CreateDeserializer(Events.PaidContract);

        await Assert.ThrowsAsync<FormatException>(async () => await reader.ReadAsync(new byte[] { 1, 2, 3 }));
        await Assert.ThrowsAsync<FormatException>(async () => await reader.ReadAsync(Array.Empty<byte>()));
        await Assert.ThrowsAsync<FormatException>(async () => await reader.ReadAsync("{\"specversion\":\"1.0\"}"u8.ToArray()));
    }
}

/// <summary>A hand-written event type, read and written by System.Text.Json's reflection contract.</summary>
public sealed record Pinged([property: System.Text.Json.Serialization.JsonPropertyName("at")] string At);
