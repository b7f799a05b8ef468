using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// Every Confluent error code of DESIGN §7.1, each provoked by a real bad request, and the wire details Confluent's
/// clients depend on. Raw HTTP, so the exact status, content type and body shape are what is asserted.
/// </summary>
public abstract class ErrorCodeTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : ErrorCodeTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : ErrorCodeTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private readonly HttpClient _http = host.Http;

    // ---- 404xx -------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Unknown_subject_is_40401()
    {
        var subject = Contracts.Subject();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions", null, 40401);

        Assert.Contains(subject, message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_version_of_a_known_subject_is_40402()
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions/7", null, 40402);

        Assert.Contains("7", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_schema_id_is_40403()
    {
        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, "schemas/ids/987654", null, 40403);

        Assert.Contains("987654", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Lookup_of_a_schema_the_subject_does_not_hold_is_40403()
    {
        var subject = await RegisteredSubjectAsync();

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{subject}", HttpAssert.SchemaBody(Contracts.Order("neverRegistered")), 40403);
    }

    [SkippableFact]
    public async Task Soft_deleting_a_soft_deleted_subject_is_40404()
    {
        var subject = await RegisteredSubjectAsync();
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}");

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{subject}", null, 40404);

        Assert.Contains("permanent=true", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Permanently_deleting_a_subject_not_soft_deleted_first_is_40405()
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{subject}?permanent=true", null, 40405);

        Assert.Contains("without permanent=true", message, StringComparison.Ordinal);
        Assert.Equal([1], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Soft_deleting_a_soft_deleted_version_is_40406()
    {
        var subject = await RegisteredSubjectAsync();
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1");

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{subject}/versions/1", null, 40406);
    }

    [SkippableFact]
    public async Task Permanently_deleting_a_version_not_soft_deleted_first_is_40407()
    {
        var subject = await RegisteredSubjectAsync();

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{subject}/versions/1?permanent=true", null, 40407);
        await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/1");
    }

    [SkippableFact]
    public async Task Config_of_a_subject_without_its_own_is_40408_unless_defaultToGlobal()
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"config/{subject}", null, 40408);

        Assert.Contains("defaultToGlobal=true", message, StringComparison.Ordinal);
        var effective = await HttpAssert.GetAsync(_http, $"config/{subject}?defaultToGlobal=true");
        Assert.Equal("BACKWARD", effective["compatibilityLevel"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Mode_of_a_subject_without_its_own_is_40409_unless_defaultToGlobal()
    {
        var subject = await RegisteredSubjectAsync();

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"mode/{subject}", null, 40409);

        Assert.Equal("READWRITE", (await HttpAssert.GetAsync(_http, $"mode/{subject}?defaultToGlobal=true"))["mode"]!.GetValue<string>());
    }

    // ---- 409 ---------------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Incompatible_schema_is_409_naming_the_difference()
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(Contracts.OrderWithMaxLength(8)), 409);

        Assert.Contains("MAX_LENGTH_ADDED", message, StringComparison.Ordinal);
        Assert.Contains("#/properties/orderId/maxLength", message, StringComparison.Ordinal);
        Assert.Equal([1], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
    }

    // ---- 422xx -------------------------------------------------------------------------------------

    [SkippableTheory]
    [InlineData("{\"type\": \"object\", ")]
    [InlineData("{\"type\": \"object\", \"properties\": {\"orderId\": {\"type\": 12}}}")]
    [InlineData("{\"type\": \"object\", \"properties\": {\"orderId\": {\"$ref\": \"#/$defs/missing\"}}}")]
    public async Task Invalid_json_schema_is_42201(string schema)
    {
        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema), 42201);

        Assert.StartsWith("Invalid schema", message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("AVRO", "{\"type\":\"record\",\"name\":\"OrderCreated\",\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}")]
    [InlineData("PROTOBUF", "syntax = \"proto3\"; message OrderCreated { string order_id = 1; }")]
    public async Task Avro_and_protobuf_are_42201_saying_only_json_is_supported(string schemaType, string schema)
    {
        var body = HttpAssert.Body(new { schema, schemaType });

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", body, 42201);

        Assert.Contains(schemaType, message, StringComparison.Ordinal);
        Assert.Contains("JSON Schema only", message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task Invalid_version_is_42202(string version)
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions/{version}", null, 42202);

        Assert.Contains($"'{version}'", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Invalid_compatibility_level_is_42203()
    {
        var subject = Contracts.Subject();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Put, $"config/{subject}", HttpAssert.Body(new { compatibility = "SIDEWAYS" }), 42203);

        Assert.Contains("SIDEWAYS", message, StringComparison.Ordinal);
        Assert.Contains("BACKWARD_TRANSITIVE", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Invalid_mode_is_42204()
    {
        var subject = Contracts.Subject();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Put, $"mode/{subject}", HttpAssert.Body(new { mode = "WRITEONLY" }), 42204);

        Assert.Contains("WRITEONLY", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Registration_and_deletes_in_READONLY_mode_are_42205()
    {
        var subject = await RegisteredSubjectAsync();
        await HttpAssert.PutAsync(_http, $"mode/{subject}", new { mode = "READONLY" });

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(Contracts.Order("note")), 42205);
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{subject}/versions/1", null, 42205);

        Assert.Contains("read-only", message, StringComparison.Ordinal);
        await HttpAssert.DeleteAsync(_http, $"mode/{subject}");
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order("note"));
        Assert.Equal([1, 2], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Explicit_id_outside_IMPORT_mode_is_42205()
    {
        var body = HttpAssert.Body(new { schema = Contracts.Order(), schemaType = "JSON", id = 4242 });

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", body, 42205);

        Assert.Contains("IMPORT", message, StringComparison.Ordinal);
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, "schemas/ids/4242", null, 40403);
    }

    [SkippableFact]
    public async Task Deleting_a_version_another_schema_references_is_42206()
    {
        var money = Contracts.Subject("money.defined");
        var order = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, money, MoneySchema);
        var referrer = await HttpAssert.RegisterAsync(_http, order, OrderWithTotal, References(money));

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{money}/versions/1", null, 42206);
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Delete, $"subjects/{money}", null, 42206);

        Assert.Contains(referrer.ToString(System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.Equal([referrer], (await HttpAssert.GetAsync(_http, $"subjects/{money}/versions/1/referencedby")).AsArray().Select(v => v!.GetValue<int>()));

        // Once the referrer is gone the referenced version may go too.
        await HttpAssert.DeleteAsync(_http, $"subjects/{order}/versions/1");
        await HttpAssert.DeleteAsync(_http, $"subjects/{money}/versions/1");
    }

    [SkippableTheory]
    [InlineData("Order_Created")]
    [InlineData("order.create")]
    [InlineData("order")]
    public async Task Subject_that_breaks_the_naming_rule_is_42208(string subject)
    {
        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(Contracts.Order()), 42208);

        Assert.Contains("EC001", message, StringComparison.Ordinal);
        Assert.Contains("order.created", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Schema_breaking_a_lint_error_rule_is_42201_with_the_rule_id()
    {
        const string schema = """{"type":"object","properties":{"OrderId":{"type":"string"}},"required":["orderId"]}""";

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema), 42201);

        Assert.Contains("EC003", message, StringComparison.Ordinal);
        Assert.Contains("EC004", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Schema_over_the_configured_size_limit_is_42209()
    {
        var small = await RegistryHost.StartNewAsync(new Dictionary<string, string?> { ["Registry:MaxSchemaBytes"] = "512" }, host.Provider);
        try
        {
            var big = new JsonObject
            {
                ["type"] = "object",
                ["description"] = new string('x', 600),
                ["properties"] = new JsonObject { ["orderId"] = new JsonObject { ["type"] = "string" } },
            }.ToJsonString();

            var message = await HttpAssert.ConfluentErrorAsync(small.Http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(big), 42209);

            Assert.Contains("512", message, StringComparison.Ordinal);
            await HttpAssert.RegisterAsync(small.Http, Contracts.Subject(), Contracts.Order());
        }
        finally
        {
            await small.DisposeAsync();
        }
    }

    // ---- native surface ----------------------------------------------------------------------------

    [SkippableFact]
    public async Task Native_errors_are_problem_details()
    {
        var subject = Contracts.Subject();
        using var response = await _http.GetAsync(new Uri($"v1/subjects/{subject}/diff?from=1&to=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Equal(40401, problem["errorCode"]!.GetValue<int>());
        Assert.Contains(subject, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"/v1/subjects/{subject}/diff", problem["instance"]!.GetValue<string>());
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["type"]);
        Assert.Null(problem["error_code"]);
    }

    [SkippableFact]
    public async Task Native_compatibility_with_an_unknown_level_is_a_422_problem()
    {
        using var response = await _http.PostAsync(
            new Uri("v1/compatibility", UriKind.Relative),
            HttpAssert.Body(new { level = "SIDEWAYS", previous = Array.Empty<string>(), candidate = Contracts.Order() }, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(42203, problem["errorCode"]!.GetValue<int>());
        Assert.Contains("SIDEWAYS", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    // ---- wire details ------------------------------------------------------------------------------

    [SkippableFact]
    public async Task Query_booleans_arrive_as_True_and_False()
    {
        var subject = await RegisteredSubjectAsync();
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1?permanent=False");

        Assert.Equal([1], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions?deleted=True")).AsArray().Select(v => v!.GetValue<int>()));
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions?deleted=False", null, 40401);
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1?permanent=True");
        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions?deleted=True", null, 40401);
    }

    [SkippableFact]
    public async Task Query_boolean_that_is_not_one_is_400()
    {
        var subject = await RegisteredSubjectAsync();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions?deleted=maybe", null, 400);

        Assert.Contains("deleted=maybe", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unknown_request_fields_are_ignored()
    {
        var body = new JsonObject
        {
            ["schema"] = Contracts.Order(),
            ["schemaType"] = "JSON",
            ["references"] = new JsonArray(),
            ["metadata"] = null,
            ["ruleSet"] = null,
            ["somethingFromAFutureClient"] = new JsonObject { ["x"] = 1 },
        }.ToJsonString();

        var registered = await HttpAssert.PostAsync(_http, $"subjects/{Contracts.Subject()}/versions", HttpAssert.Body(body));

        Assert.True(registered["id"]!.GetValue<int>() > 0);
    }

    [SkippableFact]
    public async Task Every_schema_response_carries_schemaType_JSON()
    {
        var subject = await RegisteredSubjectAsync();
        var id = (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/1"))["id"]!.GetValue<int>();

        JsonNode[] responses =
        [
            await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/1"),
            await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/latest"),
            await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/-1"),
            await HttpAssert.PostAsync(_http, $"subjects/{subject}", HttpAssert.SchemaBody(Contracts.Order())),
            await HttpAssert.GetAsync(_http, $"schemas/ids/{id}"),
            await HttpAssert.GetAsync(_http, $"schemas/ids/{id}?subject={subject}"),
            .. (await HttpAssert.GetAsync(_http, $"schemas?subjectPrefix={subject}")).AsArray().Select(n => n!),
        ];

        Assert.Equal(7, responses.Length);
        Assert.All(responses, r => Assert.Equal("JSON", r["schemaType"]?.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Subject_prefix_filters_are_case_sensitive_like_subject_names()
    {
        var subject = await RegisteredSubjectAsync();
        var prefix = subject[..subject.IndexOf('.', StringComparison.Ordinal)];
        var upper = prefix.ToUpperInvariant();

        Assert.Equal([subject], (await HttpAssert.GetAsync(_http, $"subjects?subjectPrefix={prefix}.")).AsArray().Select(s => s!.GetValue<string>()));
        Assert.Single((await HttpAssert.GetAsync(_http, $"schemas?subjectPrefix={prefix}.")).AsArray());
        Assert.Empty((await HttpAssert.GetAsync(_http, $"subjects?subjectPrefix={upper}.")).AsArray());
        Assert.Empty((await HttpAssert.GetAsync(_http, $"schemas?subjectPrefix={upper}.")).AsArray());
    }

    [SkippableTheory]
    [InlineData("associations/resources/topic/order.created")]
    [InlineData("associations")]
    public async Task Associations_answer_404(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpAssert.ConfluentContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Unknown_path_answers_404_in_confluent_error_shape()
    {
        using var response = await _http.GetAsync(new Uri("no/such/endpoint", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpAssert.ConfluentContentType, response.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, (int)body["error_code"]!);
        Assert.Contains("/no/such/endpoint", (string)body["message"]!, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("application/vnd.schemaregistry.v1+json")]
    [InlineData("application/vnd.schemaregistry+json")]
    [InlineData("application/json")]
    [InlineData("application/octet-stream")]
    public async Task Each_request_content_type_is_accepted(string contentType)
    {
        var subject = Contracts.Subject();
        var body = HttpAssert.Body(new { schema = Contracts.Order(), schemaType = "JSON" }, contentType);

        using var response = await _http.PostAsync(new Uri($"subjects/{subject}/versions", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpAssert.ConfluentContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>() > 0);
    }

    // ---- registry semantics ------------------------------------------------------------------------

    [SkippableFact]
    public async Task Soft_deleted_version_is_hidden_but_its_id_still_resolves()
    {
        var subject = Contracts.Subject();
        var id = await HttpAssert.RegisterAsync(_http, subject, Contracts.Order("onlyHere"));
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order("onlyHere", "later"));
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1");

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions/1", null, 40402);
        Assert.Equal([2], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(1, (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/1?deleted=true"))["version"]!.GetValue<int>());
        var byId = await HttpAssert.GetAsync(_http, $"schemas/ids/{id}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Contracts.Order("onlyHere")), JsonNode.Parse(byId["schema"]!.GetValue<string>())));
    }

    [SkippableFact]
    public async Task Hard_delete_works_after_a_soft_delete_and_removes_the_version()
    {
        var subject = await RegisteredSubjectAsync();
        await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1");

        Assert.Equal(1, (await HttpAssert.DeleteAsync(_http, $"subjects/{subject}/versions/1?permanent=true")).GetValue<int>());

        await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Get, $"subjects/{subject}/versions/1?deleted=true", null, 40401);
    }

    [SkippableFact]
    public async Task IMPORT_mode_takes_an_explicit_id_and_version()
    {
        var subject = Contracts.Subject();
        await HttpAssert.PutAsync(_http, $"mode/{subject}", new { mode = "IMPORT" });
        var body = HttpAssert.Body(new { schema = Contracts.Order("imported"), schemaType = "JSON", id = 70001, version = 5 });

        var registered = await HttpAssert.PostAsync(_http, $"subjects/{subject}/versions", body);

        Assert.Equal(70001, registered["id"]!.GetValue<int>());
        var version = await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/5");
        Assert.Equal((70001, 5), (version["id"]!.GetValue<int>(), version["version"]!.GetValue<int>()));
        Assert.Equal("IMPORT", (await HttpAssert.GetAsync(_http, $"mode/{subject}"))["mode"]!.GetValue<string>());

        // Back in READWRITE, the next version follows the imported one, and so does the next new id (on PostgreSQL the
        // identity sequence has to be moved past the imported id for that).
        await HttpAssert.PutAsync(_http, $"mode/{subject}", new { mode = "READWRITE" });
        var next = await HttpAssert.RegisterAsync(_http, subject, Contracts.Order("imported", "next"));
        Assert.Equal([5, 6], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
        Assert.True(next > 70001, $"the schema registered after importing id 70001 got id {next}");
    }

    [SkippableFact]
    public async Task Normalize_registers_two_key_orders_as_one_id()
    {
        const string first = """{"type":"object","properties":{"orderId":{"type":"string"}},"required":["orderId"],"additionalProperties":false}""";
        const string second = """{"additionalProperties":false,"required":["orderId"],"properties":{"orderId":{"type":"string"}},"type":"object"}""";
        var normalized = Contracts.Subject();
        var verbatim = Contracts.Subject();

        var a = await HttpAssert.RegisterAsync(_http, normalized, first, "?normalize=true");
        var b = await HttpAssert.RegisterAsync(_http, normalized, second, "?normalize=true");

        Assert.Equal(a, b);
        Assert.Equal([1], (await HttpAssert.GetAsync(_http, $"subjects/{normalized}/versions")).AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(a, (await HttpAssert.PostAsync(_http, $"subjects/{normalized}?normalize=true", HttpAssert.SchemaBody(second)))["id"]!.GetValue<int>());

        // Without normalize the key order is part of the schema's identity, as in Confluent.
        var c = await HttpAssert.RegisterAsync(_http, verbatim, first);
        var d = await HttpAssert.RegisterAsync(_http, verbatim, second);
        Assert.NotEqual(c, d);
    }

    [SkippableFact]
    public async Task Schema_reference_resolves_a_ref_to_a_registered_schema()
    {
        var money = Contracts.Subject("money.defined");
        var order = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, money, MoneySchema);

        var id = await HttpAssert.RegisterAsync(_http, order, OrderWithTotal, References(money));

        var version = await HttpAssert.GetAsync(_http, $"subjects/{order}/versions/1");
        Assert.Equal(id, version["id"]!.GetValue<int>());
        var reference = version["references"]!.AsArray().Single()!;
        Assert.Equal(("money.json", money, 1), (reference["name"]!.GetValue<string>(), reference["subject"]!.GetValue<string>(), reference["version"]!.GetValue<int>()));

        // Without the reference the $ref names nothing the registry knows.
        var unresolved = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(OrderWithTotal), 42201);
        Assert.Contains("money.json", unresolved, StringComparison.Ordinal);

        // The reference makes the $ref's target part of compatibility: a narrower amount breaks BACKWARD.
        await HttpAssert.PutAsync(_http, $"config/{money}", new { compatibility = "NONE" });
        await HttpAssert.RegisterAsync(_http, money, MoneySchema.Replace("\"number\"", "\"integer\"", StringComparison.Ordinal));
        var narrowed = HttpAssert.SchemaBody(OrderWithTotal, new[] { new { name = "money.json", subject = money, version = 2 } });
        var incompatible = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{order}/versions", narrowed, 409);
        Assert.Contains("#/properties/total", incompatible, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("[null]")]
    [InlineData("[{\"subject\":\"t0.money.defined\",\"version\":1}]")]
    [InlineData("[{\"name\":\"money.json\",\"subject\":\"nobody.money.defined\",\"version\":1}]")]
    public async Task Malformed_or_unregistered_reference_is_42201(string references)
    {
        var body = $$"""{"schema":{{System.Text.Json.JsonSerializer.Serialize(OrderWithTotal)}},"schemaType":"JSON","references":{{references}}}""";

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.Body(body), 42201);

        Assert.Contains("reference", message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Reference_name_with_a_control_character_is_42201()
    {
        var money = Contracts.Subject("money.defined");
        await HttpAssert.RegisterAsync(_http, money, MoneySchema);
        var body = HttpAssert.SchemaBody(OrderWithTotal, new[] { new { name = "money.json", subject = money, version = 1 }, new { name = "unused\u0000.json", subject = money, version = 1 } });

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", body, 42201);

        Assert.Contains("control character", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Remote_ref_is_42201_and_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["total"] = new JsonObject { ["$ref"] = $"http://127.0.0.1:{port}/money.json" } },
        }.ToJsonString();

        var message = await HttpAssert.ConfluentErrorAsync(_http, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(schema), 42201);

        Assert.Contains("never fetches", message, StringComparison.Ordinal);

        // The answer came back, so any fetch would already have connected.
        Assert.False(listener.Pending(), "the registry connected to the $ref's host");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private const string MoneySchema = """{"type":"object","properties":{"amount":{"type":"number"},"currency":{"type":"string"}},"required":["amount","currency"],"additionalProperties":false}""";

    private const string OrderWithTotal = """{"type":"object","properties":{"orderId":{"type":"string"},"total":{"$ref":"money.json"}},"required":["orderId","total"],"additionalProperties":false}""";

    private static object[] References(string moneySubject) => new object[] { new { name = "money.json", subject = moneySubject, version = 1 } };

    private async Task<string> RegisteredSubjectAsync()
    {
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());
        return subject;
    }
}
