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
/// A real HTTP server on a real port that answers every request the same scripted way and records what it was sent:
/// for what the real registry never does on purpose (a 503, a body that is not JSON) and for the headers evc sends.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Each request as "METHOD /path?query", with its Authorization header.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    public static async Task<ScriptedServer> StartAsync(int status, string contentType, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(async context =>
        {
            server.Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.ToString()));
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
