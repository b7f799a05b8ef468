using System.Text.Json;
using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

public sealed class RegisterCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _domain = RegistrySetup.UniqueName("reg");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Register_registers_each_event_types_versions_in_order_and_a_second_run_registers_nothing()
    {
        var created = $"{_domain}.created";
        var shipped = $"{_domain}.shipped";
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithNameAndOptionalNote);
        Write(shipped, 1, Schemas.ClosedWithName);

        var first = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(0);

        Assert.Contains($"contracts/{_domain}/{created}.v2.json: registered as {created} v2", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 registered", first.Stdout, StringComparison.Ordinal);
        Assert.Equal("1,2", await registry.VersionListAsync(created));
        Assert.Equal("1", await registry.VersionListAsync(shipped));

        var second = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(0);

        Assert.DoesNotContain("registered as", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, second.Stdout.Split('\n').Count(l => l.Contains(": already registered", StringComparison.Ordinal)));
        Assert.Contains("3 already registered", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("1,2", await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task Register_takes_the_registry_from_EVC_REGISTRY_URL()
    {
        var created = $"{_domain}.created";
        Write(created, 1, Schemas.ClosedWithName);

        (await _folder.Evc(new Dictionary<string, string?> { ["EVC_REGISTRY_URL"] = registry.Url }, "register", "contracts")).ShouldExitWith(0);

        Assert.Equal("1", await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task Dry_run_says_what_would_happen_and_registers_nothing()
    {
        var created = $"{_domain}.created";
        var shipped = $"{_domain}.shipped";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithNameAndOptionalNote);
        Write(shipped, 1, Schemas.ClosedWithName);

        var result = (await _folder.Evc("register", "contracts", "--dry-run", "--registry", registry.Url, "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        var statuses = json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal("alreadyRegistered", statuses[$"contracts/{_domain}/{created}.v1.json"]);
        Assert.Equal("wouldRegister", statuses[$"contracts/{_domain}/{created}.v2.json"]);
        Assert.Equal("wouldRegister", statuses[$"contracts/{_domain}/{shipped}.v1.json"]);
        Assert.Equal("1", await registry.VersionListAsync(created));
        Assert.Equal(string.Empty, await registry.VersionListAsync(shipped));
    }

    [Fact]
    public async Task Dry_run_of_an_incompatible_version_says_it_would_be_refused_exit_1()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("register", "contracts", "--dry-run", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"{created}.v2.json: INCOMPATIBLE", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("MAX_LENGTH_ADDED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing was registered", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("1", await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task A_registered_file_that_changed_is_a_mismatch_exit_1_naming_the_file_and_nothing_is_registered()
    {
        var created = $"{_domain}.created";
        var shipped = $"{_domain}.shipped";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithNameMaxLength);
        Write(shipped, 1, Schemas.ClosedWithName);

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"contracts/{_domain}/{created}.v1.json differs from version 1 of {created}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{created}.v2.json", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await registry.VersionListAsync(shipped));
    }

    [Fact]
    public async Task A_file_that_only_reorders_keys_of_a_registered_version_matches_it()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, """{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false}""");
        Write(created, 1, """{"additionalProperties":false,"type":"object","properties":{"name":{"type":"string"}}}""");

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(0);

        Assert.Contains("already registered", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incompatible_v2_is_refused_exit_1_with_the_registrys_difference()
    {
        var created = $"{_domain}.created";
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithNameMaxLength);
        Write(created, 3, Schemas.ClosedWithNameMaxLength.Replace("10", "5", StringComparison.Ordinal));

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"{created}.v2.json: INCOMPATIBLE", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("MAX_LENGTH_ADDED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{created}.v3.json: skipped", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("1", await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task A_lint_error_is_refused_exit_1_with_the_rule()
    {
        var created = $"{_domain}.created";
        Write(created, 1, Schemas.PascalCaseProperty);

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"{created}.v1.json: REFUSED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("EC003", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task A_gap_in_the_versions_is_exit_3_naming_the_missing_file()
    {
        var created = $"{_domain}.created";
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 3, Schemas.ClosedWithNameAndOptionalNote);

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(3);

        Assert.Contains($"contracts/{_domain}/{created}.v2.json is missing", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task A_file_whose_schema_is_already_an_earlier_version_is_a_mismatch_exit_1()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithName);

        var result = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"{created}.v2.json holds the same schema as version 1", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("1", await registry.VersionListAsync(created));
    }

    private void Write(string eventType, int version, string schema) =>
        _folder.Write($"contracts/{_domain}/{eventType}.v{version}.json", schema);
}
