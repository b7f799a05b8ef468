namespace EventContracts.Client;

/// <summary>Where the registry is and how to talk to it. Bind from configuration or set in <c>AddEventContracts</c>.</summary>
public sealed class EventContractsClientOptions
{
    /// <summary>The registry's base URL, e.g. <c>http://localhost:8081</c>. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>Basic or Bearer credentials; none when the registry runs open.</summary>
    public RegistryCredentials? Credentials { get; set; }

    /// <summary>
    /// How long a subject's "latest" version is trusted before it is asked again. Schemas by id never expire: an id
    /// always names the same schema.
    /// </summary>
    public TimeSpan LatestTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt on 408, 429, 5xx, timeouts and network failures. 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The time one attempt may take before it counts as failed (and is retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The base URL with a trailing slash, so request paths append to any path it has.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says which one and why.</exception>
    internal Uri Validate()
    {
        if (Url is null)
        {
            throw new InvalidOperationException("EventContractsClientOptions.Url is not set; give the registry's base URL, e.g. http://localhost:8081.");
        }

        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(Url.Query) || !string.IsNullOrEmpty(Url.Fragment))
        {
            throw new InvalidOperationException($"EventContractsClientOptions.Url '{Url}' is not a registry URL; give an http:// or https:// URL without query, e.g. http://localhost:8081.");
        }

        if (MaxRetries < 0 || RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay || AttemptTimeout <= TimeSpan.Zero || LatestTtl < TimeSpan.Zero)
        {
            throw new InvalidOperationException("EventContractsClientOptions: MaxRetries, RetryDelay and LatestTtl must not be negative, MaxRetryDelay not below RetryDelay, AttemptTimeout above zero.");
        }

        return new UriBuilder(Url) { Path = Url.AbsolutePath.TrimEnd('/') + "/" }.Uri;
    }
}
