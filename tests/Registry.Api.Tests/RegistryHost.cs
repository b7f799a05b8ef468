using System.Collections.Concurrent;
using EventContracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// The real registry, in-process, on a real Kestrel port (<c>http://127.0.0.1:0</c>) over a fresh SQLite file in a
/// temp folder. It can be stopped and started again on the same file. One per test class (<see cref="IClassFixture{T}"/>),
/// or started by a test that needs its own settings.
/// </summary>
public sealed class RegistryHost : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public RegistryHost()
        : this(new Dictionary<string, string?>())
    {
    }

    private RegistryHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        Folder = Directory.CreateTempSubdirectory("evc-api-tests-").FullName;
    }

    /// <summary>The temp folder holding the database.</summary>
    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "eventcontracts.db");

    /// <summary>The bound base address, e.g. <c>http://127.0.0.1:41234</c>; changes on every start.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>A plain HTTP client on <see cref="Url"/>.</summary>
    public HttpClient Http { get; private set; } = new();

    /// <summary>How many requests reached the registry, on any path, since the host was created.</summary>
    public int TotalRequests => _requests.Values.Sum();

    /// <summary>How many requests reached <paramref name="path"/> (e.g. <c>/v1/can-i-deploy</c>) since the host was created.</summary>
    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    /// <summary>Starts a host with its own settings (e.g. <c>Registry:MaxSchemaBytes</c>); dispose it with <see cref="DisposeAsync"/>.</summary>
    public static async Task<RegistryHost> StartNewAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = new RegistryHost(settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The registry is already running.");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Registry"] = $"Data Source={DatabasePath}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in _settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddEventContractsRegistry();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var app = builder.Build();
        await app.Services.PrepareRegistryAsync();
        app.Use(async (context, next) =>
        {
            _requests.AddOrUpdate(context.Request.Path.Value ?? string.Empty, 1, (_, count) => count + 1);
            await next(context);
        });
        app.MapEventContractsRegistry();
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Url = addresses.Single().TrimEnd('/');
        Http.Dispose();
        Http = new HttpClient { BaseAddress = new Uri(Url + "/") };
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();

        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Another host in this process may still hold a pooled handle on a file here; the temp folder is only litter.
        }
    }
}
