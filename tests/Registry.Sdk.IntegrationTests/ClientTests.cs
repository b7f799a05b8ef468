using EventContracts.Api.Tests;
using EventContracts.Cli.Tests.Registry;
using EventContracts.Client;
using EventContracts.Compatibility;
using EventContracts.Contracts.Order;
using EventContracts.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>EventContractsClient against the real registry, and against a scripted one for failures.</summary>
public sealed class ClientTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private const string Json = "application/vnd.schemaregistry.v1+json";

    private const string Compatible = """{"compatible":true,"level":"BACKWARD","differences":[]}""";

    [Fact]
    public async Task Schema_by_id_is_asked_once_and_parsed()
    {
        using var client = Events.Client(host);
        var id = await client.RegisterAsync(OrderPaidV1.EventType, OrderPaidV1.SchemaText);

        var first = await client.GetSchemaAsync(id);
        var before = host.TotalRequests;
        var second = await client.GetSchemaAsync(id);

        Assert.Same(first, second);
        Assert.Equal(before, host.TotalRequests);
        Assert.Equal(OrderPaidV1.Fingerprint, first.Schema.Fingerprint.Hex);
    }

    [Fact]
    public async Task Latest_is_cached_for_its_ttl()
    {
        using var client = Events.Client(host);
        await client.RegisterAsync("order.delayed", OrderDelayedV1.SchemaText);

        var first = await client.GetLatestAsync("order.delayed");
        var before = host.TotalRequests;
        var second = await client.GetLatestAsync("order.delayed");

        Assert.Equal(before, host.TotalRequests);
        Assert.Equal((first.Id, first.Version), (second.Id, second.Version));
    }

    [Fact]
    public async Task Latest_is_asked_again_once_its_ttl_has_passed()
    {
        var options = Events.Options(host.Url);
        options.LatestTtl = TimeSpan.FromSeconds(1);
        using var client = new EventContractsClient(options);
        await client.RegisterAsync("order.created-value", OrderCreatedV1.SchemaText);
        Assert.Equal(1, (await client.GetLatestAsync("order.created-value")).Version);

        await client.RegisterAsync("order.created-value", OrderCreatedV2.SchemaText);
        var cached = await client.GetLatestAsync("order.created-value");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var fresh = await client.GetLatestAsync("order.created-value");

        Assert.Equal((1, 2), (cached.Version, fresh.Version));
    }

    [Fact]
    public async Task Registry_errors_carry_the_error_code_and_message()
    {
        using var client = Events.Client(host);

        var missing = await Assert.ThrowsAsync<RegistryException>(() => client.GetSchemaAsync(987654));
        var subject = await Assert.ThrowsAsync<RegistryException>(() => client.GetLatestAsync("order.never"));
        var invalid = await Assert.ThrowsAsync<RegistryException>(() => client.RegisterAsync("order.broken", "{\"type\": 12}"));

        Assert.Equal((404, 40403), (missing.Status, missing.ErrorCode));
        Assert.Equal(40401, subject.ErrorCode);
        Assert.Equal(42201, invalid.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(invalid.Message));
    }

    [Fact]
    public async Task Native_compatibility_check_answers_the_engines_differences()
    {
        using var client = Events.Client(host);

        var report = await client.CheckCompatibilityAsync(OrderCreatedV1.SchemaText, [OrderCreatedV2.SchemaText], CompatibilityLevel.Backward);

        Assert.False(report.Compatible);
        Assert.Contains(report.Differences, d => !d.Compatible && d.Path.Contains("channel", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Native_calls_are_retried_on_transient_answers(int status)
    {
        await using var server = await ScriptedServer.StartAsync(Json, (status, """{"error_code":50001,"message":"busy"}"""), (status, "{}"), (200, Compatible));
        using var client = new EventContractsClient(Events.Options(server.Url));

        var report = await client.CheckCompatibilityAsync("{}", ["{}"]);

        Assert.True(report.Compatible);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Native_calls_give_up_after_the_bounded_retries()
    {
        await using var server = await ScriptedServer.StartAsync(Json, (503, """{"error_code":50001,"message":"store down"}"""));
        using var client = new EventContractsClient(Events.Options(server.Url));

        var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.CheckCompatibilityAsync("{}", ["{}"]));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("store down", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync(Json, (422, """{"type":"about:blank","title":"Invalid schema","detail":"candidate is not JSON","errorCode":42201}"""));
        using var client = new EventContractsClient(Events.Options(server.Url));

        var e = await Assert.ThrowsAsync<RegistryException>(() => client.CheckCompatibilityAsync("x", []));

        Assert.Single(server.Requests);
        Assert.Equal((422, 42201, "candidate is not JSON"), (e.Status, e.ErrorCode, e.Message));
    }

    [Fact]
    public async Task Confluent_surface_calls_are_retried_too()
    {
        await using var server = await ScriptedServer.StartAsync(Json, (503, "{}"), (200, """{"schema":"{\"type\":\"object\"}","schemaType":"JSON"}"""));
        using var client = new EventContractsClient(Events.Options(server.Url));

        var schema = await client.GetSchemaAsync(5);

        Assert.Equal(5, schema.Id);
        Assert.Equal(2, server.Requests.Count(r => r.Request.StartsWith("GET /schemas/ids/5", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unreachable_registry_fails_with_a_clear_exception()
    {
        using var client = new EventContractsClient(Events.Options("http://127.0.0.1:1"));

        var native = await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.CheckCompatibilityAsync("{}", ["{}"]));
        var confluent = await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.GetSchemaAsync(1));

        Assert.Contains("127.0.0.1:1", native.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", confluent.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("bearer")]
    public async Task Credentials_go_with_both_surfaces(string scheme)
    {
        await using var server = await ScriptedServer.StartAsync(Json, (200, """{"schema":"{}","schemaType":"JSON","compatible":true,"level":"BACKWARD","differences":[]}"""));
        var options = Events.Options(server.Url);
        options.Credentials = scheme == "basic" ? RegistryCredentials.Basic("key", "secret") : RegistryCredentials.Bearer("token-1");
        using var client = new EventContractsClient(options);

        await client.GetSchemaAsync(1);
        await client.CheckCompatibilityAsync("{}", ["{}"]);

        var expected = scheme == "basic" ? "Basic a2V5OnNlY3JldA==" : "Bearer token-1";
        Assert.All(server.Requests, r => Assert.Equal(expected, r.Authorization));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AddEventContracts_registers_a_client_and_a_serializer_factory()
    {
        var services = new ServiceCollection();
        services.AddEventContracts(o => o.Url = new Uri(host.Url), s => s.Validate = false);
        await using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<EventSerializerFactory>();
        var report = await provider.GetRequiredService<EventContractsClient>().CheckCompatibilityAsync(OrderCreatedV2.SchemaText, [OrderCreatedV1.SchemaText]);

        Assert.Same(provider.GetRequiredService<EventContractsClient>(), factory.Client);
        Assert.False(factory.Options.Validate);
        Assert.True(report.Compatible);
    }

    [Fact]
    public async Task AddEventContracts_client_retries_through_the_http_client_factory()
    {
        await using var server = await ScriptedServer.StartAsync(Json, (503, "{}"), (200, Compatible));
        var services = new ServiceCollection();
        services.AddEventContracts(o =>
        {
            o.Url = new Uri(server.Url);
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<EventContractsClient>().CheckCompatibilityAsync("{}", ["{}"]);

        Assert.True(report.Compatible);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void A_type_that_was_not_generated_is_refused_as_a_generated_contract()
    {
        var e = Assert.Throws<ArgumentException>(() => EventContract.FromGenerated<Pinged>());

        Assert.Contains("EventContract.Create<Pinged>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_a_url_are_refused_clearly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new EventContractsClient(new EventContractsClientOptions()));
        Assert.Contains("Url", e.Message, StringComparison.Ordinal);
    }
}
