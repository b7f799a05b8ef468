using System.Text.Json.Nodes;
using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

/// <summary><c>evc keys create|list|revoke</c> against a real registry, each test on a registry of its own (keys turn auth on).</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Keys_are_created_listed_and_revoked_with_the_first_admin_key_made_while_open()
    {
        var registry = await RegistryHost.StartNewAsync(new Dictionary<string, string?>());
        try
        {
            var created = (await _folder.Evc("keys", "create", "--role", "admin", "--description", "bootstrap", "--registry", registry.Url)).ShouldExitWith(0);
            var admin = created.Stdout.Split('\n').Single(l => l.StartsWith("evc_", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
            Assert.Contains("Created admin key", created.Stdout, StringComparison.Ordinal);
            Assert.Contains("shown only now", created.Stdout, StringComparison.Ordinal);
            var withAdmin = new Dictionary<string, string?> { ["EVC_REGISTRY_URL"] = registry.Url, ["EVC_API_KEY"] = admin };

            var anonymous = (await _folder.Evc("keys", "list", "--registry", registry.Url)).ShouldExitWith(3);
            Assert.Contains("401", anonymous.Stderr, StringComparison.Ordinal);
            Assert.Contains("EVC_API_KEY", anonymous.Stderr, StringComparison.Ordinal);

            var writerJson = (await _folder.Evc(withAdmin, "keys", "create", "--role", "writer", "--scope", "order.", "--scope", "billing.", "-o", "json")).ShouldExitWith(0);
            var writer = JsonNode.Parse(writerJson.Stdout)!;
            var writerId = writer["key"]!["id"]!.GetValue<string>();
            Assert.Equal($"{writerId}:{writer["secret"]!.GetValue<string>()}", writer["token"]!.GetValue<string>());

            var list = (await _folder.Evc(withAdmin, "keys", "list")).ShouldExitWith(0);
            Assert.Contains(admin.Split(':')[0], list.Stdout, StringComparison.Ordinal);
            Assert.Contains("billing.,order.", list.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(writer["secret"]!.GetValue<string>(), list.Stdout, StringComparison.Ordinal);

            var revoked = (await _folder.Evc(withAdmin, "keys", "revoke", writerId)).ShouldExitWith(0);
            Assert.Contains($"Revoked writer key {writerId}", revoked.Stdout, StringComparison.Ordinal);
            (await _folder.Evc(withAdmin, "keys", "revoke", writerId)).ShouldExitWith(0);
            var listed = JsonNode.Parse((await _folder.Evc(withAdmin, "keys", "list", "-o", "json")).ShouldExitWith(0).Stdout)!.AsArray();
            Assert.NotNull(listed.Single(k => k!["id"]!.GetValue<string>() == writerId)!["revokedAt"]);

            var unknown = (await _folder.Evc(withAdmin, "keys", "revoke", "evc_0000000000000000")).ShouldExitWith(3);
            Assert.Contains("No API key has the id evc_0000000000000000", unknown.Stderr, StringComparison.Ordinal);
            var last = (await _folder.Evc(withAdmin, "keys", "revoke", admin.Split(':')[0])).ShouldExitWith(3);
            Assert.Contains("last admin key", last.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task First_key_that_is_not_admin_is_exit_3_saying_why()
    {
        var registry = await RegistryHost.StartNewAsync(new Dictionary<string, string?>());
        try
        {
            var result = (await _folder.Evc("keys", "create", "--role", "writer", "--registry", registry.Url)).ShouldExitWith(3);

            Assert.Contains("the first key must be an admin key", result.Stderr, StringComparison.Ordinal);
            Assert.Empty(result.Stdout);
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("unknown role 'owner'", "keys", "create", "--role", "owner", "--registry", "http://127.0.0.1:1")]
    [InlineData("--role", "keys", "create", "--registry", "http://127.0.0.1:1")]
    [InlineData("not a key id", "keys", "revoke", "evc_1:secret", "--registry", "http://127.0.0.1:1")]
    [InlineData("keys", "keys")]
    public async Task Bad_arguments_are_exit_3_before_anything_is_sent(string expected, params string[] args)
    {
        var result = (await _folder.Evc(args)).ShouldExitWith(3);

        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_registry_is_exit_4()
    {
        var result = (await _folder.Evc("keys", "list", "--registry", $"http://127.0.0.1:{RegistrySetup.ClosedPort()}")).ShouldExitWith(4);

        Assert.Contains("cannot connect", result.Stderr, StringComparison.Ordinal);
    }
}
