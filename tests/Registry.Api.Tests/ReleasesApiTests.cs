using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary><c>/v1/services/**</c>: recording releases and reading services, over real HTTP and SQLite.</summary>
public abstract class ReleasesApiTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : ReleasesApiTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : ReleasesApiTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;

    [SkippableFact]
    public async Task Record_new_release_returns_201_with_contracts_sorted_and_no_warnings()
    {
        var created = Contracts.Subject("order.created");
        var paid = Contracts.Subject("order.paid");
        await HttpAssert.RegisterAsync(_http, created, Contracts.Order());
        await HttpAssert.RegisterAsync(_http, paid, Contracts.Order());
        var service = GateHttp.Name("orders");

        var release = await GateHttp.RecordReleaseAsync(_http, service, "1.5.0", [$"{paid}@1", $"{created}@1"], [$"{paid}@1"]);

        Assert.Equal(["consumes", "produces", "recordedAt", "service", "version", "warnings"], release.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(service, release["service"]!.GetValue<string>());
        Assert.Equal("1.5.0", release["version"]!.GetValue<string>());
        Assert.Equal([$"{created}@1", $"{paid}@1"], GateHttp.Strings(release["produces"]));
        Assert.Equal([$"{paid}@1"], GateHttp.Strings(release["consumes"]));
        Assert.Empty(release["warnings"]!.AsArray());
        var read = await HttpAssert.GetAsync(_http, $"v1/services/{service}/releases/1.5.0");
        Assert.Equal(release.ToJsonString(), read.ToJsonString());
    }

    [SkippableFact]
    public async Task Record_same_release_again_returns_200_with_the_first_record()
    {
        var service = GateHttp.Name("orders");
        var first = await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", ["a.thing.created@1", "a.thing.created@2"], ["b.thing.paid@1"]);

        // Same contracts, other order: the same release.
        var again = await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", ["a.thing.created@2", "a.thing.created@1"], ["b.thing.paid@1"], HttpStatusCode.OK);

        Assert.Equal(first["recordedAt"]!.GetValue<string>(), again["recordedAt"]!.GetValue<string>());
        Assert.Equal(GateHttp.Strings(first["produces"]), GateHttp.Strings(again["produces"]));
        var services = await HttpAssert.GetAsync(_http, "v1/services");
        Assert.Equal(1, services.AsArray().Single(s => s!["name"]!.GetValue<string>() == service)!["releaseCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Record_same_version_with_other_contracts_returns_409_saying_to_record_a_new_version()
    {
        var service = GateHttp.Name("orders");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", ["a.thing.created@1"], []);

        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Post, $"v1/services/{service}/releases",
            GateHttp.Json(new JsonObject { ["version"] = "1.0.0", ["produces"] = new JsonArray("a.thing.created@2") }), HttpStatusCode.Conflict);

        Assert.Contains("a.thing.created@1", detail, StringComparison.Ordinal);
        Assert.Contains("a.thing.created@2", detail, StringComparison.Ordinal);
        Assert.Contains("record a new version", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Record_release_with_unregistered_contracts_accepts_it_with_a_warning_for_each()
    {
        var subject = Contracts.Subject("order.created");
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());
        var service = GateHttp.Name("orders");

        var release = await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [$"{subject}@1", $"{subject}@2"], ["nobody.thing.created@1"]);

        var warnings = GateHttp.Strings(release["warnings"]);
        Assert.Equal(2, warnings.Length);
        Assert.Contains(warnings, w => w.StartsWith("nobody.thing.created@1: neither subject nobody.thing.created nor nobody.thing.created-value is registered", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"{subject}@2: subject {subject} has no version 2", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Record_release_finds_the_value_subject_of_an_event_type()
    {
        var subject = Contracts.Subject("order.created-value");
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());
        var eventType = subject[..^"-value".Length];

        var release = await GateHttp.RecordReleaseAsync(_http, GateHttp.Name("orders"), "1.0.0", [$"{eventType}@1"], []);

        Assert.Empty(release["warnings"]!.AsArray());
    }

    [SkippableFact]
    public async Task Record_release_may_produce_and_consume_one_type_and_name_two_versions_of_it()
    {
        var release = await GateHttp.RecordReleaseAsync(_http, GateHttp.Name("orders"), "1.0.0", ["a.thing.created@3", "a.thing.created@4"], ["a.thing.created@3"]);

        Assert.Equal(["a.thing.created@3", "a.thing.created@4"], GateHttp.Strings(release["produces"]));
        Assert.Equal(["a.thing.created@3"], GateHttp.Strings(release["consumes"]));
    }

    [SkippableFact]
    public async Task Record_release_reads_the_body_as_json_whatever_its_content_type()
    {
        var service = GateHttp.Name("orders");

        var release = await HttpAssert.SendAsync(_http, HttpMethod.Post, $"v1/services/{service}/releases",
            HttpAssert.Body("""{"version":"1.0.0","produces":["a.thing.created@1"]}""", "text/plain"), HttpStatusCode.Created);
        var missing = await GateHttp.ProblemAsync(_http, HttpMethod.Post, $"v1/services/{service}/releases", null, HttpStatusCode.BadRequest);

        Assert.Equal(["a.thing.created@1"], GateHttp.Strings(release["produces"]));
        Assert.Empty(release["consumes"]!.AsArray());
        Assert.Contains("not valid JSON", missing, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("Orders", """{"version":"1.0.0"}""", "service name 'Orders' is not valid")]
    [InlineData("-orders", """{"version":"1.0.0"}""", "service name '-orders' is not valid")]
    [InlineData("orders", """{"produces":[]}""", "service version is empty")]
    [InlineData("orders", """{"version":"1.0 beta"}""", "contains whitespace")]
    [InlineData("orders", """{"version":"1.0.0","produces":["order.created"]}""", "produces[0]: 'order.created' has no schema version")]
    [InlineData("orders", """{"version":"1.0.0","consumes":["order.created@0"]}""", "consumes[0]: 'order.created@0' has '0' as its schema version")]
    [InlineData("orders", """{"version":"1.0.0","consumes":["a.b.created@1", null]}""", "consumes[1]: the contract is empty")]
    [InlineData("orders", """{"version":"1.0.0","produces":["order.created@3","order.created@3"]}""", "produces lists order.created@3 twice")]
    [InlineData("orders", """{"version":"1.0.0","produces":"order.created@3"}""", "not valid JSON for this endpoint")]
    [InlineData("orders", """{"version":""", "not valid JSON for this endpoint")]
    [InlineData("orders", "null", "The request body is empty")]
    public async Task Record_release_with_bad_input_returns_400_saying_what_to_fix(string service, string body, string expected)
    {
        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Post, $"v1/services/{service}/releases", HttpAssert.Body(body, "application/json"), HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Service_details_list_releases_newest_first_and_current_deployments_by_environment()
    {
        var service = GateHttp.Name("orders");
        var staging = GateHttp.Name("staging");
        var production = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        await GateHttp.RecordReleaseAsync(_http, service, "1.1.0", [], []);
        await GateHttp.DeployAsync(_http, production, service, "1.0.0");
        await GateHttp.DeployAsync(_http, staging, service, "1.1.0");

        var details = await HttpAssert.GetAsync(_http, $"v1/services/{service}");

        Assert.Equal(service, details["name"]!.GetValue<string>());
        Assert.Equal(["1.1.0", "1.0.0"], details["releases"]!.AsArray().Select(r => r!["version"]!.GetValue<string>()));
        var deployments = details["deployments"]!.AsArray();
        Assert.Equal(new[] { production, staging }.Order(StringComparer.Ordinal), deployments.Select(d => d!["environment"]!.GetValue<string>()));
        Assert.Equal(production, deployments.Single(d => d!["version"]!.GetValue<string>() == "1.0.0")!["environment"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Unknown_service_or_release_returns_404_saying_how_to_record_it()
    {
        var service = GateHttp.Name("orders");

        var unknownService = await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/services/{service}", null, HttpStatusCode.NotFound);
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        var unknownRelease = await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/services/{service}/releases/2.0.0", null, HttpStatusCode.NotFound);

        Assert.Contains($"POST /v1/services/{service}/releases", unknownService, StringComparison.Ordinal);
        Assert.Contains($"{service} has no release 2.0.0", unknownRelease, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Concurrent_records_of_one_release_create_it_once()
    {
        var service = GateHttp.Name("orders");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await _http.PostAsync(new Uri($"v1/services/{service}/releases", UriKind.Relative),
                GateHttp.Json(new JsonObject { ["version"] = "1.0.0", ["produces"] = new JsonArray("a.thing.created@1") }));
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.OK));
    }
}
