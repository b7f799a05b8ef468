using System.Text.Json;
using EventContracts.Api.Core;
using Microsoft.AspNetCore.Mvc;

namespace EventContracts.Api.Confluent;

/// <summary>
/// Turns every failure into a clear answer: <see cref="RegistryException"/> into Confluent's error body (or problem
/// details under <c>/v1</c>), an oversized body into 413, anything unexpected into 50001 without a stack trace.
/// </summary>
public sealed class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (RegistryException e)
        {
            await WriteAsync(context, e);
        }
        catch (EventContracts.Schemas.SchemaException e)
        {
            // A comparison that outgrew its budget, or a schema that failed to parse where the caller did not wrap it.
            await WriteAsync(context, new RegistryException(ErrorCodes.InvalidSchema, e.Message));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await WriteAsync(context, new RegistryException(ErrorCodes.RequestTooLarge, $"The request body is larger than the {limit:N0} bytes the registry accepts; send smaller schemas, or split one into referenced schemas."));
        }
        catch (BadHttpRequestException e)
        {
            await WriteAsync(context, new RegistryException(ErrorCodes.BadRequest, e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // The last line of defence: every other failure must still answer in the documented shape.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, new RegistryException(ErrorCodes.StoreError, "The registry failed to complete the request; it has been logged. Retry, and report it if it persists."));
        }
    }

    /// <summary>What a 401 asks for: either of the two ways to send a key (docs/security.md).</summary>
    private static readonly Microsoft.Extensions.Primitives.StringValues Challenges = new(["Basic realm=\"EventContracts\"", "Bearer realm=\"EventContracts\""]);

    /// <summary>Writes <paramref name="error"/> as Confluent's error body, or as problem details under <c>/v1</c>.</summary>
    internal static Task WriteAsync(HttpContext context, RegistryException error)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Clear();
        context.Response.StatusCode = error.HttpStatus;
        if (error.HttpStatus == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = Challenges;
        }

        if (context.Request.Path.StartsWithSegments("/v1"))
        {
            var problem = new ProblemDetails
            {
                Status = error.HttpStatus,
                Title = ProblemTitle(error),
                Detail = error.Message,
                Type = $"https://eventcontracts.dev/problems/{error.ErrorCode}",
                Instance = context.Request.Path,
            };
            problem.Extensions["errorCode"] = error.ErrorCode;
            if (error.Details.Count > 0)
            {
                problem.Extensions["details"] = error.Details;
            }

            context.Response.ContentType = "application/problem+json";
            return JsonSerializer.SerializeAsync(context.Response.Body, problem, ConfluentHttp.Json);
        }

        context.Response.ContentType = ConfluentHttp.ContentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, new ConfluentError(error.ErrorCode, error.Message), ConfluentHttp.Json);
    }

    private static string ProblemTitle(RegistryException error) => error.HttpStatus switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 when error.ErrorCode == ErrorCodes.Conflict => "Conflict",
        409 => "Incompatible schema",
        422 => "Unprocessable schema or request",
        _ => "Registry error",
    };
}
