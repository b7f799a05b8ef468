using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary><c>/v1/environments/**</c>: environments, deployments, undeployments and history, over real HTTP, on SQLite and PostgreSQL.</summary>
public abstract class DeploymentsApiTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : DeploymentsApiTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : DeploymentsApiTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;

    [SkippableFact]
    public async Task Put_environment_returns_201_then_200_and_lists_it()
    {
        var environment = GateHttp.Name("staging");

        var created = await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{environment}", expected: HttpStatusCode.Created);
        var again = await HttpAssert.SendAsync(_http, HttpMethod.Put, $"v1/environments/{environment}", expected: HttpStatusCode.OK);
        var list = await HttpAssert.GetAsync(_http, "v1/environments");

        Assert.Equal(environment, created["name"]!.GetValue<string>());
        Assert.Equal(created["createdAt"]!.GetValue<string>(), again["createdAt"]!.GetValue<string>());
        var listed = list.AsArray().Single(e => e!["name"]!.GetValue<string>() == environment)!;
        Assert.Equal(0, listed["deployedServices"]!.GetValue<int>());
        var names = list.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [SkippableFact]
    public async Task Deploy_of_an_unrecorded_release_returns_404_saying_to_record_it_first()
    {
        var service = GateHttp.Name("orders");
        var environment = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);

        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Post, $"v1/environments/{environment}/deployments",
            GateHttp.Json(new JsonObject { ["service"] = service, ["version"] = "2.0.0" }), HttpStatusCode.NotFound);

        Assert.Contains($"{service} 2.0.0 is not a recorded release; record it first", detail, StringComparison.Ordinal);
        await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/environments/{environment}", null, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Deploy_creates_the_environment_and_replaces_the_previous_version_keeping_history()
    {
        var service = GateHttp.Name("orders");
        var other = GateHttp.Name("billing");
        var environment = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        await GateHttp.RecordReleaseAsync(_http, service, "1.1.0", [], []);
        await GateHttp.RecordReleaseAsync(_http, other, "3.0.0", [], []);

        var first = await GateHttp.DeployAsync(_http, environment, service, "1.0.0");
        await GateHttp.DeployAsync(_http, environment, other, "3.0.0");
        var second = await GateHttp.DeployAsync(_http, environment, service, "1.1.0");

        Assert.Equal(["deployedAt", "endedAt", "endedBy", "environment", "replaced", "service", "version"], second.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(first["replaced"]);
        Assert.Equal("1.0.0", second["replaced"]!.GetValue<string>());
        Assert.Null(second["endedAt"]);
        var details = await HttpAssert.GetAsync(_http, $"v1/environments/{environment}");
        Assert.Equal(new[] { (other, "3.0.0"), (service, "1.1.0") }.OrderBy(p => p.Item1, StringComparer.Ordinal),
            details["deployments"]!.AsArray().Select(d => (d!["service"]!.GetValue<string>(), d["version"]!.GetValue<string>())));
        var history = (await HttpAssert.GetAsync(_http, $"v1/environments/{environment}/deployments/history?service={service}")).AsArray();
        Assert.Equal(["1.1.0", "1.0.0"], history.Select(d => d!["version"]!.GetValue<string>()));
        Assert.Equal("replaced", history[1]!["endedBy"]!.GetValue<string>());
        Assert.Equal(second["deployedAt"]!.GetValue<string>(), history[1]!["endedAt"]!.GetValue<string>());
        Assert.Equal(3, (await HttpAssert.GetAsync(_http, $"v1/environments/{environment}/deployments/history")).AsArray().Count);
    }

    [SkippableFact]
    public async Task Deploy_of_the_current_version_again_returns_200_without_a_history_entry()
    {
        var service = GateHttp.Name("orders");
        var environment = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        var first = await GateHttp.DeployAsync(_http, environment, service, "1.0.0");

        var again = await GateHttp.DeployAsync(_http, environment, service, "1.0.0", HttpStatusCode.OK);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Single((await HttpAssert.GetAsync(_http, $"v1/environments/{environment}/deployments/history")).AsArray());
    }

    [SkippableFact]
    public async Task Undeploy_ends_the_current_deployment_and_a_second_undeploy_returns_404()
    {
        var service = GateHttp.Name("orders");
        var environment = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        await GateHttp.DeployAsync(_http, environment, service, "1.0.0");

        var ended = await HttpAssert.DeleteAsync(_http, $"v1/environments/{environment}/deployments/{service}");
        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Delete, $"v1/environments/{environment}/deployments/{service}", null, HttpStatusCode.NotFound);

        Assert.Equal("undeployed", ended["endedBy"]!.GetValue<string>());
        Assert.NotNull(ended["endedAt"]);
        Assert.Equal("1.0.0", ended["version"]!.GetValue<string>());
        Assert.Contains($"{service} is not deployed in {environment}", detail, StringComparison.Ordinal);
        Assert.Empty((await HttpAssert.GetAsync(_http, $"v1/environments/{environment}"))["deployments"]!.AsArray());
        Assert.Equal("undeployed", (await HttpAssert.GetAsync(_http, $"v1/environments/{environment}/deployments/history"))[0]!["endedBy"]!.GetValue<string>());

        // Deployed again after the undeployment: nothing to replace.
        var redeployed = await GateHttp.DeployAsync(_http, environment, service, "1.0.0");
        Assert.Null(redeployed["replaced"]);
    }

    [SkippableFact]
    public async Task Concurrent_deployments_of_one_service_to_one_environment_leave_one_current()
    {
        var service = GateHttp.Name("orders");
        var environment = GateHttp.Name("production");
        var versions = Enumerable.Range(1, 12).Select(i => $"1.{i}.0").ToList();
        foreach (var version in versions)
        {
            await GateHttp.RecordReleaseAsync(_http, service, version, [], []);
        }

        var statuses = await Task.WhenAll(versions.Select(async version =>
        {
            using var response = await _http.PostAsync(new Uri($"v1/environments/{environment}/deployments", UriKind.Relative),
                GateHttp.Json(new JsonObject { ["service"] = service, ["version"] = version }));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var current = (await HttpAssert.GetAsync(_http, $"v1/environments/{environment}"))["deployments"]!.AsArray();
        var history = (await HttpAssert.GetAsync(_http, $"v1/environments/{environment}/deployments/history")).AsArray();
        Assert.Single(current);
        Assert.Equal(12, history.Count);
        Assert.Single(history, d => d!["endedAt"] is null);
        Assert.Equal(current[0]!["version"]!.GetValue<string>(), history[0]!["version"]!.GetValue<string>());

        // Each ended deployment was replaced by the next one: the chain of "replaced" walks the whole history.
        for (var i = 0; i < history.Count - 1; i++)
        {
            Assert.Equal(history[i + 1]!["version"]!.GetValue<string>(), history[i]!["replaced"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task Database_refuses_a_second_current_deployment_of_a_service_in_an_environment()
    {
        var service = GateHttp.Name("orders");
        var environment = GateHttp.Name("production");
        await GateHttp.RecordReleaseAsync(_http, service, "1.0.0", [], []);
        await GateHttp.DeployAsync(_http, environment, service, "1.0.0");
        await using var connection = host.OpenDatabase();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        // What a second replica racing past its own checks would write: another current row for the pair. Quoted
        // names and an @ parameter read the same in SQLite and PostgreSQL.
        command.CommandText = """
            INSERT INTO deployments ("EnvironmentId", "ServiceId", "ReleaseId", "DeployedAt")
            SELECT "EnvironmentId", "ServiceId", "ReleaseId", "DeployedAt" FROM deployments
            WHERE "EnvironmentId" = (SELECT "Id" FROM environments WHERE "Name" = @environment) AND "EndedAt" IS NULL
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "environment";
        parameter.Value = environment;
        command.Parameters.Add(parameter);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());

        // SQLite: "UNIQUE constraint failed"; PostgreSQL: "duplicate key value violates unique constraint".
        Assert.Contains("unique constraint", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("PUT", "v1/environments/Prod", null, "environment name 'Prod' is not valid")]
    [InlineData("GET", "v1/environments/prod_", null, "")]
    [InlineData("POST", "v1/environments/prod%20us/deployments", """{"service":"orders","version":"1.0.0"}""", "environment name 'prod us' is not valid")]
    [InlineData("POST", "v1/environments/prod/deployments", """{"version":"1.0.0"}""", "service name is empty")]
    [InlineData("POST", "v1/environments/prod/deployments", """{"service":"orders"}""", "service version is empty")]
    [InlineData("POST", "v1/environments/prod/deployments", """{"service":"orders","version":"a/b"}""", "contains whitespace, a control character or '/'")]
    [InlineData("POST", "v1/environments/prod/deployments", """["orders"]""", "not valid JSON for this endpoint")]
    [InlineData("POST", "v1/environments/prod/deployments", "", "not valid JSON for this endpoint")]
    [InlineData("DELETE", "v1/environments/prod/deployments/Orders", null, "service name 'Orders' is not valid")]
    [InlineData("GET", "v1/environments/prod/deployments/history?service=Orders", null, "service name 'Orders' is not valid")]
    public async Task Bad_names_and_bodies_return_400_saying_what_to_fix(string method, string path, string? body, string expected)
    {
        var status = path.EndsWith("prod_", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;

        var detail = await GateHttp.ProblemAsync(_http, new HttpMethod(method), path, body is null ? null : HttpAssert.Body(body, "application/json"), status);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_environment_returns_404_for_reads_and_undeploy()
    {
        var environment = GateHttp.Name("nowhere");

        var detail = await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/environments/{environment}", null, HttpStatusCode.NotFound);
        await GateHttp.ProblemAsync(_http, HttpMethod.Get, $"v1/environments/{environment}/deployments/history", null, HttpStatusCode.NotFound);
        await GateHttp.ProblemAsync(_http, HttpMethod.Delete, $"v1/environments/{environment}/deployments/orders", null, HttpStatusCode.NotFound);

        Assert.Contains($"PUT /v1/environments/{environment}", detail, StringComparison.Ordinal);
    }
}
