using Xunit;

namespace EventContracts.Cli.Tests.Registry;

/// <summary>How every registry command finds the registry and what it does when it cannot: exit 3 or 4, one line, never a verdict.</summary>
public sealed class RegistryConnectionTests : IDisposable
{
    private readonly ContractFolder _folder = new();

    public RegistryConnectionTests()
    {
        _folder.Write("contracts/order/order.created.v1.json", Schemas.ClosedWithName);
        _folder.Write("eventcontracts.yaml", "service: orders\nproduces:\n  - order.created@1\n");
    }

    public static TheoryData<string> Commands { get; } =
    [
        "register contracts",
        "register contracts --dry-run",
        "check contracts",
        "pull order.created --to out",
        "record-release --manifest eventcontracts.yaml --version 1.0.0",
        "record-deployment --service orders --version 1.0.0 --env production",
        "record-undeployment --service orders --env production",
        "create-environment production",
        "can-i-deploy --service orders --version 1.0.0 --to production",
        "can-i-deploy --service orders --version 1.0.0 --to production --dry-run --output json",
    ];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Without_a_registry_url_a_command_is_exit_3_saying_how_to_set_it(string command)
    {
        var result = (await _folder.Evc(command.Split(' '))).ShouldExitWith(3);

        Assert.Contains("--registry", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("EVC_REGISTRY_URL", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("localhost:8081")]
    [InlineData("ftp://localhost")]
    [InlineData("http://")]
    [InlineData("not a url")]
    public async Task A_malformed_registry_url_is_exit_3(string url)
    {
        var fromOption = (await _folder.Evc("can-i-deploy", "--service", "orders", "--version", "1.0.0", "--to", "production", "--registry", url)).ShouldExitWith(3);
        var fromEnvironment = (await _folder.Evc(new Dictionary<string, string?> { ["EVC_REGISTRY_URL"] = url }, "register", "contracts")).ShouldExitWith(3);

        Assert.Contains("is not a registry URL", fromOption.Stderr, StringComparison.Ordinal);
        Assert.Contains("EVC_REGISTRY_URL", fromEnvironment.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_closed_port_is_exit_4_registry_unreachable_without_a_verdict_or_a_stack_trace(string command)
    {
        var url = $"http://127.0.0.1:{RegistrySetup.ClosedPort()}";

        var result = (await _folder.Evc([.. command.Split(' '), "--registry", url])).ShouldExitWith(4);

        Assert.StartsWith($"evc: registry unreachable at {url}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.Stderr.Count(c => c == '\n'));
        Assert.DoesNotContain("safe", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registered", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, "out")));
    }

    [Fact]
    public async Task An_unresolvable_host_is_exit_4()
    {
        var result = (await _folder.Evc("register", "contracts", "--registry", "http://registry.invalid")).ShouldExitWith(4);

        Assert.StartsWith("evc: registry unreachable at http://registry.invalid: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_exit_4_and_the_api_key_is_sent_as_a_bearer_token()
    {
        await using var server = await ScriptedServer.StartAsync(503, "application/json", """{"error_code":50301,"message":"Down for maintenance."}""");

        var result = (await _folder.Evc(
            new Dictionary<string, string?> { ["EVC_API_KEY"] = "s3cret", ["EVC_REGISTRY_URL"] = server.Url },
            "can-i-deploy", "--service", "orders", "--version", "1.0.0", "--to", "production")).ShouldExitWith(4);

        Assert.Contains("503", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Down for maintenance.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("Bearer s3cret", r.Authorization);
            Assert.Equal("GET /v1/can-i-deploy?service=orders&version=1.0.0&environment=production&requireProducers=false", r.Request);
        });
    }

    [Fact]
    public async Task Without_EVC_API_KEY_no_authorization_is_sent_and_a_401_is_exit_3_saying_to_set_one()
    {
        await using var server = await ScriptedServer.StartAsync(401, "application/problem+json", """{"title":"Unauthorized","status":401,"detail":"An API key is required."}""");

        var result = (await _folder.Evc("create-environment", "production", "--registry", server.Url)).ShouldExitWith(3);

        Assert.Contains("An API key is required.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("EVC_API_KEY", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task A_server_that_is_not_a_registry_is_exit_4()
    {
        await using var server = await ScriptedServer.StartAsync(200, "text/html", "<html>It works!</html>");

        var result = (await _folder.Evc("can-i-deploy", "--service", "orders", "--version", "1.0.0", "--to", "production", "--registry", server.Url)).ShouldExitWith(4);

        Assert.Contains("not the registry's JSON", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", result.Stdout, StringComparison.OrdinalIgnoreCase);
    }
}
