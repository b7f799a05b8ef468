using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EventContracts.Client;

/// <summary>
/// The retry and timeout pipeline of the native surface: exponential backoff with jitter on 408, 429, 5xx, timeouts
/// and network failures (Microsoft.Extensions.Http.Resilience's transient set), a timeout per attempt. One definition
/// for the client built by hand and the one <c>AddEventContracts</c> registers.
/// </summary>
internal static class RegistryResilience
{
    public const string PipelineName = "EventContracts.Registry";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, EventContractsClientOptions options)
    {
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // The transient set (408, 429, 5xx, timeouts, network failures) less a host name that does not
                // resolve: a second later it will not resolve either, it is a typo.
                ShouldHandle = args => args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
                    ? PredicateResult.False()
                    : new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    public static ResiliencePipeline<HttpResponseMessage> Build(EventContractsClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options);
        return builder.Build();
    }
}
