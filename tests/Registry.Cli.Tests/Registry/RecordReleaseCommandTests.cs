using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

public sealed class RecordReleaseCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _domain = RegistrySetup.UniqueName("rel");
    private readonly string _service = RegistrySetup.UniqueName("svc");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_release_is_recorded_exit_0_and_recording_it_again_is_fine()
    {
        await registry.RegisterAsync($"{_domain}.created", Schemas.ClosedWithName);
        Manifest($"""
            service: {_service}
            produces:
              - {_domain}.created@1
            consumes:
            """);

        var first = (await RecordAsync("1.0.0")).ShouldExitWith(0);
        var again = (await RecordAsync("1.0.0")).ShouldExitWith(0);

        Assert.Contains($"Recorded release {_service} 1.0.0: produces {_domain}.created@1; consumes nothing.", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("already recorded with the same contracts", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contract_not_registered_yet_is_recorded_with_the_registrys_warning()
    {
        Manifest($"""
            service: {_service}
            consumes:
              - {_domain}.created@3
            """);

        var result = (await RecordAsync("1.0.0")).ShouldExitWith(0);

        Assert.Contains($"warning: {_domain}.created@3", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_version_with_other_contracts_is_refused_exit_1_with_the_registrys_message()
    {
        await registry.RegisterAsync($"{_domain}.created", Schemas.ClosedWithName);
        Manifest($"service: {_service}\nproduces: [{_domain}.created@1]\n");
        (await RecordAsync("1.0.0")).ShouldExitWith(0);

        Manifest($"service: {_service}\nconsumes: [{_domain}.created@1]\n");
        var result = (await RecordAsync("1.0.0")).ShouldExitWith(1);

        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1.0.0", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Recorded", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service: orders\nproduces:\n  - order.created@1\n  bad: indentation\n", 4, "not valid YAML")]
    [InlineData("service: orders\nproduces: [order.created@1\n", 3, "not valid YAML")]
    [InlineData("produces:\n  - order.created@1\n", 1, "no `service:`")]
    [InlineData("service: orders\nproduces:\n  - order.created@1\n  - order.paid\n", 4, "'order.paid' has no schema version")]
    [InlineData("service: orders\nproduces:\n  - order.created@one\n", 3, "'one' as its schema version")]
    [InlineData("service: orders\nproduce:\n  - order.created@1\n", 2, "unknown key 'produce'")]
    [InlineData("service: Orders\n", 1, "the service name 'Orders' is not valid")]
    [InlineData("service: orders\nproduces: order.created@1\n", 2, "must be a list of contracts")]
    [InlineData("service: orders\nconsumes:\n  - order.created@1\n  - order.created@1\n", 4, "listed twice")]
    [InlineData("service:\n  name: orders\n", 2, "`service` must be the service's name")]
    [InlineData("- orders\n", 1, "not a mapping")]
    public async Task A_bad_manifest_is_exit_3_naming_the_line(string manifest, int line, string problem)
    {
        Manifest(manifest);

        var result = (await RecordAsync("1.0.0")).ShouldExitWith(3);

        Assert.StartsWith($"evc: eventcontracts.yaml:{line}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_missing_manifest_or_a_bad_version_is_exit_3()
    {
        var missing = (await _folder.Evc("record-release", "--manifest", "nowhere.yaml", "--version", "1.0.0", "--registry", registry.Url)).ShouldExitWith(3);
        Manifest($"service: {_service}\n");
        var badVersion = (await RecordAsync("1.0 beta")).ShouldExitWith(3);

        Assert.Contains("nowhere.yaml: file not found", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("--version", badVersion.Stderr, StringComparison.Ordinal);
    }

    private void Manifest(string yaml) => _folder.Write("eventcontracts.yaml", yaml);

    private Task<EvcResult> RecordAsync(string version) =>
        _folder.Evc("record-release", "--manifest", "eventcontracts.yaml", "--version", version, "--registry", registry.Url);
}
