using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventContracts.Cli.Tests.Registry;

/// <summary>
/// A real HTTP server on a real port that answers from a script and records what it was sent: for what the real
/// registry never does on purpose (a 503, a body that is not JSON) and for the headers a client sends. Linked into the
/// CLI tests and the SDK integration tests.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Each request as "METHOD /path?query", with its Authorization header.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    /// <summary>A server answering every request with <paramref name="status"/>, <paramref name="contentType"/> and <paramref name="body"/>.</summary>
    public static Task<ScriptedServer> StartAsync(int status, string contentType, string body) =>
        StartAsync(contentType, (status, body));

    /// <summary>A server answering each request with the next entry of <paramref name="script"/>; the last one repeats.</summary>
    public static async Task<ScriptedServer> StartAsync(string contentType, params (int Status, string Body)[] script)
    {
        var next = -1;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(async context =>
        {
            server.Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.ToString()));
            var (status, body) = script[Math.Min(Interlocked.Increment(ref next), script.Length - 1)];
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
