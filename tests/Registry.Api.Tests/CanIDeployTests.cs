using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// <c>GET /v1/can-i-deploy</c> over real HTTP and SQLite: the rules of docs/deploy-gate.md, each with the verdict,
/// counts, findings and reasons it must give. Every test has its own event types, services and environment.
/// </summary>
public abstract class CanIDeployTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : CanIDeployTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : CanIDeployTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;
    private readonly string _env = GateHttp.Name("production");
    private readonly string _orders = GateHttp.Name("orders");
    private readonly string _billing = GateHttp.Name("billing");

    [SkippableFact]
    public async Task Producer_adding_an_optional_property_to_an_open_event_is_safe()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Open([]), GateSchemas.Open([], "currency:string"));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("safe", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal((_orders, "2.0.0", _billing, "1.0.0", 2, 1), (Text(pair, "producer"), Text(pair, "producerVersion"), Text(pair, "consumer"), Text(pair, "consumerVersion"), pair["writerVersion"]!.GetValue<int>(), pair["readerVersion"]!.GetValue<int>()));
        Assert.Equal("safe", Text(pair, "verdict"));
        Assert.Null(pair["reason"]);
        var difference = Assert.Single(pair["differences"]!.AsArray())!;
        Assert.Equal(("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", "#/properties/currency", true), (Text(difference, "type"), Text(difference, "path"), difference["compatible"]!.GetValue<bool>()));
        Assert.Equal(Counts(1, 1, 0, 0, 0), report["counts"]!.ToJsonString());
        Assert.Empty(report["warnings"]!.AsArray());
        Assert.Empty(report["findings"]!.AsArray());
    }

    [SkippableFact]
    public async Task Producer_removing_a_property_a_deployed_consumer_requires_is_unsafe_naming_consumer_and_property()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "2.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "1.5.0", [$"{type}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "1.5.0", _env);

        Assert.Equal("unsafe", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal("unsafe", Text(pair, "verdict"));
        Assert.Equal(type, Text(pair, "subject"));
        Assert.Equal($"{_billing} 2.0.0 reads {type} v1 and requires `amount`; {_orders} 1.5.0 writes v2 without it.", Text(pair, "reason"));
        Assert.Contains(pair["differences"]!.AsArray(), d => Text(d!, "type") == "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL" && Text(d!, "path") == "#/properties/amount" && !d!["compatible"]!.GetValue<bool>());
        Assert.Equal(Counts(1, 0, 1, 0, 0), report["counts"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Consumer_requiring_a_property_the_deployed_producer_does_not_write_is_unsafe_until_a_producer_writes_it()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]), GateSchemas.Closed(["amount"], "amount:number"));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await GateHttp.RecordReleaseAsync(_http, _billing, "2.0.0", [], [$"{type}@2"]);

        var before = await GateHttp.CanIDeployAsync(_http, _billing, "2.0.0", _env);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.1.0", [$"{type}@2"], []);
        var after = await GateHttp.CanIDeployAsync(_http, _billing, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(before));
        var pair = Assert.Single(before["pairs"]!.AsArray())!;
        Assert.Equal((_orders, "1.0.0", 1, 2), (Text(pair, "producer"), Text(pair, "producerVersion"), pair["writerVersion"]!.GetValue<int>(), pair["readerVersion"]!.GetValue<int>()));
        Assert.Equal($"{_billing} 2.0.0 reads {type} v2 and requires `amount`; {_orders} 1.0.0 writes v1 without it.", Text(pair, "reason"));
        Assert.Equal("safe", Verdict(after));
        var afterPair = Assert.Single(after["pairs"]!.AsArray())!;
        Assert.Equal(("1.1.0", 2, "safe"), (Text(afterPair, "producerVersion"), afterPair["writerVersion"]!.GetValue<int>(), Text(afterPair, "verdict")));
    }

    [SkippableFact]
    public async Task Property_type_change_is_unsafe_with_both_types_in_the_reason()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([], "amount:number"), GateSchemas.Closed([], "amount:string"));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Contains(pair["differences"]!.AsArray(), d => Text(d!, "type") == "TYPE_CHANGED" && Text(d!, "path").StartsWith("#/properties/amount", StringComparison.Ordinal));
        Assert.StartsWith($"{_billing} 1.0.0 reads {type} v1 and expects `amount` as number; {_orders} 2.0.0 writes v2 with it as string", Text(pair, "reason"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Consumer_narrowing_an_enum_is_unsafe_and_says_which_values_it_accepts()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([], "status:enum=new|paid|shipped"), GateSchemas.Closed([], "status:enum=new|paid"));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await GateHttp.RecordReleaseAsync(_http, _billing, "1.0.0", [], [$"{type}@2"]);

        var report = await GateHttp.CanIDeployAsync(_http, _billing, "1.0.0", _env);

        Assert.Equal("unsafe", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Contains(pair["differences"]!.AsArray(), d => Text(d!, "type") == "ENUM_ARRAY_NARROWED");
        Assert.StartsWith($"{_billing} 1.0.0 reads {type} v2 and accepts", Text(pair, "reason"), StringComparison.Ordinal);
        Assert.Contains("`status`", Text(pair, "reason"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Consumed_type_without_producer_is_safe_with_a_warning_and_unknown_when_producers_are_required()
    {
        var type = Contracts.Subject("payment.refunded");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]));
        await GateHttp.RecordReleaseAsync(_http, _billing, "2.0.0", [], [$"{type}@1"]);
        await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{_env}", expected: HttpStatusCode.Created);

        var lenient = await GateHttp.CanIDeployAsync(_http, _billing, "2.0.0", _env);
        var strict = await GateHttp.CanIDeployAsync(_http, _billing, "2.0.0", _env, "&requireProducers=true");

        Assert.Equal("safe", Verdict(lenient));
        var expected = $"{_billing} 2.0.0 consumes {type}@1, but no service in {_env} produces {type}.";
        Assert.Equal([expected], GateHttp.Strings(lenient["warnings"]));
        var finding = Assert.Single(lenient["findings"]!.AsArray())!;
        Assert.Equal(("missingProducer", "warning", type, _billing, "2.0.0", expected), (Text(finding, "kind"), Text(finding, "verdict"), Text(finding, "eventType"), Text(finding, "service"), Text(finding, "version"), Text(finding, "message")));
        Assert.Equal("unknown", Verdict(strict));
        Assert.True(strict["requireProducers"]!.GetValue<bool>());
        Assert.Equal("unknown", Text(strict["findings"]![0]!, "verdict"));
        Assert.Empty(strict["warnings"]!.AsArray());
    }

    [SkippableFact]
    public async Task Release_naming_a_schema_version_that_does_not_exist_is_unknown()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@7"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unknown", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal("unknown", Text(pair, "verdict"));
        Assert.Equal($"{_orders} 2.0.0 writes {type} v7, which cannot be resolved: subject {type} has no version 7.", Text(pair, "reason"));
        var finding = Assert.Single(report["findings"]!.AsArray())!;
        Assert.Equal(("unresolved", "unknown"), (Text(finding, "kind"), Text(finding, "verdict")));
        Assert.Equal(Counts(1, 0, 0, 1, 0), report["counts"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Unrecorded_release_or_unknown_service_is_unknown_not_an_error()
    {
        await GateHttp.RecordReleaseAsync(_http, _orders, "1.0.0", [], []);
        await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{_env}", expected: HttpStatusCode.Created);

        var unrecorded = await GateHttp.CanIDeployAsync(_http, _orders, "9.9.9", _env);
        var unknown = await GateHttp.CanIDeployAsync(_http, GateHttp.Name("ghost"), "1.0.0", _env);

        Assert.Equal("unknown", Verdict(unrecorded));
        Assert.Contains($"{_orders} 9.9.9 is not a recorded release", Text(unrecorded["findings"]![0]!, "message"), StringComparison.Ordinal);
        Assert.Equal("unknown", Verdict(unknown));
        Assert.Equal("unresolved", Text(unknown["findings"]![0]!, "kind"));
        Assert.Contains("is not a known service", Text(unknown["findings"]![0]!, "message"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Dropping_a_type_a_deployed_consumer_reads_is_unsafe_unless_another_producer_remains()
    {
        var type = Contracts.Subject("order.paid");
        var legacy = GateHttp.Name("legacy");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [], []);

        var orphaning = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, legacy, "1.0.0", [$"{type}@1"], []);
        var covered = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(orphaning));
        Assert.Empty(orphaning["pairs"]!.AsArray());
        var finding = Assert.Single(orphaning["findings"]!.AsArray())!;
        Assert.Equal(("orphanedConsumer", "unsafe", type, _billing, "1.0.0"), (Text(finding, "kind"), Text(finding, "verdict"), Text(finding, "eventType"), Text(finding, "service"), Text(finding, "version")));
        Assert.Equal($"{_billing} 1.0.0 consumes {type}, which {_orders} 1.0.0 produces in {_env} and {_orders} 2.0.0 no longer does; no other service there produces it.", Text(finding, "message"));
        Assert.Equal("safe", Verdict(covered));
        Assert.Empty(covered["findings"]!.AsArray());
    }

    [SkippableFact]
    public async Task Ignored_service_is_reported_but_does_not_decide_the_verdict()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env, $"&ignore={_billing}&ignore={_billing}");

        Assert.Equal("safe", Verdict(report));
        Assert.Equal([_billing], GateHttp.Strings(report["ignored"]));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal(("unsafe", true), (Text(pair, "verdict"), pair["ignored"]!.GetValue<bool>()));
        Assert.Equal(Counts(1, 0, 0, 0, 1), report["counts"]!.ToJsonString());
        var finding = Assert.Single(report["findings"]!.AsArray())!;
        Assert.Equal(("ignored", "warning", _billing), (Text(finding, "kind"), Text(finding, "verdict"), Text(finding, "service")));
        Assert.Equal([Text(finding, "message")], GateHttp.Strings(report["warnings"]));
    }

    [SkippableFact]
    public async Task Lenient_policy_of_the_subject_turns_a_removed_closed_property_safe()
    {
        var strictType = Contracts.Subject("order.created");
        var lenientType = Contracts.Subject("order.created");
        string[] schemas = [GateSchemas.Closed([]), GateSchemas.Closed([], "currency:string")];
        await GateSchemas.RegisterAsync(_http, strictType, null, schemas);
        await GateSchemas.RegisterAsync(_http, lenientType, "LENIENT", schemas);
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{strictType}@1", $"{lenientType}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{strictType}@2", $"{lenientType}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        var pairs = report["pairs"]!.AsArray();
        Assert.Equal(2, pairs.Count);
        var strict = pairs.Single(p => Text(p!, "eventType") == strictType)!;
        var lenient = pairs.Single(p => Text(p!, "eventType") == lenientType)!;
        Assert.Equal("unsafe", Text(strict, "verdict"));
        Assert.Equal($"{_billing} 1.0.0 reads {strictType} v1, which no longer accepts `currency`; {_orders} 2.0.0 writes v2, which may send it.", Text(strict, "reason"));
        Assert.Equal("safe", Text(lenient, "verdict"));
        var difference = Assert.Single(lenient["differences"]!.AsArray())!;
        Assert.Equal(("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", true), (Text(difference, "type"), difference["compatible"]!.GetValue<bool>()));
        Assert.Equal("unsafe", Verdict(report));
    }

    [SkippableFact]
    public async Task Event_type_registered_as_a_value_subject_is_resolved_there_unless_the_plain_subject_exists()
    {
        var valueSubject = Contracts.Subject("order.created-value");
        var type = valueSubject[..^"-value".Length];
        await GateSchemas.RegisterAsync(_http, valueSubject, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], []);

        var fromValue = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        // Once the plain subject exists it wins; it has a single, different version, so v2 no longer resolves.
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]));
        var fromPlain = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(fromValue));
        Assert.Equal(valueSubject, Text(fromValue["pairs"]![0]!, "subject"));
        Assert.Equal("unknown", Verdict(fromPlain));
        Assert.Equal(type, Text(fromPlain["pairs"]![0]!, "subject"));
    }

    [SkippableFact]
    public async Task Service_consuming_what_it_produces_is_checked_against_itself_once()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));
        await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{_env}", expected: HttpStatusCode.Created);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], [$"{type}@1"]);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(report));
        var pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal((_orders, _orders, 2, 1), (Text(pair, "producer"), Text(pair, "consumer"), pair["writerVersion"]!.GetValue<int>(), pair["readerVersion"]!.GetValue<int>()));
        Assert.Empty(report["findings"]!.AsArray());
    }

    [SkippableFact]
    public async Task Service_producing_two_versions_of_a_type_is_checked_for_each()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _billing, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2", $"{type}@1"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("unsafe", Verdict(report));
        var pairs = report["pairs"]!.AsArray();
        Assert.Equal([(1, "safe"), (2, "unsafe")], pairs.Select(p => (p!["writerVersion"]!.GetValue<int>(), Text(p, "verdict"))));
        Assert.Equal(Counts(2, 1, 1, 0, 0), report["counts"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Candidate_replaces_the_current_version_of_its_service()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed(["amount"], "amount:number"), GateSchemas.Closed([]));

        // The deployed orders 1.0.0 consumes v1 and could not read v2; the candidate replaces it, so that pair does not exist.
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [], [$"{type}@1"]);
        await GateHttp.RecordReleaseAsync(_http, _orders, "2.0.0", [$"{type}@2"], []);

        var report = await GateHttp.CanIDeployAsync(_http, _orders, "2.0.0", _env);

        Assert.Equal("safe", Verdict(report));
        Assert.Empty(report["pairs"]!.AsArray());
    }

    [SkippableFact]
    public async Task Soft_deleted_schema_version_is_still_used_and_noted()
    {
        var type = Contracts.Subject("order.created");
        await GateSchemas.RegisterAsync(_http, type, null, GateSchemas.Closed([]), GateSchemas.Closed([], "currency:string"));
        await GateHttp.ReleaseAndDeployAsync(_http, _env, _orders, "1.0.0", [$"{type}@1"], []);
        await HttpAssert.DeleteAsync(_http, $"subjects/{type}/versions/1");
        await GateHttp.RecordReleaseAsync(_http, _billing, "1.0.0", [], [$"{type}@2"]);

        var report = await GateHttp.CanIDeployAsync(_http, _billing, "1.0.0", _env);

        Assert.Equal("safe", Verdict(report));
        Assert.Equal([$"{type}@1 is soft-deleted in subject {type}; its schema is still used."], GateHttp.Strings(report["warnings"]));
    }

    [SkippableFact]
    public async Task Report_has_the_documented_shape_and_a_server_timing_header()
    {
        await GateHttp.RecordReleaseAsync(_http, _orders, "1.0.0", [], []);
        await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{_env}", expected: HttpStatusCode.Created);

        using var response = await _http.GetAsync(new Uri($"v1/can-i-deploy?service={_orders}&version=1.0.0&environment={_env}", UriKind.Relative));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^gate;dur=\d+(\.\d+)?$", string.Join(",", response.Headers.GetValues("Server-Timing")));
        Assert.Equal(["counts", "environment", "findings", "ignored", "pairs", "requireProducers", "service", "verdict", "version", "warnings"], report.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("safe", Verdict(report));
        Assert.Equal(Counts(0, 0, 0, 0, 0), report["counts"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Unknown_environment_returns_404_so_a_typo_is_never_safe()
    {
        (await _http.PutAsync($"v1/environments/{_env}", null)).EnsureSuccessStatusCode();
        await GateHttp.RecordReleaseAsync(_http, _orders, "1.0.0", [], []);

        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/can-i-deploy?service={_orders}&version=1.0.0&environment=prodution", null, HttpStatusCode.NotFound);

        Assert.Contains("Environment prodution is not known (known: ", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_environment_in_an_empty_registry_says_none_is_recorded()
    {
        await using var empty = await RegistryHost.StartNewAsync(new Dictionary<string, string?>(), host.Provider);

        var detail = await GateHttp.ProblemAsync(empty.Http, HttpMethod.Get, "v1/can-i-deploy?service=orders&version=1.0.0&environment=production", null, HttpStatusCode.NotFound);

        Assert.Contains("Environment production is not known (none is recorded yet)", detail, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("version=1.0.0&environment=production", "Query parameter service is required")]
    [InlineData("service=orders&environment=production", "Query parameter version is required")]
    [InlineData("service=orders&version=1.0.0", "Query parameter environment is required")]
    [InlineData("service=orders&version=&environment=production", "Query parameter version is required")]
    [InlineData("service=Orders&version=1.0.0&environment=production", "service name 'Orders' is not valid")]
    [InlineData("service=orders&version=1.0.0&environment=Production", "environment name 'Production' is not valid")]
    [InlineData("service=orders&version=1%202&environment=production", "contains whitespace")]
    [InlineData("service=orders&service=billing&version=1.0.0&environment=production", "Query parameter service is given 2 times")]
    [InlineData("service=orders&version=1.0.0&environment=production&requireProducers=yes", "requireProducers=yes is not a boolean")]
    [InlineData("service=orders&version=1.0.0&environment=production&ignore=Billing", "service name 'Billing' is not valid")]
    [InlineData("service=orders&version=1.0.0&environment=production&ignore=orders", "ignore=orders names the service being checked")]
    public async Task Bad_query_returns_400_saying_what_to_send(string query, string expected)
    {
        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/can-i-deploy?{query}", null, HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    private static string Verdict(JsonNode report) => Text(report, "verdict");

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static string Counts(int pairs, int safe, int @unsafe, int unknown, int ignored) =>
        new JsonObject { ["pairs"] = pairs, ["safe"] = safe, ["unsafe"] = @unsafe, ["unknown"] = unknown, ["ignored"] = ignored }.ToJsonString();
}
