using EventContracts.Client;
using EventContracts.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EventContracts client and serializer in a service collection.</summary>
public static class EventContractsServiceCollectionExtensions
{
    /// <summary>
    /// Adds one shared <see cref="EventContractsClient"/> (its native calls through <c>IHttpClientFactory</c> with
    /// retries, backoff and jitter) and an <see cref="EventSerializerFactory"/> for serializers and deserializers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the registry URL, credentials, cache and retry options.</param>
    /// <param name="configureSerializer">Optionally sets the serializer options (CloudEvents source, validation, known schema ids).</param>
    public static IServiceCollection AddEventContracts(
        this IServiceCollection services,
        Action<EventContractsClientOptions> configure,
        Action<EventSerializerOptions>? configureSerializer = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.Configure(configureSerializer ?? (_ => { }));

        services.AddHttpClient(RegistryResilience.PipelineName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(RegistryResilience.PipelineName, (builder, context) =>
                RegistryResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<EventContractsClientOptions>>().Value));

        services.TryAddSingleton(sp => new EventContractsClient(
            sp.GetRequiredService<IOptions<EventContractsClientOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(RegistryResilience.PipelineName)));
        services.TryAddSingleton(sp => new EventSerializerFactory(
            sp.GetRequiredService<EventContractsClient>(),
            sp.GetRequiredService<IOptions<EventSerializerOptions>>().Value));
        return services;
    }
}
