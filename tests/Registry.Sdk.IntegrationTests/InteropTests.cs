using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using EventContracts.Api.Tests;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;
using Newtonsoft.Json;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>Our bytes read by other people's code and theirs by ours, through the real registry over real HTTP.</summary>
public sealed class InteropTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private static readonly SerializationContext Topic = new(MessageComponentType.Value, "order.paid");

    [Fact]
    public async Task Confluent_JsonSerializer_output_is_read_by_our_deserializer()
    {
        using var client = Events.Client(host);
        var confluent = new JsonSerializer<PaidDto>(client.Confluent, new Schema(OrderPaidV1.SchemaText, SchemaType.Json), new JsonSerializerConfig { AutoRegisterSchemas = true });

        var bytes = await confluent.SerializeAsync(PaidDto.From(Events.Paid()), Topic);
        using var readerClient = Events.Client(host);
        var ours = new EventSerializerFactory(readerClient).CreateDeserializer(Events.PaidContract);
        var read = await ((IAsyncDeserializer<OrderPaidV1>)ours).DeserializeAsync(bytes, isNull: false, Topic);

        Assert.Equal(Events.Paid().Amount, read.Amount);
        Assert.Equal(Events.Paid().PaidAt, read.PaidAt);
        Assert.Equal(OrderPaidV1.PaymentMethodKind.ApplePay, read.PaymentMethod);
    }

    [Fact]
    public async Task Our_wire_format_is_read_by_Confluent_JsonDeserializer()
    {
        using var client = Events.Client(host);
        await client.RegisterAsync("order.paid-value", OrderPaidV1.SchemaText);
        var ours = new EventSerializerFactory(client).CreateSerializer(Events.PaidContract);

        var bytes = await ((IAsyncSerializer<OrderPaidV1>)ours).SerializeAsync(Events.Paid(), Topic);
        var confluent = new JsonDeserializer<PaidDto>(client.Confluent, new Schema(OrderPaidV1.SchemaText, SchemaType.Json));
        var read = await confluent.DeserializeAsync(bytes, isNull: false, Topic);

        Assert.Equal("apple_pay", read.PaymentMethod);
        Assert.Equal("19.99", read.Amount.Amount);
        Assert.Equal(Events.Paid().PaidAt, read.PaidAt);
    }

    [Fact]
    public async Task Our_CloudEvent_is_parsed_by_the_CloudEvents_SDKs_own_json_formatter()
    {
        using var client = Events.Client(host);
        var id = await client.RegisterAsync(OrderPaidV1.EventType, OrderPaidV1.SchemaText);
        var serializer = new EventSerializerFactory(client, new EventSerializerOptions { Source = new Uri("urn:test:orders") }).CreateSerializer(Events.PaidContract);

        var bytes = await serializer.SerializeCloudEventAsync(Events.Paid(), id: "evt-7", time: Events.Paid().PaidAt);
        var parsed = new JsonEventFormatter().DecodeStructuredModeMessage(bytes, new ContentType("application/cloudevents+json"), null);

        Assert.Equal("order.paid", parsed.Type);
        Assert.Equal("evt-7", parsed.Id);
        Assert.Equal(new Uri("urn:test:orders"), parsed.Source);
        Assert.Equal(Events.Paid().PaidAt, parsed.Time);
        Assert.Equal(MediaTypeNames.Application.Json, parsed.DataContentType);
        Assert.Equal(client.SchemaUri(id), parsed.DataSchema);
        var data = Assert.IsType<JsonElement>(parsed.Data);
        Assert.Equal(Events.Paid().Amount, data.Deserialize<OrderPaidV1>()!.Amount);
    }

    /// <summary>order.paid as a team using Confluent's Newtonsoft-based serdes would write it by hand.</summary>
    public sealed class PaidDto
    {
        [JsonProperty("orderId")] public Guid OrderId { get; set; }

        [JsonProperty("customerId")] public Guid CustomerId { get; set; }

        [JsonProperty("paymentId")] public Guid PaymentId { get; set; }

        [JsonProperty("amount")] public MoneyDto Amount { get; set; } = new();

        [JsonProperty("paymentMethod")] public string PaymentMethod { get; set; } = string.Empty;

        [JsonProperty("paidAt")] public DateTimeOffset PaidAt { get; set; }

        public static PaidDto From(OrderPaidV1 paid) => new()
        {
            OrderId = paid.OrderId,
            CustomerId = paid.CustomerId,
            PaymentId = paid.PaymentId,
            Amount = new MoneyDto { Amount = paid.Amount.Amount, Currency = paid.Amount.Currency },
            PaymentMethod = "apple_pay",
            PaidAt = paid.PaidAt,
        };
    }

    public sealed class MoneyDto
    {
        [JsonProperty("amount")] public string Amount { get; set; } = string.Empty;

        [JsonProperty("currency")] public string Currency { get; set; } = string.Empty;
    }
}
