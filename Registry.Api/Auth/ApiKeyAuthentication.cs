using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using EventContracts.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EventContracts.Api.Auth;

/// <summary>
/// Reads <c>Authorization: Basic base64(id:secret)</c> (what Confluent clients send for <c>BasicAuthUserInfo</c>) or
/// <c>Authorization: Bearer id:secret</c> and checks it against <see cref="ApiKeyStore"/>. While no key exists every
/// request is let in as an admin (the registry runs open); 401 and 403 answers are <see cref="AuthResults"/>'.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The claim holding one subject prefix a writer key is limited to.</summary>
    public const string ScopeClaim = "evc:scope";

    /// <summary>The key id that stands for "no key: the registry runs open".</summary>
    public const string OpenRegistry = "(open registry)";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            // Health answers without touching the key store: liveness must not depend on the database, and readiness
            // reports a database failure as its own 503.
            return AuthenticateResult.NoResult();
        }

        if (!await keys.IsEnforcedAsync(Context.RequestAborted))
        {
            return Success(new ApiKeyInfo(OpenRegistry, ApiKeyRole.Admin, [], null, default, null));
        }

        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var value) || string.IsNullOrEmpty(value.Parameter))
        {
            return AuthenticateResult.Fail("The Authorization header is malformed; send Basic base64(id:secret) or Bearer id:secret.");
        }

        string? credentials = null;
        if (value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            credentials = DecodeBasic(value.Parameter);
        }
        else if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            credentials = value.Parameter;
        }
        else
        {
            return AuthenticateResult.Fail($"The {value.Scheme} scheme is not accepted; send Basic base64(id:secret) or Bearer id:secret.");
        }

        var colon = credentials?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (credentials is null || colon <= 0 || colon == credentials.Length - 1)
        {
            return AuthenticateResult.Fail("The credentials are not id:secret; send the token `evc keys create` printed.");
        }

        var (key, refusal) = await keys.VerifyAsync(credentials[..colon], credentials[(colon + 1)..], Context.RequestAborted);
        return key is null ? AuthenticateResult.Fail(refusal!) : Success(key);
    }

    private static string? DecodeBasic(string parameter)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static AuthenticateResult Success(ApiKeyInfo key)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, key.Id)];

        // Each role holds the ones below it, so a policy asks for the least role it needs.
        claims.AddRange(Enum.GetValues<ApiKeyRole>().Where(r => r <= key.Role).Select(r => new Claim(ClaimTypes.Role, r.ToWireName())));
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
