using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>API keys (DESIGN §13) through <c>/v1/keys</c> and the Authorization header, over real HTTP on both providers.</summary>
public abstract class ApiKeyTests(RegistryHost host)
{
    public sealed class OnSqlite(RegistryHost host) : ApiKeyTests(host), IClassFixture<RegistryHost>;

    public sealed class OnPostgres(PostgresRegistryHost host) : ApiKeyTests(host.Running()), IClassFixture<PostgresRegistryHost>;

    private Task<string> AdminAsync() => ApiKeys.AdminAsync(host);

    private async Task<HttpClient> AdminClientAsync() => ApiKeys.Client(host, await AdminAsync());

    [SkippableFact]
    public async Task First_key_must_be_admin_and_turns_auth_on_for_every_later_request()
    {
        var fresh = await RegistryHost.StartNewAsync(new Dictionary<string, string?>(), host.Provider);
        try
        {
            var open = fresh.Http;
            await HttpAssert.GetAsync(open, "subjects");
            var refused = await HttpAssert.SendAsync(open, HttpMethod.Post, "v1/keys", HttpAssert.Body("""{"role":"writer"}""", "application/json"), HttpStatusCode.BadRequest);
            Assert.Contains("first key must be an admin key", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            await HttpAssert.GetAsync(open, "subjects");

            var admin = await ApiKeys.CreateAsync(open, "admin");

            Assert.Contains("requires an API key", await ApiKeys.UnauthorizedAsync(open, "subjects"), StringComparison.Ordinal);
            await ApiKeys.UnauthorizedAsync(open, "v1/keys");
            using var keyed = ApiKeys.Client(fresh, admin);
            await HttpAssert.GetAsync(keyed, "subjects");
            await HttpAssert.GetAsync(open, "health/ready");
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Created_secret_is_answered_once_and_stored_only_as_a_salted_hash()
    {
        using var admin = await AdminClientAsync();

        var created = await ApiKeys.CreateKeyAsync(admin, "writer", "order.", "billing.");

        var id = created["key"]!["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("evc_", id, StringComparison.Ordinal);
        Assert.Equal($"{id}:{secret}", created["token"]!.GetValue<string>());
        Assert.Equal(32, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal(["billing.", "order."], created["key"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        using var list = await admin.GetAsync(new Uri("v1/keys", UriKind.Relative));
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var listed = JsonNode.Parse(text)!.AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!.AsObject();
        Assert.Equal(["createdAt", "description", "id", "revokedAt", "role", "scopes"], listed.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("writer", listed["role"]!.GetValue<string>());

        var (salt, hash, row) = await ReadRowAsync(id);
        Assert.Equal(16, salt.Length);
        Assert.Equal(32, hash.Length);
        Assert.NotEqual(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), hash);
        Assert.Equal(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]), hash);
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Basic_and_bearer_both_authenticate_with_the_same_token()
    {
        using var admin = await AdminClientAsync();
        var reader = await ApiKeys.CreateAsync(admin, "reader");

        using var basic = ApiKeys.Client(host, reader, basic: true);
        using var bearer = ApiKeys.Client(host, reader, basic: false);

        await HttpAssert.GetAsync(basic, "subjects");
        await HttpAssert.GetAsync(bearer, "subjects");
        await HttpAssert.GetAsync(bearer, "v1/services");
    }

    [SkippableFact]
    public async Task Wrong_secret_unknown_key_and_revoked_key_get_401()
    {
        using var admin = await AdminClientAsync();
        var reader = await ApiKeys.CreateKeyAsync(admin, "reader");
        var id = reader["key"]!["id"]!.GetValue<string>();

        using var wrong = ApiKeys.Client(host, $"{id}:not-the-secret");
        Assert.Contains("unknown or its secret is wrong", await ApiKeys.UnauthorizedAsync(wrong, "subjects"), StringComparison.Ordinal);
        using var unknown = ApiKeys.Client(host, "evc_0000000000000000:" + reader["secret"]!.GetValue<string>(), basic: false);
        await ApiKeys.UnauthorizedAsync(unknown, "v1/services");

        var revoked = await HttpAssert.SendAsync(admin, HttpMethod.Delete, $"v1/keys/{id}");
        Assert.True(revoked["revokedAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UnixEpoch);

        using var client = ApiKeys.Client(host, reader["token"]!.GetValue<string>());
        Assert.Contains("was revoked", await ApiKeys.UnauthorizedAsync(client, "subjects"), StringComparison.Ordinal);
        await HttpAssert.SendAsync(admin, HttpMethod.Delete, $"v1/keys/{id}");
        await HttpAssert.SendAsync(admin, HttpMethod.Delete, "v1/keys/evc_0000000000000000", expected: HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Revoking_the_last_admin_key_is_refused_with_409()
    {
        using var admin = await AdminClientAsync();
        var second = await ApiKeys.CreateKeyAsync(admin, "admin");
        var secondId = second["key"]!["id"]!.GetValue<string>();
        var firstId = (await AdminAsync()).Split(':')[0];

        await HttpAssert.SendAsync(admin, HttpMethod.Delete, $"v1/keys/{secondId}");
        var refused = await HttpAssert.SendAsync(admin, HttpMethod.Delete, $"v1/keys/{firstId}", expected: HttpStatusCode.Conflict);

        Assert.Contains("last admin key", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await HttpAssert.GetAsync(admin, "v1/keys");
    }

    [SkippableFact]
    public async Task Scoped_writer_changes_only_subjects_under_its_prefixes_and_reads_all()
    {
        using var admin = await AdminClientAsync();
        var other = Contracts.Subject("billing.created");
        await HttpAssert.RegisterAsync(admin, other, Contracts.Order());
        var prefix = Contracts.Subject("order.created").Split('.')[0] + ".";
        using var writer = ApiKeys.Client(host, await ApiKeys.CreateAsync(admin, "writer", prefix));

        await HttpAssert.RegisterAsync(writer, prefix + "order.created-value", Contracts.Order());
        await HttpAssert.PutAsync(writer, $"config/{prefix}order.created-value", new { compatibility = "FULL" });

        var refused = await HttpAssert.ConfluentErrorAsync(writer, HttpMethod.Post, $"subjects/{other}/versions", HttpAssert.SchemaBody(Contracts.Order("note")), 40301);
        Assert.Contains($"starting with \"{prefix}\"", refused, StringComparison.Ordinal);
        await HttpAssert.ConfluentErrorAsync(writer, HttpMethod.Delete, $"subjects/{other}", null, 40301);
        await HttpAssert.ConfluentErrorAsync(writer, HttpMethod.Put, "config", HttpAssert.Body(new { compatibility = "NONE" }), 40301);
        await HttpAssert.GetAsync(writer, $"subjects/{other}/versions/latest");
    }

    [SkippableFact]
    public async Task Reader_may_not_register_and_writer_may_not_manage_keys()
    {
        using var admin = await AdminClientAsync();
        using var reader = ApiKeys.Client(host, await ApiKeys.CreateAsync(admin, "reader"), basic: false);
        using var writer = ApiKeys.Client(host, await ApiKeys.CreateAsync(admin, "writer"));

        var refused = await HttpAssert.ConfluentErrorAsync(reader, HttpMethod.Post, $"subjects/{Contracts.Subject()}/versions", HttpAssert.SchemaBody(Contracts.Order()), 40301);
        Assert.Contains("needs the writer role", refused, StringComparison.Ordinal);
        var problem = await HttpAssert.SendAsync(writer, HttpMethod.Get, "v1/keys", expected: HttpStatusCode.Forbidden);
        Assert.Equal(40301, problem["errorCode"]!.GetValue<int>());
        Assert.Contains("needs the admin role", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("""{"role":"reader","scopes":["order."]}""", "Only writer keys take scopes")]
    [InlineData("""{"role":"owner"}""", "not valid JSON for this endpoint")]
    [InlineData("""{"scopes":[]}""", "Give the key a role")]
    [InlineData("""{"role":"writer","scopes":["order created"]}""", "is not a subject prefix")]
    public async Task Create_with_a_bad_request_answers_400_saying_what_is_wrong(string body, string expected)
    {
        using var admin = await AdminClientAsync();

        var problem = await HttpAssert.SendAsync(admin, HttpMethod.Post, "v1/keys", HttpAssert.Body(body, "application/json"), HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The stored salt and hash of a key, and every column of its row as text.</summary>
    private async Task<(byte[] Salt, byte[] Hash, string Row)> ReadRowAsync(string id)
    {
        await using var connection = host.OpenDatabase();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
        var row = string.Join(' ', columns.Values.Select(v => v is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Convert.ToBase64String(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
        return ((byte[])columns["Salt"], (byte[])columns["Hash"], row);
    }
}
