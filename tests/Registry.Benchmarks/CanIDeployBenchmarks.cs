using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using EventContracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EventContracts.Benchmarks;

/// <summary>
/// <c>GET /v1/can-i-deploy</c> against a registry holding <see cref="GateEstate"/> (500 services × 20 releases, 200 event
/// types, 3 environments), over real HTTP to Kestrel on a SQLite file. <see cref="HealthLive"/> is the baseline through
/// the same host and client; <see cref="CanIDeployEmptyEnvironment"/> is the same query where nothing is deployed.
/// </summary>
/// <remarks>
/// The estate is seeded once through the HTTP API into a file kept in the temp folder (keyed by
/// <see cref="SeedVersion"/>), so each benchmark process reuses it. Each call asks about the next service's newest
/// release, cycling through all 500, after one warming round over all of them (so parsed schemas and canRead verdicts
/// are cached, as in a registry that has been up a while). The server's own time (Server-Timing) of every measured call is collected and its
/// median printed at the end. Not sealed: BenchmarkDotNet generates a class that derives from it.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
#pragma warning disable CA1001 // The client and the host are disposed by GlobalCleanup, BenchmarkDotNet's end of a run.
public class CanIDeployBenchmarks
#pragma warning restore CA1001
{
    private const string SeedVersion = "gate-estate-v1";

    private readonly ConcurrentQueue<double> _serverTimes = new();
    private WebApplication? _app;
    private HttpClient _http = null!;
    private int _next;

    [GlobalSetup]
    public async Task StartAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), $"evc-bench-{SeedVersion}.db");
        if (!File.Exists(database))
        {
            var seeding = database + ".seeding";
            DeleteDatabase(seeding);
            await StartHostAsync(seeding);
            await SeedAsync();
            await StopHostAsync();
            File.Move(seeding, database);
        }

        await StartHostAsync(database);
        await _http.PutAsync(new Uri("v1/environments/empty", UriKind.Relative), null);

        // One round over every service first: the measured calls then see what a long-running registry sees, parsed
        // schemas and canRead verdicts cached, whatever number of calls per iteration BenchmarkDotNet picks.
        for (var i = 0; i < GateEstate.Services; i++)
        {
            await AskAsync("production", record: false);
        }
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await StopHostAsync();
        var times = _serverTimes.Order().ToArray();
        if (times.Length > 0)
        {
            var report = string.Create(CultureInfo.InvariantCulture,
                $"can-i-deploy server time (Server-Timing) over {times.Length} calls: median {times[times.Length / 2]:0.000} ms, p95 {times[(int)(times.Length * 0.95)]:0.000} ms, max {times[^1]:0.000} ms");
            Console.WriteLine("// " + report);
            var folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
            Directory.CreateDirectory(folder);
            await File.AppendAllTextAsync(Path.Combine(folder, "CanIDeploy-server-timing.txt"), report + Environment.NewLine);
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HealthLive()
    {
        using var response = await _http.GetAsync(new Uri("health/live", UriKind.Relative));
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public Task<int> CanIDeploy() => AskAsync("production", record: true);

    [Benchmark]
    public Task<int> CanIDeployEmptyEnvironment() => AskAsync("empty", record: false);

    private async Task<int> AskAsync(string environment, bool record)
    {
        var service = GateEstate.Name(_next++ % GateEstate.Services);
        var uri = new Uri($"v1/can-i-deploy?service={service}&version={GateEstate.Version(GateEstate.ReleasesPerService)}&environment={environment}", UriKind.Relative);
        using var response = await _http.GetAsync(uri);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"can-i-deploy answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }

        if (record && response.Headers.TryGetValues("Server-Timing", out var timing))
        {
            var value = timing.Single();
            _serverTimes.Enqueue(double.Parse(value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));
        }

        return body.Length;
    }

    private async Task SeedAsync()
    {
        var estate = GateEstate.Generate();
        using var throttle = new SemaphoreSlim(4);
        await Task.WhenAll(estate.Types.Select(async type =>
        {
            await throttle.WaitAsync();
            try
            {
                foreach (var schema in type.Versions)
                {
                    await SendAsync(HttpMethod.Post, $"subjects/{type.Name}/versions", new JsonObject { ["schema"] = schema, ["schemaType"] = "JSON" });
                }
            }
            finally
            {
                throttle.Release();
            }
        }));
        await Task.WhenAll(estate.ServicePlans.Select(async service =>
        {
            await throttle.WaitAsync();
            try
            {
                for (var release = 1; release <= GateEstate.ReleasesPerService; release++)
                {
                    var (produces, consumes) = estate.Contracts(service, release);
                    await SendAsync(HttpMethod.Post, $"v1/services/{service.Name}/releases", new JsonObject
                    {
                        ["version"] = GateEstate.Version(release),
                        ["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]),
                        ["consumes"] = new JsonArray([.. consumes.Select(c => (JsonNode)c)]),
                    });
                }

                foreach (var (environment, release) in service.Deployed.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    await SendAsync(HttpMethod.Post, $"v1/environments/{environment}/deployments", new JsonObject { ["service"] = service.Name, ["version"] = GateEstate.Version(release) });
                }
            }
            finally
            {
                throttle.Release();
            }
        }));
    }

    private async Task SendAsync(HttpMethod method, string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task StartHostAsync(string database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Registry"] = $"Data Source={database}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddEventContractsRegistry();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        await _app.Services.PrepareRegistryAsync();
        _app.MapEventContractsRegistry();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    private async Task StopHostAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        SqliteConnection.ClearAllPools();
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
