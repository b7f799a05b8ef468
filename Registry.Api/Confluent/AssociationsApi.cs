using EventContracts.Api.Auth;
using EventContracts.Api.Core;

namespace EventContracts.Api.Confluent;

/// <summary>
/// Confluent.SchemaRegistry 2.16's serdes ask <c>/associations/**</c> first and fall back to subjects only on 404.
/// Associations are not part of this registry, so every path under it answers 404 in Confluent's error shape.
/// </summary>
public static class AssociationsApi
{
    public static IEndpointRouteBuilder MapAssociationsApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/associations/{**rest}", ["GET", "POST", "PUT", "DELETE"], NotSupported).ForReaders().ExcludeFromDescription();
        app.MapMethods("/associations", ["GET", "POST", "PUT", "DELETE"], NotSupported).ForReaders().ExcludeFromDescription();

        // Any other unknown path answers in Confluent's error shape too, rather than an empty 404.
        app.MapFallback(UnknownPath).ForReaders().ExcludeFromDescription();
        return app;
    }

    private static IResult UnknownPath(HttpRequest request) =>
        throw new RegistryException(404, $"No endpoint answers {request.Method} {request.Path}; see /swagger for the API.");

    private static IResult NotSupported() =>
        throw new RegistryException(ErrorCodes.SubjectNotFound, "Associations are not supported by this registry; use subjects.");
}
