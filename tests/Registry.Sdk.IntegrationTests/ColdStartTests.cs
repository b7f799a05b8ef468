using System.Diagnostics;
using EventContracts.Api.Tests;
using EventContracts.Client;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>A generated type carries its schema: a cold function needs the registry only for what it has never seen.</summary>
public sealed class ColdStartTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task Serialize_and_read_back_with_a_known_schema_id_make_no_registry_call()
    {
        using var setup = Events.Client(host);
        var id = await setup.RegisterAsync(OrderPaidV1.EventType, OrderPaidV1.SchemaText);

        var before = host.TotalRequests;
        using var client = Events.Client(host);
        var factory = new EventSerializerFactory(client);
        factory.Options.SchemaIds[Events.PaidContract.Key] = id;
        var serializer = factory.CreateSerializer(Events.PaidContract);
        var deserializer = factory.CreateDeserializer(Events.PaidContract);

        var wire = await serializer.SerializeAsync(Events.Paid());
        var cloudEvent = await serializer.SerializeCloudEventAsync(Events.Paid());
        var fromWire = await deserializer.ReadAsync(wire);
        var fromCloudEvent = await deserializer.ReadAsync(cloudEvent);

        Assert.Equal(0, host.TotalRequests - before);
        Assert.Equal(Events.Paid().Amount, fromWire.Data.Amount);
        Assert.Equal(id, fromCloudEvent.SchemaId);
    }

    [Fact]
    public async Task Registry_down_cached_schemas_keep_working_and_an_uncached_id_fails_clearly_after_bounded_retries()
    {
        var registry = await RegistryHost.StartNewAsync(new Dictionary<string, string?>());
        try
        {
            using var setup = Events.Client(registry);
            var v1 = await setup.RegisterAsync(OrderCreatedV1.EventType, OrderCreatedV1.SchemaText);
            var v2 = await setup.RegisterAsync(OrderCreatedV2.EventType, OrderCreatedV2.SchemaText);

            using var client = Events.Client(registry);
            var factory = new EventSerializerFactory(client);
            factory.Options.SchemaIds[Events.CreatedV1Contract.Key] = v1;
            var v1Event = await factory.CreateSerializer(Events.CreatedV1Contract).SerializeAsync(Events.CreatedV1());
            var reader = factory.CreateDeserializer(Events.CreatedV2Contract);
            Assert.Equal("SKU-1", (await reader.ReadAsync(v1Event)).Data.LineItems[0].Sku);

            await registry.StopAsync();

            // Schema v1 and the verdict that v2 reads it are cached: the registry is not needed.
            Assert.Equal("SKU-1", (await reader.ReadAsync(v1Event)).Data.LineItems[0].Sku);

            // An id never seen: a clear failure after the bounded retries, not a hang.
            var unknown = (byte[])v1Event.Clone();
            unknown[4] = (byte)(v2 + 40);
            var clock = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(async () => await reader.ReadAsync(unknown));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            Assert.Contains("registry unavailable", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }
}
