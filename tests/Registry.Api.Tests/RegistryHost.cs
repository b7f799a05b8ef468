using System.Collections.Concurrent;
using System.Data.Common;
using EventContracts.Api;
using EventContracts.Api.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// The real registry, in-process, on a real Kestrel port (<c>http://127.0.0.1:0</c>) over a fresh database: a SQLite
/// file in a temp folder, or (<see cref="StorageProvider.Postgres"/>) a database of its own on the server that
/// <see cref="TestPostgres"/> names. It can be stopped and started again on the same database. One per test class
/// (<see cref="IClassFixture{T}"/>), or started by a test that needs its own settings.
/// </summary>
public class RegistryHost : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private string? _postgres;

    public RegistryHost()
        : this(StorageProvider.Sqlite, new Dictionary<string, string?>())
    {
    }

    protected RegistryHost(StorageProvider provider)
        : this(provider, new Dictionary<string, string?>())
    {
    }

    private RegistryHost(StorageProvider provider, IReadOnlyDictionary<string, string?> settings)
    {
        Provider = provider;
        _settings = settings;
        Folder = Directory.CreateTempSubdirectory("evc-api-tests-").FullName;
    }

    public StorageProvider Provider { get; }

    /// <summary>The temp folder holding the SQLite database.</summary>
    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "eventcontracts.db");

    /// <summary>The connection string the registry runs on.</summary>
    public string ConnectionString => Provider == StorageProvider.Postgres
        ? _postgres ?? throw new InvalidOperationException("The PostgreSQL database is made at the first start.")
        : $"Data Source={DatabasePath}";

    /// <summary>The bound base address, e.g. <c>http://127.0.0.1:41234</c>; changes on every start.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The running registry's services, e.g. its endpoints (<c>EndpointDataSource</c>).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The registry is not running.");

    /// <summary>A plain HTTP client on <see cref="Url"/>.</summary>
    public HttpClient Http { get; private set; } = new();

    /// <summary>A new, closed ADO.NET connection to the registry's database, for tests that go under the API.</summary>
    public DbConnection OpenDatabase() => Provider == StorageProvider.Postgres
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    /// <summary>How many requests reached the registry, on any path, since the host was created.</summary>
    public int TotalRequests => _requests.Values.Sum();

    /// <summary>How many requests reached <paramref name="path"/> (e.g. <c>/v1/can-i-deploy</c>) since the host was created.</summary>
    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    /// <summary>Starts a host with its own settings (e.g. <c>Registry:MaxSchemaBytes</c>); dispose it with <see cref="DisposeAsync"/>.</summary>
    public static async Task<RegistryHost> StartNewAsync(IReadOnlyDictionary<string, string?> settings, StorageProvider provider = StorageProvider.Sqlite)
    {
        var host = new RegistryHost(provider, settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The registry is already running.");
        }

        if (Provider == StorageProvider.Postgres)
        {
            _postgres ??= await TestPostgres.CreateDatabaseAsync();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Registry"] = ConnectionString,
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

    // Without a PostgreSQL server a PostgreSQL fixture starts nothing; its tests skip (PostgresRegistryHost).
    Task IAsyncLifetime.InitializeAsync() =>
        Provider == StorageProvider.Postgres && !TestPostgres.IsConfigured ? Task.CompletedTask : StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        if (_postgres is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgres);
        }

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
