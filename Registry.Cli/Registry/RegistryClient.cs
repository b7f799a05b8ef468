using EventContracts.Cli.Input;
using EventContracts.Client;

namespace EventContracts.Cli.Registry;

/// <summary>
/// evc's view of the registry: the SDK's <see cref="EventContractsClient"/> (its transport, retries on connection
/// failures, timeouts, 408, 429 and 5xx, its error reading and its typed calls) on the URL from <c>--registry</c> or
/// <c>EVC_REGISTRY_URL</c> with <c>EVC_API_KEY</c> as a bearer token, and every failure turned into an exception the
/// command tree maps to an exit code (<see cref="RegistryUnreachableException"/> → 4, <see cref="RegistryRequestException"/>
/// → 3 or the verdict).
/// </summary>
internal sealed partial class RegistryClient : IDisposable
{
    public const string UrlVariable = "EVC_REGISTRY_URL";
    public const string KeyVariable = "EVC_API_KEY";

    private readonly EventContractsClient _client;

    private RegistryClient(Uri baseAddress, string? apiKey)
    {
        _client = new EventContractsClient(new EventContractsClientOptions
        {
            Url = baseAddress,
            Credentials = string.IsNullOrWhiteSpace(apiKey) ? null : RegistryCredentials.Bearer(apiKey),
            AttemptTimeout = TimeSpan.FromSeconds(30),

            // Three attempts in all: enough for a registry that is restarting, short enough that CI fails fast when it is down.
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
        });
    }

    /// <summary>The registry's base URL, with a trailing slash so request paths append to any path it has.</summary>
    public Uri BaseAddress => _client.BaseAddress;

    /// <summary>The registry URL as users wrote it, for messages.</summary>
    public string Display => _client.Display;

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

        return new RegistryClient(uri, Environment.GetEnvironmentVariable(KeyVariable));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A path segment (subject, service, environment), escaped.</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);

    private Task<RegistryResponse<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private Task<RegistryResponse<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    private Task<RegistryResponse<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        CallAsync(() => _client.SendAsync<T>(method, path, body, cancellationToken));

    /// <summary>Runs an SDK call, turning its exceptions into evc's: unavailable → exit 4, refused → exit 3 or the verdict.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RegistryUnavailableException e)
        {
            throw new RegistryUnreachableException(BaseAddress, e.Reason);
        }
        catch (RegistryException e) when (e.Status is 401 or 403)
        {
            var hint = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } ? $"check the key in {KeyVariable}" : $"set an API key in {KeyVariable}";
            throw new RegistryRequestException(e.Status, e.ErrorCode, $"{e.Message} ({e.Status}: {hint})");
        }
        catch (RegistryException e)
        {
            throw new RegistryRequestException(e.Status, e.ErrorCode, e.Message);
        }
    }
}
