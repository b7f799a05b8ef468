using System.Runtime.Serialization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using EventContracts.Api;
using EventContracts.Client;
using EventContracts.Contracts;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace EventContracts.Benchmarks;

/// <summary>
/// Issue 6, item 5: the SDK's Confluent wire-format serializer against Confluent's own <c>JsonSerializer&lt;T&gt;</c>,
/// both validating against the schema, on the same event (order.created v2 with 10 line items, <see
/// cref="SerializationBenchmarks.SampleOrder"/>), both through Kafka's <c>IAsyncSerializer&lt;T&gt;</c> after the schema
/// id is cached (Setup checks that no request reaches the registry while measuring). Targets: ≥ 3× Confluent's
/// throughput and ≤ 1/3 of its allocated bytes (ratios ≤ 0.33 in the Validated group); without validation, ≤ 1.2×
/// the time of plain System.Text.Json (ratio ≤ 1.2 in the Unvalidated group).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SdkSerializerBenchmarks : IDisposable
{
    private static readonly SerializationContext Topic = new(MessageComponentType.Value, "order.created");

    // NJsonSchema, under Confluent's serializer, cannot resolve a "$defs" reference made from inside another "$defs"
    // entry (order.created v2's lineItem → money): it throws on every message. The same schema with "definitions"
    // (what NJsonSchema resolves) is registered under its own topic for Confluent, so both validate the same rules.
    private static readonly SerializationContext ConfluentTopic = new(MessageComponentType.Value, "order.created.v2");
    private static readonly string ConfluentSchema = OrderCreatedV2.SchemaText.Replace("$defs", "definitions", StringComparison.Ordinal);

    private readonly string _folder = Directory.CreateTempSubdirectory("evc-bench-serdes-").FullName;
    private WebApplication _app = null!;
    private int _requests;
    private EventContractsClient _client = null!;
    private OrderCreatedV2 _event = null!;
    private NewtonsoftOrderCreated _newtonsoftEvent = null!;
    private JsonSerializer<NewtonsoftOrderCreated> _confluent = null!;
    private EventSerializer<OrderCreatedV2> _validated = null!;
    private EventSerializer<OrderCreatedV2> _unvalidated = null!;
    private EventSerializer<OrderCreatedV2> _cloudEvents = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Validated")]
    public byte[] Confluent_JsonSerializer() => _confluent.SerializeAsync(_newtonsoftEvent, ConfluentTopic).GetAwaiter().GetResult();

    [Benchmark, BenchmarkCategory("Validated")]
    public byte[] EventContracts_wire() => _validated.SerializeAsync(_event, Topic).GetAwaiter().GetResult();

    [Benchmark, BenchmarkCategory("Validated")]
    public byte[] EventContracts_cloudevent()
    {
        var pending = _cloudEvents.SerializeCloudEventAsync(_event, "evt-1", _event.CreatedAt);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Unvalidated")]
    public byte[] SystemTextJson_plain() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(_event, EventContractsJsonResolver.Default.GetTypeInfo<OrderCreatedV2>());

    [Benchmark, BenchmarkCategory("Unvalidated")]
    public byte[] EventContracts_wire_unvalidated() => _unvalidated.SerializeAsync(_event, Topic).GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Registry"] = $"Data Source={Path.Combine(_folder, "eventcontracts.db")}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddEventContractsRegistry();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        await _app.Services.PrepareRegistryAsync();
        _app.Use((context, next) =>
        {
            Interlocked.Increment(ref _requests);
            return next(context);
        });
        _app.MapEventContractsRegistry();
        await _app.StartAsync();
        var url = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        _client = new EventContractsClient(new EventContractsClientOptions { Url = new Uri(url) });
        await _client.RegisterAsync("order.created-value", OrderCreatedV2.SchemaText);
        await _client.RegisterAsync("order.created.v2-value", ConfluentSchema);

        _event = SerializationBenchmarks.SampleOrder();
        _newtonsoftEvent = NewtonsoftOrderCreated.From(_event);
        _confluent = new JsonSerializer<NewtonsoftOrderCreated>(
            _client.Confluent,
            new Schema(ConfluentSchema, SchemaType.Json),
            new JsonSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = false, Validate = true });
        var contract = EventContract.FromGenerated(EventContractsJsonResolver.Default.GetTypeInfo<OrderCreatedV2>());
        _validated = new EventSerializerFactory(_client).CreateSerializer(contract);
        _cloudEvents = new EventSerializerFactory(_client).CreateSerializer(contract);
        _unvalidated = new EventSerializerFactory(_client, new EventSerializerOptions { Validate = false }).CreateSerializer(contract);

        // Same JSON from both (so the comparison is fair), then no registry traffic while measuring.
        var ours = await _validated.SerializeAsync(_event, Topic);
        var theirs = await _confluent.SerializeAsync(_newtonsoftEvent, ConfluentTopic);
        await _unvalidated.SerializeAsync(_event, Topic);
        await _cloudEvents.SerializeCloudEventAsync(_event);
        if (!JsonElement.DeepEquals(JsonDocument.Parse(ours.AsMemory(5)).RootElement, JsonDocument.Parse(theirs.AsMemory(5)).RootElement))
        {
            throw new InvalidOperationException("Confluent's serializer does not write the same event, so the comparison would be unfair:\n"
                + System.Text.Encoding.UTF8.GetString(ours, 5, ours.Length - 5) + "\n" + System.Text.Encoding.UTF8.GetString(theirs, 5, theirs.Length - 5));
        }

        var before = Volatile.Read(ref _requests);
        for (var i = 0; i < 3; i++)
        {
            Confluent_JsonSerializer();
            EventContracts_wire();
            EventContracts_cloudevent();
            EventContracts_wire_unvalidated();
        }

        if (Volatile.Read(ref _requests) != before)
        {
            throw new InvalidOperationException($"{_requests - before} registry requests while serializing warm: the benchmark would measure HTTP");
        }
    }
}

/// <summary>order.created v2 as a team on Confluent's Newtonsoft-based serdes writes it: same names, same JSON.</summary>
public sealed class NewtonsoftOrderCreated
{
    [JsonProperty("orderId")] public Guid OrderId { get; set; }

    [JsonProperty("customerId")] public Guid CustomerId { get; set; }

    [JsonProperty("createdAt")] public DateTimeOffset CreatedAt { get; set; }

    [JsonProperty("lineItems")] public IReadOnlyList<NewtonsoftLineItem> LineItems { get; set; } = [];

    [JsonProperty("subtotal", NullValueHandling = NullValueHandling.Ignore)] public NewtonsoftMoney? Subtotal { get; set; }

    [JsonProperty("shippingCost", NullValueHandling = NullValueHandling.Ignore)] public NewtonsoftMoney? ShippingCost { get; set; }

    [JsonProperty("total")] public NewtonsoftMoney Total { get; set; } = new();

    [JsonProperty("shippingAddress")] public NewtonsoftAddress ShippingAddress { get; set; } = new();

    [JsonProperty("channel", NullValueHandling = NullValueHandling.Ignore)] public NewtonsoftChannel? Channel { get; set; }

    [JsonProperty("customerNote", NullValueHandling = NullValueHandling.Ignore)] public string? CustomerNote { get; set; }

    public static NewtonsoftOrderCreated From(OrderCreatedV2 e) => new()
    {
        OrderId = e.OrderId,
        CustomerId = e.CustomerId,
        CreatedAt = e.CreatedAt,
        LineItems = [.. e.LineItems.Select(i => new NewtonsoftLineItem { Sku = i.Sku, Name = i.Name, Quantity = i.Quantity, UnitPrice = Money(i.UnitPrice) })],
        Subtotal = e.Subtotal is null ? null : Money(e.Subtotal),
        ShippingCost = e.ShippingCost is null ? null : Money(e.ShippingCost),
        Total = Money(e.Total),
        ShippingAddress = new NewtonsoftAddress
        {
            RecipientName = e.ShippingAddress.RecipientName,
            Line1 = e.ShippingAddress.Line1,
            Line2 = e.ShippingAddress.Line2,
            City = e.ShippingAddress.City,
            Region = e.ShippingAddress.Region,
            PostalCode = e.ShippingAddress.PostalCode,
            CountryCode = e.ShippingAddress.CountryCode,
        },
        Channel = e.Channel is null ? null : (NewtonsoftChannel)(int)e.Channel.Value,
        CustomerNote = e.CustomerNote,
    };

    private static NewtonsoftMoney Money(OrderCreatedV2.Money m) => new() { Amount = m.Amount, Currency = m.Currency };
}

public sealed class NewtonsoftLineItem
{
    [JsonProperty("sku")] public string Sku { get; set; } = string.Empty;

    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)] public string? Name { get; set; }

    [JsonProperty("quantity")] public long Quantity { get; set; }

    [JsonProperty("unitPrice")] public NewtonsoftMoney UnitPrice { get; set; } = new();
}

public sealed class NewtonsoftMoney
{
    [JsonProperty("amount")] public string Amount { get; set; } = string.Empty;

    [JsonProperty("currency")] public string Currency { get; set; } = string.Empty;
}

public sealed class NewtonsoftAddress
{
    [JsonProperty("recipientName")] public string RecipientName { get; set; } = string.Empty;

    [JsonProperty("line1")] public string Line1 { get; set; } = string.Empty;

    [JsonProperty("line2", NullValueHandling = NullValueHandling.Ignore)] public string? Line2 { get; set; }

    [JsonProperty("city")] public string City { get; set; } = string.Empty;

    [JsonProperty("region", NullValueHandling = NullValueHandling.Ignore)] public string? Region { get; set; }

    [JsonProperty("postalCode")] public string PostalCode { get; set; } = string.Empty;

    [JsonProperty("countryCode")] public string CountryCode { get; set; } = string.Empty;
}

[Newtonsoft.Json.JsonConverter(typeof(StringEnumConverter))]
public enum NewtonsoftChannel
{
    [EnumMember(Value = "web")] Web,
    [EnumMember(Value = "mobile_app")] MobileApp,
    [EnumMember(Value = "marketplace")] Marketplace,
    [EnumMember(Value = "phone")] Phone,
}
