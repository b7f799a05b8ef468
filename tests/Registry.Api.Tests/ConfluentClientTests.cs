using System.Text.Json.Nodes;
using Confluent.SchemaRegistry;
using Xunit;
using Level = Confluent.SchemaRegistry.Compatibility;

namespace EventContracts.Api.Tests;

/// <summary>Confluent's own <see cref="CachedSchemaRegistryClient"/> (2.16) against the registry on a real port.</summary>
public abstract class ConfluentClientTests(RegistryHost host) : IDisposable
{
    public sealed class OnSqlite(RegistryHost host) : ConfluentClientTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : ConfluentClientTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly CachedSchemaRegistryClient _client = new(new SchemaRegistryConfig { Url = host.Url });

    public void Dispose()
    {
        _client.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Register_returns_an_id_that_lookup_and_get_by_id_agree_on()
    {
        var subject = Contracts.Subject();
        var schema = new Schema(Contracts.Order(), SchemaType.Json);

        var id = await _client.RegisterSchemaAsync(subject, schema);

        var found = await _client.LookupSchemaAsync(subject, schema, ignoreDeletedSchemas: true, normalize: false);
        Assert.Equal(id, found.Id);
        Assert.Equal(1, found.Version);
        Assert.Equal(subject, found.Subject);
        Assert.Equal(SchemaType.Json, found.SchemaType);
        AssertSameJson(Contracts.Order(), found.SchemaString);

        var byId = await _client.GetSchemaAsync(id);
        Assert.Equal(SchemaType.Json, byId.SchemaType);
        AssertSameJson(Contracts.Order(), byId.SchemaString);

        var bySubjectAndId = await _client.GetSchemaBySubjectAndIdAsync(subject, id);
        Assert.Equal(SchemaType.Json, bySubjectAndId.SchemaType);
        AssertSameJson(Contracts.Order(), bySubjectAndId.SchemaString);
    }

    [SkippableFact]
    public async Task Register_same_schema_twice_returns_same_id_and_one_version()
    {
        var subject = Contracts.Subject();

        var first = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order("note"), SchemaType.Json));
        var second = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order("note"), SchemaType.Json));

        Assert.Equal(first, second);
        Assert.Equal([1], await _client.GetSubjectVersionsAsync(subject));
    }

    [SkippableFact]
    public async Task Register_compatible_change_adds_a_version_that_latest_and_by_version_return()
    {
        var subject = Contracts.Subject("order.paid");
        var v1 = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));
        var v2 = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order("currency"), SchemaType.Json));

        Assert.NotEqual(v1, v2);
        Assert.Equal([1, 2], await _client.GetSubjectVersionsAsync(subject));

        var latest = await _client.GetLatestSchemaAsync(subject);
        Assert.Equal((v2, 2, subject), (latest.Id, latest.Version, latest.Subject));
        AssertSameJson(Contracts.Order("currency"), latest.SchemaString);

        var first = await _client.GetRegisteredSchemaAsync(subject, 1, ignoreDeletedSchemas: false);
        Assert.Equal((v1, 1), (first.Id, first.Version));
        Assert.Equal(SchemaType.Json, first.SchemaType);
        AssertSameJson(Contracts.Order(), first.SchemaString);
    }

    [SkippableFact]
    public async Task IsCompatible_answers_true_for_an_added_optional_property_and_false_for_an_added_maxLength()
    {
        var subject = Contracts.Subject();
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));

        Assert.True(await _client.IsCompatibleAsync(subject, new Schema(Contracts.Order("note"), SchemaType.Json)));
        Assert.False(await _client.IsCompatibleAsync(subject, new Schema(Contracts.OrderWithMaxLength(10), SchemaType.Json)));
    }

    [SkippableFact]
    public async Task Incompatible_registration_throws_with_error_code_409()
    {
        var subject = Contracts.Subject();
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => _client.RegisterSchemaAsync(subject, new Schema(Contracts.OrderWithMaxLength(10), SchemaType.Json)));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("MAX_LENGTH_ADDED", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UpdateCompatibility_sets_the_level_GetCompatibility_reads_and_registration_obeys()
    {
        var subject = Contracts.Subject();
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));

        Assert.Equal(Level.None, await _client.UpdateCompatibilityAsync(Level.None, subject));
        Assert.Equal(Level.None, await _client.GetCompatibilityAsync(subject));

        // Refused under the default BACKWARD (see above); NONE lets it in.
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.OrderWithMaxLength(10), SchemaType.Json));
        Assert.Equal([1, 2], await _client.GetSubjectVersionsAsync(subject));

        Assert.Equal(Level.Full, await _client.UpdateCompatibilityAsync(Level.Full, subject));
        Assert.Equal(Level.Full, await _client.GetCompatibilityAsync(subject));
    }

    [SkippableFact]
    public async Task Same_schema_under_two_subjects_shares_one_id()
    {
        var created = Contracts.Subject("order.created-value");
        var paid = Contracts.Subject("order.paid-value");
        var text = Contracts.Order("sharedAcrossSubjects");

        var first = await _client.RegisterSchemaAsync(created, new Schema(text, SchemaType.Json));
        var second = await _client.RegisterSchemaAsync(paid, new Schema(text, SchemaType.Json));

        Assert.Equal(first, second);
        var subjects = await HttpAssert.GetAsync(host.Http, $"schemas/ids/{first}/subjects");
        Assert.Equal([created, paid], subjects.AsArray().Select(s => s!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Versions_are_never_reused_after_a_version_or_the_whole_subject_is_deleted()
    {
        var subject = Contracts.Subject();
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));
        var deletedId = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order("a"), SchemaType.Json));

        // Confluent.SchemaRegistry 2.16 has no delete methods; deletes go over HTTP as any admin tool sends them.
        Assert.Equal(2, (await HttpAssert.DeleteAsync(host.Http, $"subjects/{subject}/versions/2")).GetValue<int>());
        Assert.Equal([1], await _client.GetSubjectVersionsAsync(subject));

        var third = await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order("b"), SchemaType.Json));
        Assert.Equal(3, (await _client.LookupSchemaAsync(subject, new Schema(Contracts.Order("b"), SchemaType.Json), ignoreDeletedSchemas: true, normalize: false)).Version);
        Assert.Equal([1, 3], await _client.GetSubjectVersionsAsync(subject));

        // The soft-deleted version's id still resolves (a consumer may still read messages written with it).
        AssertSameJson(Contracts.Order("a"), (await _client.GetSchemaAsync(deletedId)).SchemaString);

        Assert.Equal([1, 3], (await HttpAssert.DeleteAsync(host.Http, $"subjects/{subject}")).AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal([1, 2, 3], (await HttpAssert.DeleteAsync(host.Http, $"subjects/{subject}?permanent=true")).AsArray().Select(v => v!.GetValue<int>()));

        // Over HTTP: the cached client would answer this registration from its own cache without asking.
        var again = await HttpAssert.RegisterAsync(host.Http, subject, Contracts.Order("b"));
        Assert.Equal(third, again);
        Assert.Equal([4], await _client.GetSubjectVersionsAsync(subject));
    }

    [SkippableFact]
    public async Task Schema_with_a_reference_registers_looks_up_and_reads_back_its_reference()
    {
        const string money = """{"type":"object","properties":{"amount":{"type":"number"}},"required":["amount"],"additionalProperties":false}""";
        const string order = """{"type":"object","properties":{"orderId":{"type":"string"},"total":{"$ref":"money.json"}},"required":["orderId"],"additionalProperties":false}""";
        var moneySubject = Contracts.Subject("money.defined");
        var orderSubject = Contracts.Subject();
        await _client.RegisterSchemaAsync(moneySubject, new Schema(money, SchemaType.Json));
        var schema = new Schema(order, [new SchemaReference("money.json", moneySubject, 1)], SchemaType.Json);

        var id = await _client.RegisterSchemaAsync(orderSubject, schema);

        var found = await _client.LookupSchemaAsync(orderSubject, schema, ignoreDeletedSchemas: true, normalize: false);
        Assert.Equal((id, 1), (found.Id, found.Version));
        using var fresh = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = host.Url });
        var byId = await fresh.GetSchemaAsync(id);
        var reference = Assert.Single(byId.References);
        Assert.Equal(("money.json", moneySubject, 1), (reference.Name, reference.Subject, reference.Version));
    }

    [SkippableFact]
    public async Task All_subjects_lists_registered_subjects()
    {
        var subject = Contracts.Subject();
        await _client.RegisterSchemaAsync(subject, new Schema(Contracts.Order(), SchemaType.Json));

        Assert.Contains(subject, await _client.GetAllSubjectsAsync());
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\n  actual {actual}");
}
