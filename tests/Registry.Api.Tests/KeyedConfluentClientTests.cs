using System.Text.Json.Nodes;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>Confluent's own client and serdes (2.16) with <c>BasicAuthUserInfo</c> against a registry that has keys.</summary>
public abstract class KeyedConfluentClientTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : KeyedConfluentClientTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : KeyedConfluentClientTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private async Task<CachedSchemaRegistryClient> ClientAsync(string role, params string[] scopes)
    {
        using var admin = ApiKeys.Client(host, await ApiKeys.AdminAsync(host));
        var token = role == "admin" ? await ApiKeys.AdminAsync(host) : await ApiKeys.CreateAsync(admin, role, scopes);
        return new CachedSchemaRegistryClient(new SchemaRegistryConfig
        {
            Url = host.Url,
            BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo,
            BasicAuthUserInfo = token,
        });
    }

    [SkippableFact]
    public async Task Writer_key_registers_and_reads_through_the_client()
    {
        using var client = await ClientAsync("writer");
        var subject = Contracts.Subject();
        var schema = new Schema(Contracts.Order(), SchemaType.Json);

        var id = await client.RegisterSchemaAsync(subject, schema);

        Assert.Equal(id, (await client.LookupSchemaAsync(subject, schema, ignoreDeletedSchemas: true, normalize: false)).Id);
        Assert.Equal(SchemaType.Json, (await client.GetSchemaAsync(id)).SchemaType);
        Assert.Contains(subject, await client.GetAllSubjectsAsync());
    }

    [SkippableFact]
    public async Task Reader_key_reads_but_registering_fails_with_40301()
    {
        using var writer = await ClientAsync("writer");
        var subject = Contracts.Subject();
        var id = await writer.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));
        using var reader = await ClientAsync("reader");

        Assert.Equal([1], await reader.GetSubjectVersionsAsync(subject));
        Assert.Equal(SchemaType.Json, (await reader.GetSchemaAsync(id)).SchemaType);
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => reader.RegisterSchemaAsync(subject, new Schema(Contracts.Order("note"), SchemaType.Json)));
        Assert.Equal(40301, refused.ErrorCode);
    }

    [SkippableFact]
    public async Task Client_without_credentials_gets_40101()
    {
        await ApiKeys.AdminAsync(host);
        using var anonymous = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = host.Url });

        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => anonymous.GetAllSubjectsAsync());

        Assert.Equal(40101, refused.ErrorCode);
    }

    [SkippableFact]
    public async Task Serializer_with_a_scoped_writer_key_registers_under_its_prefix_and_round_trips()
    {
        var topic = Contracts.Subject("order.created");
        var prefix = topic[..(topic.IndexOf('.', StringComparison.Ordinal) + 1)];
        using var client = await ClientAsync("writer", prefix);
        var serializer = new JsonSerializer<OrderCreated>(client);
        var deserializer = new JsonDeserializer<OrderCreated>(client, new JsonDeserializerConfig());
        var context = new SerializationContext(MessageComponentType.Value, topic);

        var bytes = await serializer.SerializeAsync(new OrderCreated { OrderId = "o-1", CustomerId = "c-9", Amount = 12.5m }, context);

        var read = await deserializer.DeserializeAsync(bytes, isNull: false, context);
        Assert.Equal("o-1", read.OrderId);
        using var admin = ApiKeys.Client(host, await ApiKeys.AdminAsync(host));
        var latest = await HttpAssert.GetAsync(admin, $"subjects/{topic}-value/versions/latest");
        Assert.Equal("object", JsonNode.Parse(latest["schema"]!.GetValue<string>())!["type"]!.GetValue<string>());
    }
}
