using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Confluent.SchemaRegistry;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Microsoft.Extensions.Http.Resilience;

namespace EventContracts.Client;

/// <summary>
/// Typed client of an EventContracts registry. The Confluent surface goes through Confluent.SchemaRegistry's own
/// <see cref="CachedSchemaRegistryClient"/> (its caches and retries); the native <c>/v1</c> surface through an
/// <see cref="HttpClient"/> with Microsoft.Extensions.Http.Resilience retries. Schemas by id are cached, parsed,
/// for the life of the client; a subject's latest version for <see cref="EventContractsClientOptions.LatestTtl"/>.
/// Thread-safe; make one per registry and share it (<c>services.AddEventContracts</c> does).
/// </summary>
public sealed class EventContractsClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly CachedSchemaRegistryClient _confluent;
    private readonly ConcurrentDictionary<int, Task<RegisteredSchema>> _byId = new();

    /// <summary>A client with its own <see cref="HttpClient"/> and retry pipeline.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says why.</exception>
    public EventContractsClient(EventContractsClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>
    /// A client whose native calls go through <paramref name="http"/> (from <c>IHttpClientFactory</c>, with the retry
    /// handler already in its pipeline), or through its own client with retries when null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says why.</exception>
    public EventContractsClient(EventContractsClientOptions options, HttpClient? http)
    {
        ArgumentNullException.ThrowIfNull(options);
        BaseAddress = options.Validate();
        Options = options;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(new ResilienceHandler(RegistryResilience.Build(options)) { InnerHandler = new SocketsHttpHandler() })
        {
            // The pipeline times each attempt; the client must not cut the retries short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.Credentials is { } credentials)
        {
            _http.DefaultRequestHeaders.Authorization = credentials.Header;
        }

        _confluent = new CachedSchemaRegistryClient(ConfluentConfig(BaseAddress, options), options.Credentials is { BasicUserInfo: null } bearer ? new HeaderProvider(bearer.Header) : null);
    }

    /// <summary>The registry's base URL, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options this client was made with.</summary>
    public EventContractsClientOptions Options { get; }

    /// <summary>
    /// Confluent's client on the same registry and credentials, for Confluent's own serdes; it shares this client's
    /// Confluent-surface caches.
    /// </summary>
    public ISchemaRegistryClient Confluent => _confluent;

    /// <summary>The registry URI of schema <paramref name="id"/> (<c>{base}/schemas/ids/{id}</c>), as CloudEvents' <c>dataschema</c>.</summary>
    public Uri SchemaUri(int id) => new(BaseAddress, string.Create(CultureInfo.InvariantCulture, $"schemas/ids/{id}"));

    /// <summary>
    /// The schema registered under <paramref name="id"/>, parsed. Asked once: the answer is kept for the life of the
    /// client (ids are immutable), so it keeps working while the registry is down.
    /// </summary>
    /// <exception cref="RegistryException">No schema has that id (<c>ErrorCode</c> 40403), or the registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public Task<RegisteredSchema> GetSchemaAsync(int id)
    {
        var task = _byId.GetOrAdd(id, FetchAsync);
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failure is not an answer: the next caller asks again.
            _byId.TryRemove(new KeyValuePair<int, Task<RegisteredSchema>>(id, task));
        }

        return task;

        async Task<RegisteredSchema> FetchAsync(int key)
        {
            try
            {
                var schema = await CallAsync(() => _confluent.GetSchemaAsync(key), string.Create(CultureInfo.InvariantCulture, $"GET /schemas/ids/{key}")).ConfigureAwait(false);
                return new RegisteredSchema(key, Parse(schema.SchemaString, $"schema {key}"));
            }
            catch
            {
                _byId.TryRemove(key, out _);
                throw;
            }
        }
    }

    /// <summary>The latest version of <paramref name="subject"/>, trusted for <see cref="EventContractsClientOptions.LatestTtl"/>.</summary>
    /// <exception cref="RegistryException">The subject does not exist (40401), or the registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<SubjectSchema> GetLatestAsync(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var latest = await CallAsync(() => _confluent.GetLatestSchemaAsync(subject), $"GET /subjects/{subject}/versions/latest").ConfigureAwait(false);
        return new SubjectSchema(latest.Subject, latest.Version, latest.Id, Parse(latest.SchemaString, $"{subject} v{latest.Version}"));
    }

    /// <summary>The version of <paramref name="subject"/> holding <paramref name="schema"/>, or null when none does.</summary>
    /// <exception cref="RegistryException">The registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<SubjectSchema?> LookupAsync(string subject, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        try
        {
            var found = await CallAsync(() => _confluent.LookupSchemaAsync(subject, new Schema(schema, SchemaType.Json), ignoreDeletedSchemas: true, normalize: false), $"POST /subjects/{subject}").ConfigureAwait(false);
            return new SubjectSchema(found.Subject, found.Version, found.Id, Parse(found.SchemaString, $"{subject} v{found.Version}"));
        }
        catch (RegistryException e) when (e.ErrorCode is 40401 or 40403)
        {
            return null;
        }
    }

    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/> and returns its id; registering it again returns the same id.</summary>
    /// <exception cref="RegistryException">Refused: 409 incompatible, 42201 invalid or failing lint; the message says why.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public Task<int> RegisterAsync(string subject, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        return CallAsync(() => _confluent.RegisterSchemaAsync(subject, new Schema(schema, SchemaType.Json), normalize: false), $"POST /subjects/{subject}/versions");
    }

    /// <summary>
    /// The registry's stateless check (<c>POST /v1/compatibility</c>): may <paramref name="candidate"/> follow
    /// <paramref name="previous"/> (oldest first) under <paramref name="level"/> and <paramref name="policy"/>?
    /// </summary>
    /// <exception cref="RegistryException">The registry refused (e.g. a schema that does not parse).</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<CompatibilityReport> CheckCompatibilityAsync(
        string candidate,
        IReadOnlyList<string> previous,
        CompatibilityLevel level = CompatibilityLevel.Backward,
        CompatibilityPolicy policy = CompatibilityPolicy.Strict,
        CancellationToken cancellationToken = default) =>
        (await SendAsync<CompatibilityReport>(
            HttpMethod.Post,
            "v1/compatibility",
            new { schemaType = "JSON", level = level.ToWireName(), policy = policy.ToWireName(), previous, candidate },
            cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        _confluent.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>
    /// Sends one request to the registry (native <c>/v1</c> or Confluent surface) through the retry pipeline and reads
    /// a 2xx answer as <typeparamref name="T"/>: the typed calls are built on it, and it serves the routes they do not
    /// cover (the deploy gate's, for instance).
    /// </summary>
    /// <typeparam name="T">What the answer's body is read as (camelCase JSON).</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, with its query, segments already escaped (e.g. <c>v1/can-i-deploy?service=orders</c>).</param>
    /// <param name="body">Sent as JSON when not null.</param>
    /// <param name="cancellationToken">Cancels the request and the retries.</param>
    /// <exception cref="RegistryException">A 4xx: <c>Status</c>, <c>ErrorCode</c> and the registry's message.</exception>
    /// <exception cref="RegistryUnavailableException">No answer, or 408/429/5xx, after the retries; or an answer that is not a registry's JSON.</exception>
    public async Task<RegistryResponse<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var tries = Options.MaxRetries > 0 ? $" (tried {Options.MaxRetries + 1} times)" : string.Empty;
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: Json);
            }

            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryUnavailableException(BaseAddress, RegistryErrors.Describe(e) + (e.HttpRequestError == HttpRequestError.NameResolutionError ? string.Empty : tries), e);
        }
        catch (Exception e) when ((e is OperationCanceledException && !cancellationToken.IsCancellationRequested) || e is Polly.Timeout.TimeoutRejectedException)
        {
            throw new RegistryUnavailableException(BaseAddress, $"no answer to {method} /{path} within {Options.AttemptTimeout.TotalSeconds:0} s{tries}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 408 or 429 or >= 500)
            {
                throw new RegistryUnavailableException(BaseAddress, $"{method} /{path} answered {status} {response.ReasonPhrase}{RegistryErrors.Suffix(text)}{tries}");
            }

            if (status >= 400)
            {
                var (message, code) = RegistryErrors.Read(text);
                var route = path.Split('?')[0];
                message ??= status == 404
                    ? $"the registry at {Display} has no {method} /{route} (404); is it an EventContracts registry recent enough for this call?"
                    : $"the registry at {Display} refused {method} /{route} with {status} {response.StatusCode}.";
                throw new RegistryException(status, code, message);
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException("the body is null");
                return new RegistryResponse<T>(value, response.StatusCode, text);
            }
            catch (JsonException e)
            {
                // Something answers at that URL, but not a registry (a proxy's page, another service): as good as unavailable.
                throw new RegistryUnavailableException(BaseAddress, $"{method} /{path} answered {status} with a body that is not the registry's JSON ({e.Message}); is this the URL of an EventContracts registry?", e);
            }
        }
    }

    /// <summary>The registry URL as users write it, without the trailing slash, for messages.</summary>
    public string Display => BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>
    /// The versions of <paramref name="subject"/> (<c>GET /subjects/{s}/versions</c>), soft-deleted ones included when
    /// <paramref name="includeDeleted"/>; null when the subject does not exist. Not cached.
    /// </summary>
    /// <exception cref="RegistryException">The registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<IReadOnlyList<int>?> GetVersionsAsync(string subject, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        try
        {
            var path = $"subjects/{Uri.EscapeDataString(subject)}/versions{(includeDeleted ? "?deleted=true" : string.Empty)}";
            return (await SendAsync<int[]>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RegistryException e) when (e.Status == 404 && e.ErrorCode is 40401)
        {
            return null;
        }
    }

    /// <summary>
    /// Version <paramref name="version"/> of <paramref name="subject"/> with its schema text, soft-deleted ones included
    /// when <paramref name="includeDeleted"/>; null when the subject or the version does not exist. Not cached.
    /// </summary>
    /// <exception cref="RegistryException">The registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<SubjectVersion?> GetVersionAsync(string subject, int version, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        try
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"subjects/{Uri.EscapeDataString(subject)}/versions/{version}{(includeDeleted ? "?deleted=true" : string.Empty)}");
            return (await SendAsync<SubjectVersion>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RegistryException e) when (e.Status == 404 && e.ErrorCode is 40401 or 40402)
        {
            return null;
        }
    }

    /// <summary>The level and policy <paramref name="subject"/>'s registrations are checked under (its own, else the global ones).</summary>
    /// <exception cref="RegistryException">The registry refused.</exception>
    /// <exception cref="RegistryUnavailableException">The registry could not be reached after the retries.</exception>
    public async Task<SubjectConfig> GetConfigAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return (await SendAsync<SubjectConfig>(HttpMethod.Get, $"config/{Uri.EscapeDataString(subject)}?defaultToGlobal=true", null, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Runs a Confluent-client call and turns its failures into this client's exceptions.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SchemaRegistryException e) when ((int)e.Status is 408 or 429 or >= 500)
        {
            throw new RegistryUnavailableException(BaseAddress, $"{what} answered {(int)e.Status}: {e.Message} (tried {Options.MaxRetries + 1} times)", e);
        }
        catch (SchemaRegistryException e)
        {
            throw new RegistryException((int)e.Status, e.ErrorCode, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryUnavailableException(BaseAddress, $"{what}: {RegistryErrors.Describe(e)} (tried {Options.MaxRetries + 1} times)", e);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            throw new RegistryUnavailableException(BaseAddress, $"{what}: no answer within {Options.AttemptTimeout.TotalSeconds:0} s (tried {Options.MaxRetries + 1} times)", e);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new RegistryUnavailableException(BaseAddress, $"{what} answered with a body that is not the registry's JSON ({e.Message}); is this the URL of an EventContracts registry?", e);
        }
    }

    private static ContractSchema Parse(string text, string what)
    {
        try
        {
            return ContractSchema.Parse(text);
        }
        catch (SchemaException e)
        {
            throw new RegistryException(0, null, $"the registry's {what} is not a schema this SDK can read: {e.Message}", e);
        }
    }

    private static SchemaRegistryConfig ConfluentConfig(Uri baseAddress, EventContractsClientOptions options)
    {
        var config = new SchemaRegistryConfig
        {
            Url = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/'),
            RequestTimeoutMs = (int)options.AttemptTimeout.TotalMilliseconds,
            MaxRetries = options.MaxRetries,
            RetriesWaitMs = (int)options.RetryDelay.TotalMilliseconds,
            RetriesMaxWaitMs = (int)options.MaxRetryDelay.TotalMilliseconds,
            LatestCacheTtlSecs = (int)Math.Ceiling(options.LatestTtl.TotalSeconds),
        };
        if (options.Credentials?.BasicUserInfo is { } userInfo)
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = userInfo;
        }

        return config;
    }

    /// <summary>A fixed Bearer key for Confluent's client, which otherwise only knows OAuth flows.</summary>
    private sealed class HeaderProvider(AuthenticationHeaderValue header) : IAuthenticationHeaderValueProvider
    {
        public AuthenticationHeaderValue GetAuthenticationHeader() => header;
    }
}
