using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>200 registrations at once over real HTTP: one id per schema, contiguous versions, never a 5xx.</summary>
public abstract class ConcurrencyTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : ConcurrencyTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : ConcurrencyTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private const int Writers = 200;

    private readonly HttpClient _http = host.Http;

    [SkippableFact]
    public async Task Identical_concurrent_registrations_get_one_id_and_one_version()
    {
        var subject = Contracts.Subject();
        var schema = Contracts.Order("sameForEveryone");

        var answers = await AllAtOnceAsync(Enumerable.Range(0, Writers).Select(_ => (subject, schema)));

        Assert.Single(answers.Distinct());
        Assert.Equal([1], await VersionsAsync(subject));
        Assert.Equal(answers[0], (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/1"))["id"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Distinct_concurrent_registrations_on_one_subject_get_distinct_ids_and_contiguous_versions()
    {
        var subject = Contracts.Subject();

        // Concurrent order is arbitrary, so no level other than NONE could accept every interleaving.
        await HttpAssert.PutAsync(_http, $"config/{subject}", new { compatibility = "NONE" });

        var answers = await AllAtOnceAsync(Enumerable.Range(0, Writers).Select(i => (subject, Contracts.Order($"field{i}"))));

        Assert.Equal(Writers, answers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Writers), await VersionsAsync(subject));
        var byVersion = new List<int>();
        for (var version = 1; version <= Writers; version++)
        {
            byVersion.Add((await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/{version}"))["id"]!.GetValue<int>());
        }

        Assert.Equal(answers.Order(), byVersion.Order());
        foreach (var (id, i) in answers.Select((id, i) => (id, i)))
        {
            var schema = JsonNode.Parse((await HttpAssert.GetAsync(_http, $"schemas/ids/{id}"))["schema"]!.GetValue<string>())!;
            Assert.NotNull(schema["properties"]![$"field{i}"]);
        }
    }

    [SkippableFact]
    public async Task Distinct_concurrent_registrations_across_subjects_each_get_version_1()
    {
        var requests = Enumerable.Range(0, Writers).Select(i => (Contracts.Subject(), Contracts.Order($"across{i}"))).ToList();

        var answers = await AllAtOnceAsync(requests);

        Assert.Equal(Writers, answers.Distinct().Count());
        foreach (var ((subject, _), id) in requests.Zip(answers))
        {
            var version = await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/latest");
            Assert.Equal((1, id), (version["version"]!.GetValue<int>(), version["id"]!.GetValue<int>()));
        }
    }

    [SkippableFact]
    public async Task Concurrent_registrations_under_BACKWARD_each_pass_the_check_against_the_version_before_them()
    {
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(_http, subject, Contracts.Order());

        // Each candidate is compatible with v1 (an optional property added to a closed model), but a candidate with a
        // smaller maxLength than the version before it is not: whatever order they land in, every stored version
        // must have been checked against the one stored just before it.
        var candidates = Enumerable.Range(1, 50).Select(i => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["orderId"] = new JsonObject { ["type"] = "string" },
                ["note"] = new JsonObject { ["type"] = "string", ["maxLength"] = 1000 - i },
            },
            ["required"] = new JsonArray("orderId"),
            ["additionalProperties"] = false,
        }.ToJsonString()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = candidates.Select(async schema =>
        {
            await start.Task;
            using var response = await _http.PostAsync(new Uri($"subjects/{subject}/versions", UriKind.Relative), HttpAssert.SchemaBody(schema));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }).ToList();
        start.SetResult();

        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.True(a.StartsWith("200 ", StringComparison.Ordinal) || a.StartsWith("409 ", StringComparison.Ordinal), a));
        var versions = await VersionsAsync(subject);
        var maxLengths = new List<int>();
        foreach (var version in versions.Skip(1))
        {
            var schema = JsonNode.Parse((await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions/{version}"))["schema"]!.GetValue<string>())!;
            maxLengths.Add(schema["properties"]!["note"]!["maxLength"]!.GetValue<int>());
        }

        Assert.Equal(answers.Count(a => a.StartsWith("200 ", StringComparison.Ordinal)), maxLengths.Count);
        Assert.Equal(maxLengths.Order(), maxLengths);
    }

    [SkippableTheory]
    [InlineData("config", "{\"compatibility\":\"NONE\"}")]
    [InlineData("mode", "{\"mode\":\"READWRITE\"}")]
    public async Task Concurrent_first_settings_of_one_subject_all_succeed(string resource, string body)
    {
        var subject = Contracts.Subject();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.Task;
            using var response = await _http.PutAsync(new Uri($"{resource}/{subject}", UriKind.Relative), HttpAssert.Body(body));
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }).ToList();
        start.SetResult();

        var answers = await Task.WhenAll(requests);

        var failures = answers.Where(a => !a.StartsWith("200 ", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {answers.Length} updates failed, e.g. {failures.FirstOrDefault()}");
    }

    /// <summary>Sends every registration at the same moment; every answer must be a 200 (no 5xx, no lost request). Returns the ids in request order.</summary>
    private async Task<int[]> AllAtOnceAsync(IEnumerable<(string Subject, string Schema)> registrations)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = registrations.Select(async r =>
        {
            await start.Task;
            using var response = await _http.PostAsync(new Uri($"subjects/{r.Subject}/versions", UriKind.Relative), HttpAssert.SchemaBody(r.Schema));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(requests);

        var failures = answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => $"{(int)a.StatusCode} {a.Body}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {answers.Length} registrations failed, e.g. {failures.FirstOrDefault()}");
        return [.. answers.Select(a => JsonNode.Parse(a.Body)!["id"]!.GetValue<int>())];
    }

    private async Task<List<int>> VersionsAsync(string subject) =>
        [.. (await HttpAssert.GetAsync(_http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>())];
}
