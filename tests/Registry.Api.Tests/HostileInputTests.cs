using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// DESIGN §13 limits, each attacked through the real HTTP surface: body and schema size, nesting depth, <c>$ref</c>
/// expansion and cycles, regular expressions from schemas, remote references. Every answer is a 4xx (or a verdict),
/// never a 5xx, a hang or an outbound connection.
/// </summary>
public abstract class HostileInputTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : HostileInputTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : HostileInputTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;
    private bool _warm;

    [SkippableFact]
    public async Task A_body_over_the_request_limit_is_413_on_both_surfaces()
    {
        var small = await RegistryHost.StartNewAsync(new Dictionary<string, string?> { ["Registry:MaxRequestBodyBytes"] = "4096" }, host.Provider);
        try
        {
            var schema = new JsonObject { ["type"] = "object", ["description"] = new string('x', 8000) }.ToJsonString();

            var message = await HttpAssert.ConfluentErrorAsync(small.Http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema), 413);
            using var native = await small.Http.PostAsync("v1/lint", HttpAssert.Body(new { schema = JsonNode.Parse(schema) }, "application/json"));
            var problem = JsonNode.Parse(await native.Content.ReadAsStringAsync())!;

            Assert.Contains("4,096 bytes", message, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, native.StatusCode);
            Assert.Equal("application/problem+json", native.Content.Headers.ContentType?.MediaType);
            Assert.Equal(413, problem["status"]!.GetValue<int>());
            await HttpAssert.RegisterAsync(small.Http, Contracts.Subject(), Contracts.Order());
        }
        finally
        {
            await small.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_chunked_body_over_the_request_limit_is_413()
    {
        var small = await RegistryHost.StartNewAsync(new Dictionary<string, string?> { ["Registry:MaxRequestBodyBytes"] = "4096" }, host.Provider);
        try
        {
            var schema = new JsonObject { ["type"] = "object", ["description"] = new string('x', 8000) }.ToJsonString();
            using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(JsonNode.Parse($$"""{"schema":{{System.Text.Json.JsonSerializer.Serialize(schema)}}}""")!.ToJsonString())));
            content.Headers.ContentType = new("application/vnd.schemaregistry.v1+json");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions") { Content = content };
            request.Headers.TransferEncodingChunked = true;

            using var response = await small.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(413, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_code"]!.GetValue<int>());
        }
        finally
        {
            await small.DisposeAsync();
        }
    }

    [SkippableTheory]
    [InlineData(300)]
    [InlineData(20_000)]
    public async Task Schemas_nested_deeper_than_the_limit_are_42201(int depth)
    {
        var schema = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            schema.Append("{\"type\":\"array\",\"items\":");
        }

        schema.Append("{\"type\":\"string\"}").Append('}', depth);

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema.ToString()), 42201);

        Assert.Contains("nests deeper than 256 levels", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_request_body_nested_past_any_limit_is_a_4xx()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);

        using var response = await _http.PostAsync($"subjects/{Contracts.Subject()}/versions", HttpAssert.Body(body));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_code"]);
    }

    [SkippableFact]
    public async Task Exponential_ref_expansion_is_answered_quickly()
    {
        // a1 = [a0, a0], a2 = [a1, a1] … a40: expanded naively that is 2^40 nodes.
        var defs = new JsonObject { ["a0"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "string" } } } };
        for (var i = 1; i <= 40; i++)
        {
            defs["a" + i] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["left"] = new JsonObject { ["$ref"] = $"#/$defs/a{i - 1}" },
                    ["right"] = new JsonObject { ["$ref"] = $"#/$defs/a{i - 1}" },
                },
            };
        }

        string Schema(string leafType)
        {
            var copy = defs.DeepClone().AsObject();
            copy["a0"]!["properties"]!["x"]!["type"] = leafType;
            return new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["root"] = new JsonObject { ["$ref"] = "#/$defs/a40" } }, ["$defs"] = copy }.ToJsonString();
        }

        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Schema("string"));

        var (status, elapsed) = await TimedAsync(() => _http.PostAsync($"compatibility/subjects/{subject}/versions/latest", HttpAssert.SchemaBody(Schema("integer"))));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, status.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:0} ms");
    }

    [SkippableFact]
    public async Task A_catastrophic_pattern_is_cut_off_by_the_regex_timeout()
    {
        // ^(a+)+$ backtracks exponentially on "aaaa…a!"; the comparison matches property names against patternProperties.
        var name = new string('a', 40) + "!";
        var previous = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [name] = new JsonObject { ["type"] = "string" } },
            ["additionalProperties"] = false,
        }.ToJsonString();
        var candidate = new JsonObject
        {
            ["type"] = "object",
            ["patternProperties"] = new JsonObject { ["^(a+)+$"] = new JsonObject { ["type"] = "string" } },
            ["additionalProperties"] = false,
        }.ToJsonString();

        foreach (var (before, after) in new[] { (previous, candidate), (candidate, previous) })
        {
            // The stateless check: registration would refuse the property name by lint (EC003) before comparing.
            var body = HttpAssert.Body(new { previous = new[] { JsonNode.Parse(before) }, candidate = JsonNode.Parse(after) }, "application/json");

            var (status, elapsed) = await TimedAsync(() => _http.PostAsync("v1/compatibility", body));

            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, status.ToString());
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:0} ms");
        }
    }

    [SkippableTheory]
    [InlineData("http://127.0.0.1:{port}/money.json")]
    [InlineData("https://127.0.0.1:{port}/money.json")]
    [InlineData("//127.0.0.1:{port}/money.json")]
    [InlineData("file:///etc/passwd")]
    [InlineData("file://127.0.0.1:{port}/etc/passwd")]
    public async Task Remote_refs_are_refused_by_every_endpoint_and_never_fetched(string reference)
    {
        using var canary = new TcpListener(IPAddress.Loopback, 0);
        canary.Start();
        var port = ((IPEndPoint)canary.LocalEndpoint).Port;
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["total"] = new JsonObject { ["$ref"] = reference.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) } },
        };
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema.ToJsonString()), 42201);
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"compatibility/subjects/{subject}/versions/latest", HttpAssert.SchemaBody(schema.ToJsonString()), 42201);
        using var lint = await _http.PostAsync("v1/lint", HttpAssert.Body(new { schema }, "application/json"));
        using var compat = await _http.PostAsync("v1/compatibility", HttpAssert.Body(new { previous = new[] { JsonNode.Parse(Contracts.Order()) }, candidate = schema }, "application/json"));

        var findings = JsonNode.Parse(await lint.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, compat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lint.StatusCode);
        Assert.False(findings["passed"]!.GetValue<bool>());
        Assert.Contains(findings["findings"]!.AsArray(), f => f!["ruleId"]!.GetValue<string>() == "EC005" && f["severity"]!.GetValue<string>() == "error");

        // Every answer came back, so any fetch would already have connected.
        Assert.False(canary.Pending(), "the registry connected to the $ref's host");
    }

    [SkippableTheory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"type":"object","properties":{"self":{"$ref":"#"}}}""")]
    [InlineData("""{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}""")]
    [InlineData("""{"type":"object","properties":{"p":{"$ref":"#/$defs/a"}},"$defs":{"a":{"allOf":[{"$ref":"#/$defs/b"}]},"b":{"anyOf":[{"$ref":"#/$defs/a"}]}}}""")]
    [InlineData("""{"type":"object","properties":{"p":{"$ref":"#/properties/p"}}}""")]
    public async Task Self_and_mutual_ref_cycles_are_answered(string schema)
    {
        var subject = Contracts.Subject();

        var (status, elapsed) = await TimedAsync(() => _http.PostAsync($"subjects/{subject}/versions", HttpAssert.SchemaBody(schema)));
        var (again, againElapsed) = await TimedAsync(() => _http.PostAsync($"compatibility/subjects/{subject}/versions/latest", HttpAssert.SchemaBody(schema)));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, status.ToString());
        Assert.True((int)again < 500, again.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(1) && againElapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:0} and {againElapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// One harmless request of each kind first, so a timing measures the hostile request, not the JIT or a fresh
    /// database (the first requests of a new host take several hundred milliseconds on a loaded machine).
    /// </summary>
    private async Task WarmUpAsync()
    {
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());
        using var check = await _http.PostAsync($"compatibility/subjects/{subject}/versions/latest", HttpAssert.SchemaBody(Contracts.Order("note")));
        using var stateless = await _http.PostAsync("v1/compatibility", HttpAssert.Body(new { previous = new[] { JsonNode.Parse(Contracts.Order()) }, candidate = JsonNode.Parse(Contracts.Order("note")) }, "application/json"));
    }

    private async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        if (!_warm)
        {
            await WarmUpAsync();
            _warm = true;
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await send();
        _ = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Stopwatch.GetElapsedTime(started));
    }
}
