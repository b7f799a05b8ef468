using System.Net;
using System.Text;
using EventContracts.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>
/// Every endpoint the registry maps, held to a hand-written table of who may call it (docs/security.md): a new endpoint
/// without a row, or a row without an endpoint, fails; so does an endpoint without an authorization policy.
/// </summary>
public sealed class EndpointAuthorizationTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private const string Anyone = "anyone";
    private const string Fallback = "{*path:nonfile}";
    private const string InScope = "order.";

    /// <summary>"METHOD pattern" → the policy it must declare. Written by hand on purpose.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /subjects/"] = AuthPolicies.Reader,
        ["POST /subjects/{subject}"] = AuthPolicies.Reader,
        ["DELETE /subjects/{subject}"] = AuthPolicies.SubjectWriter,
        ["GET /subjects/{subject}/versions"] = AuthPolicies.Reader,
        ["POST /subjects/{subject}/versions"] = AuthPolicies.SubjectWriter,
        ["GET /subjects/{subject}/versions/{version}"] = AuthPolicies.Reader,
        ["GET /subjects/{subject}/versions/{version}/schema"] = AuthPolicies.Reader,
        ["DELETE /subjects/{subject}/versions/{version}"] = AuthPolicies.SubjectWriter,
        ["GET /subjects/{subject}/versions/{version}/referencedby"] = AuthPolicies.Reader,
        ["GET /schemas/"] = AuthPolicies.Reader,
        ["GET /schemas/types"] = AuthPolicies.Reader,
        ["GET /schemas/ids/{id}"] = AuthPolicies.Reader,
        ["GET /schemas/ids/{id}/schema"] = AuthPolicies.Reader,
        ["GET /schemas/ids/{id}/subjects"] = AuthPolicies.Reader,
        ["GET /schemas/ids/{id}/versions"] = AuthPolicies.Reader,
        ["POST /compatibility/subjects/{subject}/versions/{version}"] = AuthPolicies.Reader,
        ["POST /compatibility/subjects/{subject}/versions"] = AuthPolicies.Reader,
        ["GET /config/"] = AuthPolicies.Reader,
        ["PUT /config/"] = AuthPolicies.Admin,
        ["DELETE /config/"] = AuthPolicies.Admin,
        ["GET /config/{subject}"] = AuthPolicies.Reader,
        ["PUT /config/{subject}"] = AuthPolicies.SubjectWriter,
        ["DELETE /config/{subject}"] = AuthPolicies.SubjectWriter,
        ["GET /mode/"] = AuthPolicies.Reader,
        ["PUT /mode/"] = AuthPolicies.Admin,
        ["DELETE /mode/"] = AuthPolicies.Admin,
        ["GET /mode/{subject}"] = AuthPolicies.Reader,
        ["PUT /mode/{subject}"] = AuthPolicies.SubjectWriter,
        ["DELETE /mode/{subject}"] = AuthPolicies.SubjectWriter,
        ["POST /v1/compatibility"] = AuthPolicies.Reader,
        ["GET /v1/subjects/{subject}/diff"] = AuthPolicies.Reader,
        ["POST /v1/lint"] = AuthPolicies.Reader,
        ["POST /v1/services/{service}/releases"] = AuthPolicies.Writer,
        ["GET /v1/services"] = AuthPolicies.Reader,
        ["GET /v1/services/{service}"] = AuthPolicies.Reader,
        ["GET /v1/services/{service}/releases/{version}"] = AuthPolicies.Reader,
        ["PUT /v1/environments/{environment}"] = AuthPolicies.Writer,
        ["GET /v1/environments"] = AuthPolicies.Reader,
        ["GET /v1/environments/{environment}"] = AuthPolicies.Reader,
        ["POST /v1/environments/{environment}/deployments"] = AuthPolicies.Writer,
        ["DELETE /v1/environments/{environment}/deployments/{service}"] = AuthPolicies.Writer,
        ["GET /v1/environments/{environment}/deployments/history"] = AuthPolicies.Reader,
        ["GET /v1/can-i-deploy"] = AuthPolicies.Reader,
        ["POST /v1/keys/"] = AuthPolicies.Admin,
        ["GET /v1/keys/"] = AuthPolicies.Admin,
        ["DELETE /v1/keys/{id}"] = AuthPolicies.Admin,
        ["GET /health/live"] = Anyone,
        ["GET /health/ready"] = Anyone,
        ["GET /associations"] = AuthPolicies.Reader,
        ["POST /associations"] = AuthPolicies.Reader,
        ["PUT /associations"] = AuthPolicies.Reader,
        ["DELETE /associations"] = AuthPolicies.Reader,
        ["GET /associations/{**rest}"] = AuthPolicies.Reader,
        ["POST /associations/{**rest}"] = AuthPolicies.Reader,
        ["PUT /associations/{**rest}"] = AuthPolicies.Reader,
        ["DELETE /associations/{**rest}"] = AuthPolicies.Reader,
        [$"GET {Fallback}"] = AuthPolicies.Reader,
    };

    private enum Caller
    {
        Anonymous,
        Reader,
        WriterInScope,
        WriterOutOfScope,
        Admin,
    }

    [Fact]
    public void Every_endpoint_declares_an_authorization_policy_or_anonymous_access()
    {
        string[] known = [AuthPolicies.Reader, AuthPolicies.Writer, AuthPolicies.SubjectWriter, AuthPolicies.Admin];

        var undeclared = Endpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => known.Contains(a.Policy)))
            .Select(e => e.Key)
            .ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without an authorization policy (add ForReaders(), ForWriters(), ForSubjectWriters(), ForAdmins() or ForAnyone()): " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_endpoint_has_a_row_in_the_table_and_declares_the_policy_of_its_row()
    {
        var endpoints = Endpoints().ToList();

        var declared = endpoints.ToDictionary(e => e.Key, e => Declared(e.Endpoint), StringComparer.Ordinal);

        Assert.Empty(declared.Keys.Except(Expected.Keys).Select(k => $"no row for {k} (declares {declared[k]})"));
        Assert.Empty(Expected.Keys.Except(declared.Keys).Select(k => $"no endpoint for the row {k}"));
        Assert.Empty(Expected.Where(row => declared[row.Key] != row.Value).Select(row => $"{row.Key} declares {declared[row.Key]}, the table says {row.Value}"));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_policy_says()
    {
        // The fixture's registry is open until this first key; the other tests only read metadata.
        var admin = await ApiKeys.CreateAsync(host.Http, "admin");
        using var adminHttp = ApiKeys.Client(host, admin);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = ApiKeys.Client(host, null),
            [Caller.Reader] = ApiKeys.Client(host, await ApiKeys.CreateAsync(adminHttp, "reader")),
            [Caller.WriterInScope] = ApiKeys.Client(host, await ApiKeys.CreateAsync(adminHttp, "writer", InScope), basic: false),
            [Caller.Admin] = adminHttp,
        };
        clients[Caller.WriterOutOfScope] = clients[Caller.WriterInScope];
        List<string> wrong = [];
        try
        {
            foreach (var (key, policy) in Expected)
            {
                var (method, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    var expected = ExpectedStatus(policy, caller);
                    var path = Path(pattern, caller == Caller.WriterOutOfScope ? "billing.created-value" : InScope + "created-value");
                    using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                    if (method is "POST" or "PUT")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await clients[caller].SendAsync(request);
                    var status = (int)response.StatusCode;
                    var ok = expected is null ? status is not (401 or 403) : status == expected;
                    if (ok && status == 401 && response.Headers.WwwAuthenticate.Count == 0)
                    {
                        ok = false;
                    }

                    if (!ok)
                    {
                        wrong.Add($"{key} as {caller}: expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "neither 401 nor 403"}, got {status}");
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values.Distinct())
            {
                client.Dispose();
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>401 or 403 when the caller may not; null (any other status) when it may.</summary>
    private static int? ExpectedStatus(string policy, Caller caller) => (policy, caller) switch
    {
        (Anyone, _) => null,
        (_, Caller.Anonymous) => 401,
        (_, Caller.Admin) => null,
        (AuthPolicies.Reader, _) => null,
        (AuthPolicies.Writer, Caller.WriterInScope or Caller.WriterOutOfScope) => null,
        (AuthPolicies.SubjectWriter, Caller.WriterInScope) => null,
        _ => 403,
    };

    /// <summary>A request path for a route pattern, with the subject given and harmless values for the other parameters.</summary>
    private static string Path(string pattern, string subject) => pattern == Fallback
        ? "no/such/path"
        : pattern.TrimStart('/')
            .Replace("{subject}", subject, StringComparison.Ordinal)
            .Replace("{version}", "1", StringComparison.Ordinal)
            .Replace("{id}", "987654", StringComparison.Ordinal)
            .Replace("{service}", "nobody", StringComparison.Ordinal)
            .Replace("{environment}", "nowhere", StringComparison.Ordinal)
            .Replace("{**rest}", "x/y", StringComparison.Ordinal);

    private static string Declared(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            ? Anyone
            : string.Join('+', endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)"));

    /// <summary>Every route endpoint, once per HTTP method (the fallback, which has none, as GET).</summary>
    private IEnumerable<(string Key, Endpoint Endpoint)> Endpoints() =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => ($"{method} {e.RoutePattern.RawText}", (Endpoint)e)));
}
