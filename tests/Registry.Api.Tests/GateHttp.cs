using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>The deploy gate's HTTP calls (docs/deploy-gate.md), and names no other test uses.</summary>
internal static class GateHttp
{
    private static int _next;

    /// <summary>A service or environment name no other test uses: <c>orders</c> becomes <c>n17-orders</c>.</summary>
    public static string Name(string name) => $"n{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}-{name}";

    public static Task<JsonNode> RecordReleaseAsync(HttpClient http, string service, string version, string[] produces, string[] consumes, HttpStatusCode expected = HttpStatusCode.Created) =>
        HttpAssert.SendAsync(http, HttpMethod.Post, $"v1/services/{service}/releases", Json(new JsonObject
        {
            ["version"] = version,
            ["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]),
            ["consumes"] = new JsonArray([.. consumes.Select(c => (JsonNode)c)]),
        }), expected);

    public static Task<JsonNode> DeployAsync(HttpClient http, string environment, string service, string version, HttpStatusCode expected = HttpStatusCode.Created) =>
        HttpAssert.SendAsync(http, HttpMethod.Post, $"v1/environments/{environment}/deployments", Json(new JsonObject { ["service"] = service, ["version"] = version }), expected);

    /// <summary>Records a release and deploys it.</summary>
    public static async Task ReleaseAndDeployAsync(HttpClient http, string environment, string service, string version, string[] produces, string[] consumes)
    {
        await RecordReleaseAsync(http, service, version, produces, consumes);
        await DeployAsync(http, environment, service, version);
    }

    public static Task<JsonNode> CanIDeployAsync(HttpClient http, string service, string version, string environment, string extraQuery = "") =>
        HttpAssert.GetAsync(http, $"v1/can-i-deploy?service={service}&version={version}&environment={environment}{extraQuery}");

    public static StringContent Json(JsonNode body) => HttpAssert.Body(body.ToJsonString(), "application/json");

    /// <summary>Sends the request, asserts an RFC 9457 problem with <paramref name="status"/>, and returns its detail.</summary>
    public static async Task<string> ProblemAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {path}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        var detail = problem["detail"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail;
    }

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
