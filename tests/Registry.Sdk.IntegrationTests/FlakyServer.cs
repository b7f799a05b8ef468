using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventContracts.Sdk.IntegrationTests;

/// <summary>
/// A real HTTP server on a real port that plays a script of answers, one per request (the last one repeats), and
/// records each request: for what the real registry never does on purpose (503s, 429s).
/// </summary>
internal sealed class FlakyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly (int Status, string Body)[] _script;
    private int _next = -1;

    private FlakyServer(WebApplication app, (int Status, string Body)[] script)
    {
        _app = app;
        _script = script;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Each request as "METHOD /path" with its Authorization header.</summary>
    public ConcurrentQueue<(string Request, string Authorization)> Requests { get; } = new();

    public static async Task<FlakyServer> StartAsync(params (int Status, string Body)[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FlakyServer(app, script);
        app.Run(async context =>
        {
            server.Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}", context.Request.Headers.Authorization.ToString()));
            var (status, body) = script[Math.Min(Interlocked.Increment(ref server._next), script.Length - 1)];
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/vnd.schemaregistry.v1+json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
