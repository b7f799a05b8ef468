using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EventContracts.Cli.Input;

namespace EventContracts.Cli.Registry;

/// <summary>
/// evc's thin HTTP client over the registry's Confluent surface and its native <c>/v1</c> surface: the URL from
/// <c>--registry</c> or <c>EVC_REGISTRY_URL</c>, <c>EVC_API_KEY</c> as a bearer token, a timeout per attempt, retries on
/// connection failures, timeouts and 5xx, and every failure turned into an exception the command tree maps to an exit
/// code (<see cref="RegistryUnreachableException"/> → 4, <see cref="RegistryRequestException"/> → 3 or the verdict).
/// </summary>
/// <remarks>
/// Deliberately small and internal: the typed SDK client (<c>EventContractsClient</c>, DESIGN §10) arrives with a later
/// issue and may replace it. Until then nothing outside evc depends on this class.
/// </remarks>
internal sealed partial class RegistryClient : IDisposable
{
    public const string UrlVariable = "EVC_REGISTRY_URL";
    public const string KeyVariable = "EVC_API_KEY";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    // Three attempts in all: enough for a registry that is restarting, short enough that CI fails fast when it is down.
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    private RegistryClient(Uri baseAddress, string? apiKey)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("evc", typeof(RegistryClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
        }
    }

    /// <summary>The registry's base URL, with a trailing slash so request paths append to any path it has.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The registry URL as users wrote it, for messages.</summary>
    public string Display => BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>A client on the URL from <paramref name="registryOption"/>, else <c>EVC_REGISTRY_URL</c>; exit 3 when neither is a URL.</summary>
    public static RegistryClient Create(string? registryOption)
    {
        var fromOption = !string.IsNullOrWhiteSpace(registryOption);
        var text = fromOption ? registryOption : Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException($"no registry URL: pass --registry <url> or set {UrlVariable}, e.g. {UrlVariable}=http://localhost:8081.");
        }

        var source = fromOption ? "--registry" : UrlVariable;
        text = text.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InputException($"{source} '{text}' is not a registry URL; give an http:// or https:// URL like http://localhost:8081.");
        }

        var baseAddress = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/" }.Uri;
        return new RegistryClient(baseAddress, Environment.GetEnvironmentVariable(KeyVariable));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A path segment (subject, service, environment), escaped.</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);

    private Task<RegistryAnswer<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private Task<RegistryAnswer<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>Sends a request and reads a 2xx answer as <typeparamref name="T"/>; a 4xx throws <see cref="RegistryRequestException"/>.</summary>
    private async Task<RegistryAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var json = body is null ? null : JsonSerializer.Serialize(body, Json);
        var (status, text) = await SendRawAsync(method, path, json, cancellationToken);
        if ((int)status >= 400)
        {
            throw Refusal(method, path, status, text);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Json)
                ?? throw new JsonException("the body is null");
            return new RegistryAnswer<T>(value, status, text);
        }
        catch (JsonException e)
        {
            // Something answers at that URL, but not a registry (a proxy's page, another service): as good as unreachable.
            throw new RegistryUnreachableException(BaseAddress, $"{method} /{path} answered {(int)status} with a body that is not the registry's JSON ({e.Message}); is this the URL of an EventContracts registry?");
        }
    }

    /// <summary>The transport: one request, retried on connection failures, timeouts, 408, 429 and 5xx.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendRawAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string why;
            var retry = true;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(AttemptTimeout);
                using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                try
                {
                    using var response = await _http.SendAsync(request, timeout.Token);
                    var text = await response.Content.ReadAsStringAsync(timeout.Token);
                    var code = (int)response.StatusCode;
                    if (code < 500 && code is not 408 and not 429)
                    {
                        return (response.StatusCode, text);
                    }

                    why = $"{method} /{path} answered {code} {response.ReasonPhrase}{MessageSuffix(text)}";
                }
                catch (HttpRequestException e)
                {
                    why = Describe(e);

                    // A name that does not resolve will not resolve a second later either: it is a typo.
                    retry = e.HttpRequestError != HttpRequestError.NameResolutionError;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    why = $"no answer to {method} /{path} within {AttemptTimeout.TotalSeconds:0} s";
                }
            }

            if (!retry || attempt >= RetryDelays.Length)
            {
                var tries = attempt == 0 ? string.Empty : $" (tried {attempt + 1} times)";
                throw new RegistryUnreachableException(BaseAddress, why + tries);
            }

            await Task.Delay(RetryDelays[attempt], cancellationToken);
        }
    }

    private RegistryRequestException Refusal(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var code = (int)status;
        var (message, errorCode) = ReadError(body);
        if (message is null)
        {
            // No error body: typically a route this registry does not serve (an older registry without the deploy gate).
            message = code == 404
                ? $"the registry at {Display} has no {method} /{path.Split('?')[0]} (404); is it an EventContracts registry recent enough for this command?"
                : $"the registry at {Display} refused {method} /{path.Split('?')[0]} with {code} {status}.";
        }
        else if (code is 401 or 403)
        {
            message = $"{message} ({code}: {(Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } ? $"check the key in {KeyVariable}" : $"set an API key in {KeyVariable}")})";
        }

        return new RegistryRequestException(code, errorCode, message);
    }

    /// <summary>Confluent's <c>{"error_code","message"}</c>, or RFC 9457 problem details (<c>detail</c>, else <c>title</c>).</summary>
    private static (string? Message, int? ErrorCode) ReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (Shorten(body), null);
            }

            int? errorCode = null;
            if ((root.TryGetProperty("error_code", out var code) || root.TryGetProperty("errorCode", out code)) && code.TryGetInt32(out var number))
            {
                errorCode = number;
            }

            foreach (var name in (string[])["message", "detail", "title"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return (text, errorCode);
                }
            }

            return (Shorten(body), errorCode);
        }
        catch (JsonException)
        {
            return (Shorten(body), null);
        }
    }

    private static string MessageSuffix(string body) => ReadError(body).Message is { } message ? $": {message}" : string.Empty;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string Describe(HttpRequestException e)
    {
        // The innermost exception says it best ("Connection refused (127.0.0.1:1)"); the outer one adds only "An error occurred".
        var inner = e.InnerException;
        while (inner?.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var detail = inner is SocketException or IOException or System.Security.Authentication.AuthenticationException ? inner.Message : e.Message;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"cannot resolve the host name ({detail})",
            HttpRequestError.ConnectionError => $"cannot connect ({detail})",
            HttpRequestError.SecureConnectionError => $"the TLS handshake failed ({detail})",
            _ => detail,
        };
    }
}

/// <summary>A 2xx answer: its value, its status (201 created or 200 already there) and the body as sent.</summary>
internal sealed record RegistryAnswer<T>(T Value, HttpStatusCode Status, string Body);
