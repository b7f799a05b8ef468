using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventContracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// The OpenAPI document is checked in (<c>Registry.Api/openapi/v1.json</c>), so every API change shows up in review.
/// These tests keep the file equal to what the running registry serves, and every described endpoint documented.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.RunningRegistry registry) : IClassFixture<OpenApiDocumentTests.RunningRegistry>
{
    private const string UpdateVariable = "UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",

        // Summaries quote and punctuate freely; the file is read by people in review, not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task Served_document_equals_the_checked_in_file()
    {
        var served = JsonNode.Parse(await registry.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)))!;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var source = SourceFile();
            await File.WriteAllTextAsync(source, Normalized(served), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json")))!;
        if (!JsonNode.DeepEquals(served, checkedIn))
        {
            Assert.Fail(
                $"Registry.Api/openapi/v1.json differs from the document the registry serves ({FirstDifference(Normalized(checkedIn), Normalized(served))}). "
                + $"If the API change is intended, regenerate the file with tests/update-openapi.sh (or run this test with {UpdateVariable}=1) and commit it.");
        }
    }

    [Fact]
    public void Every_endpoint_has_a_summary_and_a_tag_or_is_excluded_from_description()
    {
        var endpoints = registry.Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var undocumented = endpoints
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => string.IsNullOrWhiteSpace(e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary)
                        || e.Metadata.GetMetadata<ITagsMetadata>() is not { Tags.Count: > 0 })
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();

        Assert.True(undocumented.Count == 0, $"Endpoints without a summary (WithSummary) or a tag (WithTags), and not excluded from description: {string.Join(", ", undocumented)}");
    }

    private static string Normalized(JsonNode document) => document.ToJsonString(Indented) + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var wanted = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var got = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (wanted != got)
            {
                return $"first difference at line {i + 1}: checked in `{wanted.Trim()}`, served `{got.Trim()}`";
            }
        }

        return "same lines, different JSON";
    }

    /// <summary>The checked-in file in the source tree, found from the test's output folder upwards.</summary>
    private static string SourceFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EventContracts.sln")))
            {
                return Path.Combine(folder.FullName, "Registry.Api", "openapi", "v1.json");
            }
        }

        throw new InvalidOperationException($"No EventContracts.sln above {AppContext.BaseDirectory}: run {UpdateVariable}=1 from a source checkout.");
    }

    /// <summary>The registry on Kestrel at a free loopback port, on its own temporary SQLite file.</summary>
    public sealed class RunningRegistry : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "evc-openapi-" + Guid.NewGuid().ToString("N"));
        private WebApplication? _app;

        public HttpClient Client { get; private set; } = null!;

        public IReadOnlyList<Endpoint> Endpoints { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Registry"] = $"Data Source={Path.Combine(_folder, "registry.db")}",
            });
            builder.AddEventContractsRegistry();
            builder.WebHost.UseUrls("http://127.0.0.1:0");

            _app = builder.Build();
            await _app.Services.PrepareRegistryAsync();
            _app.MapEventContractsRegistry();
            await _app.StartAsync();

            var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            Client = new HttpClient { BaseAddress = new Uri(address) };
            Endpoints = [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints)];
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (_app is not null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }

            // SQLite pools its connections; clear them so the file can go.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; a failed test because of it would not be.
            }
        }
    }
}
