using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>The native <c>/v1</c> surface, health and OpenAPI, over real HTTP.</summary>
public abstract class NativeApiTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : NativeApiTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : NativeApiTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;

    [SkippableFact]
    public async Task Compatibility_with_schemas_as_strings_answers_the_documented_shape()
    {
        var request = new JsonObject
        {
            ["schemaType"] = "JSON",
            ["level"] = "BACKWARD",
            ["policy"] = "STRICT",
            ["previous"] = new JsonArray(Contracts.Order()),
            ["candidate"] = Contracts.OrderWithMaxLength(10),
        };

        var answer = await HttpAssert.PostAsync(_http, "v1/compatibility", HttpAssert.Body(request.ToJsonString(), "application/json"));

        Assert.Equal(["compatible", "differences", "level"], Keys(answer));
        Assert.False(answer["compatible"]!.GetValue<bool>());
        Assert.Equal("BACKWARD", answer["level"]!.GetValue<string>());
        var difference = answer["differences"]!.AsArray().Single()!;
        Assert.Equal(["againstVersion", "compatible", "message", "path", "type"], Keys(difference));
        Assert.Equal("MAX_LENGTH_ADDED", difference["type"]!.GetValue<string>());
        Assert.Equal("#/properties/orderId/maxLength", difference["path"]!.GetValue<string>());
        Assert.False(difference["compatible"]!.GetValue<bool>());
        Assert.Equal(1, difference["againstVersion"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(difference["message"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Compatibility_with_schemas_as_objects_reports_compatible_differences_too()
    {
        var request = new JsonObject
        {
            ["schemaType"] = "JSON",
            ["level"] = "BACKWARD",
            ["policy"] = "STRICT",
            ["previous"] = new JsonArray(JsonNode.Parse(Contracts.Order())),
            ["candidate"] = JsonNode.Parse(Contracts.Order("currency")),
        };

        var answer = await HttpAssert.PostAsync(_http, "v1/compatibility", HttpAssert.Body(request.ToJsonString(), "application/json"));

        Assert.True(answer["compatible"]!.GetValue<bool>());
        var difference = answer["differences"]!.AsArray().Single()!;
        Assert.Equal("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", difference["type"]!.GetValue<string>());
        Assert.Equal("#/properties/currency", difference["path"]!.GetValue<string>());
        Assert.True(difference["compatible"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Compatibility_under_a_transitive_level_names_each_previous_version_oldest_first()
    {
        var request = new JsonObject
        {
            ["level"] = "BACKWARD_TRANSITIVE",
            ["previous"] = new JsonArray(Contracts.Order(), Contracts.Order("currency")),
            ["candidate"] = Contracts.OrderWithMaxLength(10),
        };

        var answer = await HttpAssert.PostAsync(_http, "v1/compatibility", HttpAssert.Body(request.ToJsonString(), "application/json"));

        Assert.False(answer["compatible"]!.GetValue<bool>());
        Assert.Equal("BACKWARD_TRANSITIVE", answer["level"]!.GetValue<string>());
        var breaking = answer["differences"]!.AsArray().Where(d => !d!["compatible"]!.GetValue<bool>()).ToList();
        Assert.Equal([1, 2], breaking.Where(d => d!["type"]!.GetValue<string>() == "MAX_LENGTH_ADDED").Select(d => d!["againstVersion"]!.GetValue<int>()).Order());

        // Against version 2 the candidate also drops "currency" from a closed model.
        Assert.Contains(breaking, d => d!["againstVersion"]!.GetValue<int>() == 2 && d["path"]!.GetValue<string>() == "#/properties/currency");
    }

    [SkippableFact]
    public async Task Diff_between_two_versions_lists_typed_differences_with_each_level_verdict()
    {
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order("currency"));

        var diff = await HttpAssert.GetAsync(_http, $"v1/subjects/{subject}/diff?from=1&to=2");

        Assert.Equal(subject, diff["subject"]!.GetValue<string>());
        Assert.Equal((1, 2), (diff["from"]!.GetValue<int>(), diff["to"]!.GetValue<int>()));
        Assert.Equal("STRICT", diff["policy"]!.GetValue<string>());
        var verdicts = diff["verdicts"]!.AsObject();
        Assert.True(verdicts["BACKWARD"]!.GetValue<bool>());
        Assert.True(verdicts["NONE"]!.GetValue<bool>());
        Assert.False(verdicts["FULL"]!.GetValue<bool>());
        var added = diff["differences"]!.AsArray().Single(d => d!["type"]!.GetValue<string>() == "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL")!;
        Assert.Equal("#/properties/currency", added["path"]!.GetValue<string>());
        Assert.True(added["levels"]!["BACKWARD"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Diff_of_identical_versions_has_no_differences()
    {
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());

        var diff = await HttpAssert.GetAsync(_http, $"v1/subjects/{subject}/diff?from=1&to=latest");

        Assert.Empty(diff["differences"]!.AsArray());
        Assert.All(diff["verdicts"]!.AsObject(), v => Assert.True(v.Value!.GetValue<bool>(), v.Key));
    }

    [SkippableFact]
    public async Task Lint_reports_each_broken_rule_with_pointer_and_position()
    {
        var request = new JsonObject
        {
            ["eventType"] = "order.create",
            ["schema"] = JsonNode.Parse("""{"type":"object","properties":{"OrderId":{"type":"string"}},"required":["orderId"]}"""),
        };

        var answer = await HttpAssert.PostAsync(_http, "v1/lint", HttpAssert.Body(request.ToJsonString(), "application/json"));

        Assert.False(answer["passed"]!.GetValue<bool>());
        var findings = answer["findings"]!.AsArray().Select(f => f!).ToList();
        var errors = findings.Where(f => f["severity"]!.GetValue<string>() == "error").Select(f => f["ruleId"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "EC001", "EC003", "EC004" }, errors);
        var casing = findings.First(f => f["ruleId"]!.GetValue<string>() == "EC003");
        Assert.Equal("/properties/OrderId", casing["pointer"]!.GetValue<string>().TrimStart('#'));
        Assert.NotNull(casing["line"]);
        Assert.NotNull(casing["column"]);
    }

    [SkippableFact]
    public async Task Lint_of_a_clean_schema_passes()
    {
        var request = new JsonObject
        {
            ["eventType"] = "order.created",
            ["schema"] = Contracts.Order(),
        };

        var answer = await HttpAssert.PostAsync(_http, "v1/lint", HttpAssert.Body(request.ToJsonString(), "application/json"));

        Assert.True(answer["passed"]!.GetValue<bool>());
        Assert.DoesNotContain(answer["findings"]!.AsArray(), f => f!["severity"]!.GetValue<string>() == "error");
    }

    [SkippableTheory]
    [InlineData("health/live", "live")]
    [InlineData("health/ready", "ready")]
    public async Task Health_endpoints_answer_200(string path, string status)
    {
        var answer = await HttpAssert.GetAsync(_http, path);

        Assert.Equal(status, answer["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task OpenApi_document_describes_both_surfaces()
    {
        var document = await HttpAssert.GetAsync(_http, "swagger/v1/swagger.json");

        Assert.NotNull(document["openapi"]);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/subjects/{subject}/versions", paths);
        Assert.Contains("/schemas/ids/{id}", paths);
        Assert.Contains("/v1/compatibility", paths);
        Assert.Contains("/v1/lint", paths);
    }

    [SkippableFact]
    public async Task Swagger_UI_answers()
    {
        using var response = await _http.GetAsync(new Uri("swagger", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
