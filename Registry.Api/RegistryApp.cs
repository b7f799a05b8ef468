using EventContracts.Api.Auth;
using EventContracts.Api.Compatibility;
using EventContracts.Api.Confluent;
using EventContracts.Api.Config;
using EventContracts.Api.Core;
using EventContracts.Api.Deployments;
using EventContracts.Api.Health;
using EventContracts.Api.Linting;
using EventContracts.Api.Modes;
using EventContracts.Api.Schemas;
using EventContracts.Api.Storage;
using EventContracts.Api.Subjects;

namespace EventContracts.Api;

/// <summary>How the registry is composed: services, middleware and the endpoint groups of each feature.</summary>
public static class RegistryApp
{
    public static WebApplicationBuilder AddEventContractsRegistry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<RegistryOptions>(builder.Configuration.GetSection("Registry"));
        services.AddRegistryStorage(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchemaCache>();
        services.AddSingleton<SchemaTextCache>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SchemaRegistry>();
        services.AddSingleton<ReleaseStore>();
        services.AddSingleton<DeploymentStore>();
        services.AddSingleton<ReadCheckCache>();
        services.AddSingleton<CanIDeploy>();
        services.AddRegistryAuth();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "EventContracts registry", Version = "v1", Description = "Confluent-compatible schema registry for JSON Schema event contracts, with native /v1 checks." });
            AuthOpenApi.Describe(options);
        });
        var maxBody = builder.Configuration.GetSection("Registry").Get<RegistryOptions>()?.MaxRequestBodyBytes ?? new RegistryOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        return builder;
    }

    public static async Task PrepareRegistryAsync(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.MigrateRegistryDatabaseAsync();
        if (!await services.GetRequiredService<ApiKeyStore>().IsEnforcedAsync(CancellationToken.None))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("EventContracts.Api.Auth").LogWarning(
                "AUTH IS OFF: no API key exists, so anyone who can reach this registry may read, register, delete and change "
                + "anything. Create the first (admin) key with `evc keys create --role admin` or POST /v1/keys; every request "
                + "needs a key from then on (docs/security.md).");
        }
    }

    public static WebApplication MapEventContractsRegistry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ErrorHandling>();
        app.UseSwagger();
        app.UseSwaggerUI();

        // After Swagger, which stays open (it describes the API, and the document is in the repository anyway).
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSubjectsApi();
        app.MapSchemasApi();
        app.MapCompatibilityApi();
        app.MapConfigApi();
        app.MapModeApi();
        app.MapSubjectDiffApi();
        app.MapLintApi();
        app.MapServicesApi();
        app.MapEnvironmentsApi();
        app.MapCanIDeployApi();
        app.MapHealthApi();
        app.MapKeysApi();
        app.MapAssociationsApi();
        return app;
    }
}
