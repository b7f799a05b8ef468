using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>Raw HTTP against the registry, the way a non-Confluent client (curl, a script) talks to it.</summary>
internal static class HttpAssert
{
    public const string ConfluentContentType = "application/vnd.schemaregistry.v1+json";

    /// <summary>A JSON body with the given content type (Confluent's by default).</summary>
    public static StringContent Body(object body, string contentType = ConfluentContentType) =>
        Body(body is string text ? text : JsonSerializer.Serialize(body), contentType);

    public static StringContent Body(string json, string contentType = ConfluentContentType)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>The register request body Confluent's clients send: schema as a string, schemaType, and the fields it always adds.</summary>
    public static StringContent SchemaBody(string schema, object? references = null) =>
        Body(new Dictionary<string, object?> { ["schema"] = schema, ["schemaType"] = "JSON", ["references"] = references ?? Array.Empty<object>() });

    public static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> GetAsync(HttpClient http, string path) => SendAsync(http, HttpMethod.Get, path);

    public static Task<JsonNode> PostAsync(HttpClient http, string path, HttpContent content) => SendAsync(http, HttpMethod.Post, path, content);

    public static Task<JsonNode> PutAsync(HttpClient http, string path, object body) => SendAsync(http, HttpMethod.Put, path, Body(body));

    public static Task<JsonNode> DeleteAsync(HttpClient http, string path) => SendAsync(http, HttpMethod.Delete, path);

    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/> and returns the id.</summary>
    public static async Task<int> RegisterAsync(HttpClient http, string subject, string schema, string query = "") =>
        (await PostAsync(http, $"subjects/{subject}/versions{query}", SchemaBody(schema)))["id"]!.GetValue<int>();

    /// <summary>Registers <paramref name="schema"/> with schema references (<c>[{name, subject, version}]</c>) and returns the id.</summary>
    public static async Task<int> RegisterAsync(HttpClient http, string subject, string schema, object references) =>
        (await PostAsync(http, $"subjects/{subject}/versions", SchemaBody(schema, references)))["id"]!.GetValue<int>();

    /// <summary>
    /// Sends the request and asserts Confluent's error shape: the HTTP status (the code's first three digits), its
    /// content type, and exactly <c>{"error_code", "message"}</c>. Returns the message.
    /// </summary>
    public static async Task<string> ConfluentErrorAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, int errorCode)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = errorCode >= 10_000 ? errorCode / 100 : errorCode;
        Assert.True((int)response.StatusCode == status, $"{method} {path}: expected HTTP {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ConfluentContentType, response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["error_code", "message"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(errorCode, body["error_code"]!.GetValue<int>());
        var message = body["message"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }
}
