using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>Keys for tests against a keyed registry: created through <c>POST /v1/keys</c>, sent as Basic or Bearer.</summary>
internal static class ApiKeys
{
    // A fixture's registry is bootstrapped once: its first key is an admin key, and auth is on from then on.
    private static readonly ConcurrentDictionary<RegistryHost, Task<string>> Admins = new();

    /// <summary>The token of the admin key that turned auth on for <paramref name="host"/>, created at the first call.</summary>
    public static Task<string> AdminAsync(RegistryHost host) => Admins.GetOrAdd(host, h => CreateAsync(h.Http, "admin"));

    /// <summary>Creates a key (the first one on a registry must be <c>admin</c>) and returns its <c>id:secret</c> token.</summary>
    public static async Task<string> CreateAsync(HttpClient http, string role, params string[] scopes) =>
        (await CreateKeyAsync(http, role, scopes))["token"]!.GetValue<string>();

    /// <summary>Creates a key and returns the whole answer (<c>key</c>, <c>secret</c>, <c>token</c>).</summary>
    public static async Task<JsonNode> CreateKeyAsync(HttpClient http, string role, params string[] scopes)
    {
        var body = new JsonObject { ["role"] = role, ["scopes"] = new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]) };
        return await HttpAssert.SendAsync(http, HttpMethod.Post, "v1/keys", HttpAssert.Body(body.ToJsonString(), "application/json"), HttpStatusCode.Created);
    }

    /// <summary>An HTTP client on the registry that sends <paramref name="token"/> as HTTP Basic (as Confluent clients do) or as a bearer token.</summary>
    public static HttpClient Client(RegistryHost host, string? token, bool basic = true)
    {
        var http = new HttpClient { BaseAddress = new Uri(host.Url + "/") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = basic
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(token)))
                : new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>Asserts a 401 with <c>WWW-Authenticate</c> offering Basic and Bearer; returns the message.</summary>
    public static async Task<string> UnauthorizedAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path}: expected 401, got {(int)response.StatusCode}: {text}");
        Assert.Equal(["Basic", "Bearer"], response.Headers.WwwAuthenticate.Select(h => h.Scheme));
        var body = JsonNode.Parse(text)!;
        Assert.Equal(40101, (body["error_code"] ?? body["errorCode"])!.GetValue<int>());
        return (body["message"] ?? body["detail"])!.GetValue<string>();
    }
}
