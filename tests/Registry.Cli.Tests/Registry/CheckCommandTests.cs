using System.Text.Json;
using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

public sealed class CheckCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _domain = RegistrySetup.UniqueName("chk");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Registered_and_compatible_new_versions_pass_exit_0_and_nothing_is_registered()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithName);
        Write(created, 2, Schemas.ClosedWithNameAndOptionalNote);

        var result = (await _folder.Evc("check", "contracts", "--registry", registry.Url, "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("dryRun", out _));
        Assert.Equal(
            ["alreadyRegistered", "wouldRegister"],
            json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("status").GetString()));
        Assert.Equal("1", await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task An_incompatible_new_version_fails_exit_1_with_a_github_annotation_on_the_file()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        Write(created, 1, Schemas.ClosedWithName);
        var v2 = Write(created, 2, Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("check", "contracts", "--registry", registry.Url, "--output", "github")).ShouldExitWith(1);

        Assert.Contains($"::error file={v2},title=MAX_LENGTH_ADDED::", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"incompatible with {created} v1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("evc check: FAILED", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lint_error_in_a_new_file_fails_exit_1_with_line_and_column()
    {
        var created = $"{_domain}.created";
        var v1 = Write(created, 1, Schemas.PascalCaseProperty);

        var github = (await _folder.Evc("check", "contracts", "--registry", registry.Url, "--output", "github")).ShouldExitWith(1);
        var text = (await _folder.Evc("check", "contracts", "--registry", registry.Url)).ShouldExitWith(1);

        Assert.Contains($"::error file={v1},line=4,col=", github.Stdout, StringComparison.Ordinal);
        Assert.Contains("title=EC003::", github.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{v1}:4:", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Check FAILED", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await registry.VersionListAsync(created));
    }

    [Fact]
    public async Task A_changed_registered_file_fails_exit_1()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        var v1 = Write(created, 1, Schemas.OpenWithName);

        var result = (await _folder.Evc("check", "contracts", "--registry", registry.Url, "--output", "github")).ShouldExitWith(1);

        Assert.Contains($"::error file={v1},title=mismatch::", result.Stdout, StringComparison.Ordinal);
    }

    private string Write(string eventType, int version, string schema) =>
        Path.GetRelativePath(_folder.Root, _folder.Write($"contracts/{_domain}/{eventType}.v{version}.json", schema));
}
