using System.Text.Json;
using System.Text.Json.Serialization;
using EventContracts.Api.Core;

namespace EventContracts.Api.Confluent;

/// <summary>The wire details Confluent's clients depend on (DESIGN §7.1).</summary>
public static class ConfluentHttp
{
    public const string ContentType = "application/vnd.schemaregistry.v1+json";

    /// <summary>
    /// Documents the request content types a Confluent client may send. The body is read as JSON whichever it is,
    /// and <c>*/*</c> keeps routing from refusing other content types (curl's default, say) with an empty 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsConfluent<T>(this RouteHandlerBuilder builder)
        where T : notnull =>
        builder.Accepts<T>(ContentType, "application/vnd.schemaregistry+json", "application/json", "application/octet-stream", "*/*");

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Schema texts are JSON inside JSON: escaping every quote as \u0022 would double their size for nothing.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the body as JSON whatever its content type; a body that is not JSON of the right shape is a 400 that says so.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted);
            return body ?? throw new RegistryException(ErrorCodes.BadRequest, "The request body is empty; send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new RegistryException(ErrorCodes.BadRequest, $"The request body is not valid JSON for this endpoint: {e.Message}");
        }
    }

    /// <summary>Confluent clients send <c>True</c>/<c>False</c>; anything else that is not a boolean is a 400.</summary>
    public static bool Flag(string? value, string name, bool fallback = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var flag)
            ? flag
            : throw new RegistryException(ErrorCodes.BadRequest, $"Query parameter {name}={value} is not a boolean; use true or false.");
    }

    /// <summary>A tri-state flag: null when absent.</summary>
    public static bool? OptionalFlag(string? value, string name) => string.IsNullOrEmpty(value) ? null : Flag(value, name);

    public static ConfluentResult<T> Ok<T>(T value) => new(value);
}

/// <summary>A JSON response with Confluent's content type.</summary>
public sealed class ConfluentResult<T>(T value) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public T Value { get; } = value;

    public int? StatusCode => StatusCodes.Status200OK;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ConfluentHttp.ContentType;
        return JsonSerializer.SerializeAsync(httpContext.Response.Body, Value, ConfluentHttp.Json, httpContext.RequestAborted);
    }
}

/// <summary>Pre-serialized bytes with Confluent's content type: the hot by-id path writes them without serializing.</summary>
public sealed class ConfluentBytesResult(ReadOnlyMemory<byte> body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ConfluentHttp.ContentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}

/// <summary>Confluent's error body.</summary>
public sealed record ConfluentError(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message);
