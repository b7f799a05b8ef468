using EventContracts.Api.Tests;
using Xunit;

namespace EventContracts.Cli.Tests.Registry;

public sealed class PullCommandTests(RegistryHost registry) : IClassFixture<RegistryHost>, IDisposable
{
    private readonly ContractFolder _folder = new();
    private readonly string _domain = RegistrySetup.UniqueName("pul");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Pull_without_a_version_writes_every_version_pretty_printed_and_stable()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        await registry.RegisterAsync(created, Schemas.ClosedWithNameAndOptionalNote);

        var first = (await _folder.Evc("pull", created, "--to", "contracts", "--registry", registry.Url)).ShouldExitWith(0);

        var v1 = Path.Combine(_folder.Root, "contracts", _domain, $"{created}.v1.json");
        var v2 = Path.Combine(_folder.Root, "contracts", _domain, $"{created}.v2.json");
        Assert.Contains("2 files written", first.Stdout, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(v2);
        Assert.StartsWith("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"name\": {", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.True(File.Exists(v1));

        var second = (await _folder.Evc("pull", created, "--to", "contracts", "--registry", registry.Url)).ShouldExitWith(0);
        Assert.Contains("unchanged", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(v2));

        // What pull writes, register recognises as registered.
        var again = (await _folder.Evc("register", "contracts", "--registry", registry.Url)).ShouldExitWith(0);
        Assert.Contains("2 already registered", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_with_a_version_writes_that_version_only()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        await registry.RegisterAsync(created, Schemas.ClosedWithNameAndOptionalNote);

        (await _folder.Evc("pull", $"{created}@2", "--to", "out", "--registry", registry.Url)).ShouldExitWith(0);

        Assert.Equal([$"{created}.v2.json"], Directory.GetFiles(Path.Combine(_folder.Root, "out", _domain)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Pull_of_an_unknown_event_type_or_version_is_exit_3_and_writes_nothing()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);

        var unknownType = (await _folder.Evc("pull", $"{_domain}.vanished", "--to", "out", "--registry", registry.Url)).ShouldExitWith(3);
        var unknownVersion = (await _folder.Evc("pull", $"{created}@7", "--to", "out", "--registry", registry.Url)).ShouldExitWith(3);

        Assert.Contains($"no event type {_domain}.vanished", unknownType.Stderr, StringComparison.Ordinal);
        Assert.Contains("has no version 7", unknownVersion.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, "out")));
    }

    [Theory]
    [InlineData("order.created@0")]
    [InlineData("order.created@x")]
    [InlineData("@2")]
    [InlineData("order created")]
    public async Task Pull_with_a_bad_argument_is_exit_3(string argument)
    {
        var result = (await _folder.Evc("pull", argument, "--to", "out", "--registry", registry.Url)).ShouldExitWith(3);

        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_does_not_overwrite_a_different_local_file_without_force()
    {
        var created = $"{_domain}.created";
        await registry.RegisterAsync(created, Schemas.ClosedWithName);
        var path = _folder.Write($"out/{_domain}/{created}.v1.json", Schemas.OpenWithName);

        (await _folder.Evc("pull", created, "--to", "out", "--registry", registry.Url)).ShouldExitWith(3);
        Assert.Equal(Schemas.OpenWithName, await File.ReadAllTextAsync(path));

        (await _folder.Evc("pull", created, "--to", "out", "--registry", registry.Url, "--force")).ShouldExitWith(0);
        Assert.Contains("\"additionalProperties\": false", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }
}
