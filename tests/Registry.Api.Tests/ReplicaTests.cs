using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// Two registry processes on one PostgreSQL database, as two replicas behind a load balancer (DESIGN §8): they agree on
/// ids and versions under concurrent writes, and a setting changed through one is in force on the other at once.
/// Real processes (the built Registry.Api), not in-process hosts, so nothing is shared but the database.
/// </summary>
public sealed class ReplicaTests(ReplicaTests.TwoReplicas replicas) : IClassFixture<ReplicaTests.TwoReplicas>
{
    private const int InFlight = 64;

    // Bounds a hang; the loads below take a few seconds.
    private static readonly TimeSpan LoadBound = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task Identical_registrations_spread_over_two_replicas_get_one_id_and_one_version()
    {
        var (a, b) = replicas.Running();
        var subject = Contracts.Subject();
        var schema = Contracts.Order("sameEverywhere");

        var answers = await RegisterAllAsync(Enumerable.Range(0, 1000).Select(_ => (subject, schema)));

        var id = Assert.Single(answers.Distinct());
        foreach (var replica in new[] { a, b })
        {
            Assert.Equal([1], await VersionsAsync(replica, subject));
            Assert.Equal(id, (await HttpAssert.GetAsync(replica, $"subjects/{subject}/versions/1"))["id"]!.GetValue<int>());
        }
    }

    [SkippableFact]
    public async Task Distinct_compatible_schemas_on_one_subject_over_two_replicas_get_versions_1_to_200()
    {
        var (a, b) = replicas.Running();
        var subject = Contracts.Subject();
        var schemas = Enumerable.Range(1, 200).Select(i => Contracts.OrderDescribed($"variant {i}")).ToList();

        // The default level, BACKWARD: every registration is checked against the latest version on either replica.
        var answers = await RegisterAllAsync(schemas.Select(schema => (subject, schema)));

        Assert.Equal(200, answers.Distinct().Count());
        var versionOfId = new Dictionary<int, int>();
        foreach (var replica in new[] { a, b })
        {
            Assert.Equal(Enumerable.Range(1, 200), await VersionsAsync(replica, subject));
        }

        foreach (var version in Enumerable.Range(1, 200))
        {
            var stored = await HttpAssert.GetAsync(version % 2 == 0 ? a : b, $"subjects/{subject}/versions/{version}");
            versionOfId.Add(stored["id"]!.GetValue<int>(), version);
        }

        // Each acknowledged id is exactly one version: no duplicate, no gap, no lost registration.
        Assert.Equal(answers.Order(), versionOfId.Keys.Order());
    }

    [SkippableFact]
    public async Task Same_schema_under_50_subjects_at_once_over_two_replicas_gets_one_id()
    {
        var (a, b) = replicas.Running();
        var subjects = Enumerable.Range(0, 50).Select(_ => Contracts.Subject()).ToList();
        var schema = Contracts.Order("sharedByFifty");

        var answers = await RegisterAllAsync(subjects.Select(subject => (subject, schema)));

        var id = Assert.Single(answers.Distinct());
        var registeredUnder = await HttpAssert.GetAsync(b, $"schemas/ids/{id}/subjects");
        Assert.Equal(subjects.Order(StringComparer.Ordinal), registeredUnder.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(schema, (await HttpAssert.GetAsync(a, $"schemas/ids/{id}"))["schema"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Config_changed_through_one_replica_is_in_force_on_the_other_at_its_next_request()
    {
        var (a, b) = replicas.Running();
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(b, subject, Contracts.Order("note"));
        var withoutNote = Contracts.Order();

        // B has just read the subject's (default) config; dropping a property of a closed model is refused under it.
        await HttpAssert.ConfluentErrorAsync(b, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(withoutNote), 409);

        await HttpAssert.PutAsync(a, $"config/{subject}", new { compatibility = "NONE" });
        Assert.Equal("NONE", (await HttpAssert.GetAsync(b, $"config/{subject}"))["compatibilityLevel"]!.GetValue<string>());
        await HttpAssert.RegisterAsync(b, subject, withoutNote);

        await HttpAssert.PutAsync(a, $"config/{subject}", new { compatibility = "BACKWARD" });
        await HttpAssert.ConfluentErrorAsync(b, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(Contracts.OrderWithMaxLength(5)), 409);

        // The global level, through B this time, is what A then applies to a subject without its own.
        await HttpAssert.DeleteAsync(a, $"config/{subject}");
        await HttpAssert.PutAsync(b, "config", new { compatibility = "NONE" });
        try
        {
            await HttpAssert.RegisterAsync(a, subject, Contracts.OrderWithMaxLength(5));
        }
        finally
        {
            await HttpAssert.PutAsync(b, "config", new { compatibility = "BACKWARD" });
        }
    }

    [SkippableFact]
    public async Task Mode_changed_through_one_replica_is_in_force_on_the_other_at_its_next_request()
    {
        var (a, b) = replicas.Running();
        var subject = Contracts.Subject();
        await HttpAssert.RegisterAsync(b, subject, Contracts.Order());

        await HttpAssert.PutAsync(a, $"mode/{subject}", new { mode = "READONLY" });

        Assert.Equal("READONLY", (await HttpAssert.GetAsync(b, $"mode/{subject}"))["mode"]!.GetValue<string>());
        await HttpAssert.ConfluentErrorAsync(b, HttpMethod.Post, $"subjects/{subject}/versions", HttpAssert.SchemaBody(Contracts.Order("late")), 42205);
        await HttpAssert.ConfluentErrorAsync(b, HttpMethod.Delete, $"subjects/{subject}/versions/1", null, 42205);

        await HttpAssert.PutAsync(a, $"mode/{subject}", new { mode = "READWRITE" });

        await HttpAssert.RegisterAsync(b, subject, Contracts.Order("late"));
        Assert.Equal([1, 2], await VersionsAsync(a, subject));
    }

    /// <summary>Sends the registrations with <see cref="InFlight"/> at a time, alternating replicas; every answer must be a 200. Returns the ids in request order.</summary>
    private async Task<int[]> RegisterAllAsync(IEnumerable<(string Subject, string Schema)> registrations)
    {
        var (a, b) = replicas.Running();
        var requests = registrations.Select((r, i) => (r.Subject, r.Schema, Http: i % 2 == 0 ? a : b)).ToList();
        var answers = new (HttpStatusCode Status, string Body)[requests.Count];
        using var bound = new CancellationTokenSource(LoadBound);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = bound.Token },
            async (i, cancellationToken) =>
            {
                var (subject, schema, http) = requests[i];
                using var response = await http.PostAsync(new Uri($"subjects/{subject}/versions", UriKind.Relative), HttpAssert.SchemaBody(schema), cancellationToken);
                answers[i] = (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            });

        var failures = answers.Where(r => r.Status != HttpStatusCode.OK).Select(r => $"{(int)r.Status} {r.Body}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {answers.Length} registrations failed, e.g. {failures.FirstOrDefault()}");
        return [.. answers.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<int>())];
    }

    private static async Task<List<int>> VersionsAsync(HttpClient http, string subject) =>
        [.. (await HttpAssert.GetAsync(http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>())];

    /// <summary>Two registry processes started together on one fresh PostgreSQL database (so both race to migrate it).</summary>
    public sealed class TwoReplicas : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("evc-api-replicas-").FullName;
        private string? _database;
        private RegistryProcess? _a;
        private RegistryProcess? _b;

        /// <summary>Both replicas' clients, or a skip when no PostgreSQL server is configured.</summary>
        public (HttpClient A, HttpClient B) Running()
        {
            Skip.IfNot(TestPostgres.IsConfigured, TestPostgres.SkipReason);
            return (_a!.Http, _b!.Http);
        }

        public async Task InitializeAsync()
        {
            if (!TestPostgres.IsConfigured)
            {
                return;
            }

            _database = await TestPostgres.CreateDatabaseAsync();
            var environment = RegistryProcess.PostgresEnvironment(_database);
            Task<RegistryProcess>[] starting = [RegistryProcess.StartAsync(_folder, environment), RegistryProcess.StartAsync(_folder, environment)];
            try
            {
                await Task.WhenAll(starting);
            }
            catch
            {
                foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    started.Result.Dispose();
                }

                await TestPostgres.DropDatabaseAsync(_database);
                _database = null;
                throw;
            }

            (_a, _b) = (starting[0].Result, starting[1].Result);
        }

        public async Task DisposeAsync()
        {
            _a?.Dispose();
            _b?.Dispose();
            if (_database is not null)
            {
                await TestPostgres.DropDatabaseAsync(_database);
            }

            Directory.Delete(_folder, recursive: true);
        }
    }
}
