using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace EventContracts.Api.Tests;

/// <summary>
/// Acknowledged writes survive <c>kill -9</c> (DESIGN §8), tried the hard way: a registry process under a write load is
/// SIGKILLed five times, on SQLite and on PostgreSQL. After every restart each registration that got a 200 is there with
/// its id, every subject's versions run 1..n without a gap, and the SQLite file passes <c>PRAGMA integrity_check</c>.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Crashes = 5;
    private const int Writers = 8;
    private const int Subjects = 4;

    // Each crash comes once this many more registrations were acknowledged, plus a random moment up to KillJitter.
    private const int AcknowledgedBeforeCrash = 20;
    private const int KillJitterMilliseconds = 150;

    // Bounds a hang; a round takes a second or two after the start-up.
    private static readonly TimeSpan RoundBound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Acknowledged_registrations_survive_repeated_SIGKILL_on_SQLite()
    {
        var folder = Directory.CreateTempSubdirectory("evc-api-crash-").FullName;
        try
        {
            var database = Path.Combine(folder, "eventcontracts.db");
            await KillRepeatedlyAsync(folder, environment: null, afterCrash: () => AssertIntegrityAsync(database));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Acknowledged_registrations_survive_repeated_SIGKILL_on_PostgreSQL()
    {
        Skip.IfNot(TestPostgres.IsConfigured, TestPostgres.SkipReason);
        var folder = Directory.CreateTempSubdirectory("evc-api-crash-").FullName;
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await KillRepeatedlyAsync(folder, RegistryProcess.PostgresEnvironment(database), afterCrash: () => Task.CompletedTask);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task KillRepeatedlyAsync(string folder, IReadOnlyDictionary<string, string>? environment, Func<Task> afterCrash)
    {
        var subjects = Enumerable.Range(0, Subjects).Select(_ => Contracts.Subject()).ToList();
        var acknowledged = new ConcurrentQueue<Registration>();
        for (var round = 1; round <= Crashes + 1; round++)
        {
            using var registry = await RegistryProcess.StartAsync(folder, environment);
            await AssertAllThereAsync(registry, subjects, acknowledged, round);
            if (round > Crashes)
            {
                break;
            }

            // Writers register schemas until the process dies under them; only a 200 counts as acknowledged.
            using var bound = new CancellationTokenSource(RoundBound);
            var before = acknowledged.Count;
            var writers = Enumerable.Range(0, Writers).Select(writer => WriteUntilKilledAsync(registry.Http, subjects[writer % Subjects], $"round {round} writer {writer}", acknowledged, bound.Token)).ToList();
            while (acknowledged.Count < before + AcknowledgedBeforeCrash && !writers.TrueForAll(w => w.IsCompleted))
            {
                await Task.Delay(5, bound.Token);
            }

            await Task.Delay(Random.Shared.Next(KillJitterMilliseconds), bound.Token);
            await registry.KillAsync();
            await Task.WhenAll(writers);
            Assert.True(acknowledged.Count > before, $"round {round}: no registration was acknowledged before the crash:\n{registry.Output}");
            await afterCrash();
        }
    }

    private static async Task WriteUntilKilledAsync(HttpClient http, string subject, string name, ConcurrentQueue<Registration> acknowledged, CancellationToken cancellationToken)
    {
        for (var n = 0; !cancellationToken.IsCancellationRequested; n++)
        {
            var schema = Contracts.OrderDescribed($"{name} schema {n.ToString(CultureInfo.InvariantCulture)}");
            try
            {
                using var response = await http.PostAsync(new Uri($"subjects/{subject}/versions", UriKind.Relative), HttpAssert.SchemaBody(schema), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{subject}: {(int)response.StatusCode} {body}");
                acknowledged.Enqueue(new Registration(subject, schema, JsonNode.Parse(body)!["id"]!.GetValue<int>()));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The process is gone: what it answered before is what must survive.
                return;
            }
        }
    }

    private async Task AssertAllThereAsync(RegistryProcess registry, List<string> subjects, ConcurrentQueue<Registration> acknowledged, int round)
    {
        var http = registry.Http;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            using var response = await http.GetAsync(new Uri($"subjects/{subject}/versions", UriKind.Relative));
            var versions = response.StatusCode == HttpStatusCode.NotFound ? [] : JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(v => v!.GetValue<int>()).ToList();
            Assert.True(Enumerable.Range(1, versions.Count).SequenceEqual(versions), $"start {round}: {subject} has versions [{string.Join(", ", versions)}], not 1..{versions.Count}");
            counts[subject] = versions.Count;
        }

        // Lookup (POST /subjects/{s}) answers the version holding exactly this schema text.
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (registration, cancellationToken) =>
        {
            using var response = await http.PostAsync(new Uri($"subjects/{registration.Subject}", UriKind.Relative), HttpAssert.SchemaBody(registration.Schema), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"start {round}: acknowledged schema id {registration.Id} under {registration.Subject} is missing: {(int)response.StatusCode} {body}");
            var found = JsonNode.Parse(body)!;
            Assert.Equal(registration.Id, found["id"]!.GetValue<int>());
            Assert.InRange(found["version"]!.GetValue<int>(), 1, counts[registration.Subject]);
        });
        output.WriteLine($"start {round}: {acknowledged.Count} acknowledged registrations all there; versions per subject {string.Join(", ", counts.Values)}");
    }

    private static async Task AssertIntegrityAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync() as string);
    }

    private sealed record Registration(string Subject, string Schema, int Id);
}
