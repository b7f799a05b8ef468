using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

/// <summary>Puts a real registry into the state a test needs, over plain HTTP (faster than one evc process per step).</summary>
internal static class RegistrySetup
{
    /// <summary>A fresh lower-case name (letters only, so it passes every naming rule), unique per test.</summary>
    public static string UniqueName(string prefix) =>
        prefix + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));

    public static async Task<int> RegisterAsync(this RegistryHost host, string subject, string schema)
    {
        using var response = await host.Http.PostAsJsonAsync($"subjects/{subject}/versions", new { schema });
        await EnsureAsync(response, $"register {subject}");
        return (await response.Content.ReadFromJsonAsync<IdAnswer>())!.Id;
    }

    public static async Task SetCompatibilityAsync(this RegistryHost host, string subject, string level)
    {
        using var response = await host.Http.PutAsJsonAsync($"config/{subject}", new { compatibility = level });
        await EnsureAsync(response, $"config {subject}");
    }

    /// <summary>The subject's live versions as "1,2", or empty when it does not exist.</summary>
    public static async Task<string> VersionListAsync(this RegistryHost host, string subject)
    {
        using var response = await host.Http.GetAsync($"subjects/{subject}/versions");
        return response.StatusCode == HttpStatusCode.NotFound ? string.Empty : string.Join(',', (await response.Content.ReadFromJsonAsync<int[]>())!);
    }

    public static async Task RecordReleaseAsync(this RegistryHost host, string service, string version, string[] produces, string[] consumes)
    {
        using var response = await host.Http.PostAsJsonAsync($"v1/services/{service}/releases", new { version, produces, consumes });
        await EnsureAsync(response, $"release {service} {version}");
    }

    public static async Task DeployAsync(this RegistryHost host, string environment, string service, string version)
    {
        using var response = await host.Http.PostAsJsonAsync($"v1/environments/{environment}/deployments", new { service, version });
        await EnsureAsync(response, $"deploy {service} {version} to {environment}");
    }

    public static async Task CreateEnvironmentAsync(this RegistryHost host, string environment)
    {
        using var response = await host.Http.PutAsync($"v1/environments/{environment}", null);
        await EnsureAsync(response, $"create {environment}");
    }

    /// <summary>A local port nothing listens on: bound, then released.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"setup step '{what}' failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record IdAnswer(int Id);
}
