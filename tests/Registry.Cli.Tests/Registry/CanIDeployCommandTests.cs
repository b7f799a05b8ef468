using System.Text.Json;
using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

/// <summary>
/// <c>evc can-i-deploy</c> against the real gate: orders produces <c>&lt;domain&gt;.created</c>, billing consumes it.
/// v1 is the plain schema; v2 adds a maxLength, so a v2 reader cannot read what a v1 writer writes.
/// </summary>
public sealed class CanIDeployCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _domain = RegistrySetup.UniqueName("gate");
    private readonly string _environment = RegistrySetup.UniqueName("env");
    private readonly string _orders = RegistrySetup.UniqueName("orders");
    private readonly string _billing = RegistrySetup.UniqueName("billing");

    private string Created => $"{_domain}.created";

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_consumer_that_reads_what_is_deployed_is_safe_exit_0()
    {
        await OrdersV1DeployedAsync();
        await registry.RecordReleaseAsync(_billing, "1.0.0", [], [$"{Created}@1"]);

        var result = (await CanIDeploy(_billing, "1.0.0")).ShouldExitWith(0);

        Assert.Contains($"{_orders} 1.0.0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("writer v1 -> reader v1", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"safe to deploy {_billing} 1.0.0 to {_environment} (1 pair checked).\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT safe", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_that_cannot_read_what_is_deployed_is_unsafe_exit_1_with_the_reason_and_difference()
    {
        await OrdersV1DeployedAsync();
        await registry.RecordReleaseAsync(_billing, "2.0.0", [], [$"{Created}@2"]);

        var result = (await CanIDeploy(_billing, "2.0.0")).ShouldExitWith(1);

        Assert.Contains("writer v1 -> reader v2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"UNSAFE: {_orders} 1.0.0 -> {_billing} 2.0.0, {Created}: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("MAX_LENGTH_ADDED at ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"NOT safe to deploy {_billing} 2.0.0 to {_environment}: 1 unsafe pair.\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("safe to deploy", result.Stdout.Replace("NOT safe to deploy", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_the_registrys_report()
    {
        await OrdersV1DeployedAsync();
        await registry.RecordReleaseAsync(_billing, "2.0.0", [], [$"{Created}@2"]);

        var result = (await CanIDeploy(_billing, "2.0.0", "--output", "json")).ShouldExitWith(1);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["verdict", "service", "version", "environment", "requireProducers", "ignored", "counts", "warnings", "findings", "pairs"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unsafe", root.GetProperty("verdict").GetString());
        var pair = Assert.Single(root.GetProperty("pairs").EnumerateArray());
        Assert.Equal(_orders, pair.GetProperty("producer").GetString());
        Assert.Equal(2, pair.GetProperty("readerVersion").GetInt32());
    }

    [Fact]
    public async Task Github_output_annotates_each_unsafe_pair_and_ends_with_the_verdict()
    {
        await OrdersV1DeployedAsync();
        await registry.RecordReleaseAsync(_billing, "2.0.0", [], [$"{Created}@2"]);

        var result = (await CanIDeploy(_billing, "2.0.0", "--output", "github")).ShouldExitWith(1);

        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"::error title=can-i-deploy%3A UNSAFE {Created}::{_orders} 1.0.0 -> {_billing} 2.0.0", lines[0], StringComparison.Ordinal);
        Assert.Contains("%0AMAX_LENGTH_ADDED", lines[0], StringComparison.Ordinal);
        Assert.Equal($"NOT safe to deploy {_billing} 2.0.0 to {_environment}: 1 unsafe pair.", lines[^1]);
    }

    [Fact]
    public async Task Dry_run_shows_an_unsafe_verdict_and_exits_0()
    {
        await OrdersV1DeployedAsync();
        await registry.RecordReleaseAsync(_billing, "2.0.0", [], [$"{Created}@2"]);

        var result = (await CanIDeploy(_billing, "2.0.0", "--dry-run")).ShouldExitWith(0);

        Assert.Contains("Dry run:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"NOT safe to deploy {_billing} 2.0.0 to {_environment}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit 0 because of --dry-run", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_never_recorded_is_unknown_exit_2()
    {
        await registry.CreateEnvironmentAsync(_environment);

        var result = (await CanIDeploy(_billing, "3.0.0")).ShouldExitWith(2);

        Assert.Contains($"unknown whether {_billing} 3.0.0 to {_environment} is safe: 1 unresolved finding;", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("safe to deploy", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_while_unknown_asks_again_until_the_missing_schema_is_registered()
    {
        await registry.CreateEnvironmentAsync(_environment);
        await registry.RecordReleaseAsync(_billing, "4.0.0", [], [$"{Created}@1"]);

        var asked = registry.RequestsTo("/v1/can-i-deploy");
        var asking = CanIDeploy(_billing, "4.0.0", "--retry-while-unknown", "60", "--retry-interval", "0.5");

        // Register the schema only once evc has been told "unknown" at least once, however slow the machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(50);
        while (registry.RequestsTo("/v1/can-i-deploy") == asked && DateTime.UtcNow < deadline && !asking.IsCompleted)
        {
            await Task.Delay(50);
        }

        await registry.RegisterAsync(Created, Schemas.ClosedWithName);
        var result = (await asking).ShouldExitWith(0);

        Assert.Contains("the verdict is unknown", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("asking again in 0.5 s (retry 1 of 60)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"safe to deploy {_billing} 4.0.0 to {_environment}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_while_unknown_gives_up_after_n_retries_exit_2()
    {
        await registry.CreateEnvironmentAsync(_environment);

        var result = (await CanIDeploy(_billing, "5.0.0", "--retry-while-unknown", "2", "--retry-interval", "0")).ShouldExitWith(2);

        Assert.Contains("retry 2 of 2", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("retry 3", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_environment_is_exit_3_never_a_verdict()
    {
        await registry.RecordReleaseAsync(_billing, "1.0.0", [], []);

        var result = (await CanIDeploy(_billing, "1.0.0")).ShouldExitWith(3);
        var dryRun = (await CanIDeploy(_billing, "1.0.0", "--dry-run")).ShouldExitWith(3);

        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(_environment, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("safe", dryRun.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--service", "orders", "--version", "1.0.0")]
    [InlineData("--service", "Orders", "--version", "1.0.0", "--to", "production")]
    [InlineData("--service", "orders", "--version", "1.0.0", "--to", "production", "--retry-while-unknown", "-1")]
    [InlineData("--service", "orders", "--version", "1.0.0", "--to", "production", "--retry-while-unknown", "2", "--retry-interval", "soon")]
    [InlineData("--service", "orders", "--version", "1.0.0", "--to", "production", "--ignore", "Bad Name")]
    [InlineData("--service", "orders", "--version", "1.0.0", "--to", "production", "--output", "xml")]
    public async Task Bad_usage_is_exit_3(params string[] args)
    {
        var result = (await _folder.Evc(["can-i-deploy", .. args, "--registry", registry.Url])).ShouldExitWith(3);

        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", result.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>v1 and v2 of the event type registered (NONE, so the narrowing v2 is accepted); orders 1.0.0 writes v1 in the environment.</summary>
    private async Task OrdersV1DeployedAsync()
    {
        await registry.SetCompatibilityAsync(Created, "NONE");
        await registry.RegisterAsync(Created, Schemas.ClosedWithName);
        await registry.RegisterAsync(Created, Schemas.ClosedWithNameMaxLength);
        await registry.RecordReleaseAsync(_orders, "1.0.0", [$"{Created}@1"], []);
        await registry.DeployAsync(_environment, _orders, "1.0.0");
    }

    private Task<EvcResult> CanIDeploy(string service, string version, params string[] more) =>
        _folder.Evc(["can-i-deploy", "--service", service, "--version", version, "--to", _environment, .. more, "--registry", registry.Url]);
}
