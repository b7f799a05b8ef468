using Xunit;

namespace EventContracts.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var result = (await _folder.Evc("--help")).ShouldExitWith(0);

        Assert.Contains("compat", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("lint", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("diff", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compat")]
    [InlineData("lint")]
    [InlineData("diff")]
    public async Task Help_of_a_command_exits_0(string command)
    {
        var result = (await _folder.Evc(command, "--help")).ShouldExitWith(0);

        Assert.Contains("--output", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_a_version_and_exits_0()
    {
        var result = (await _folder.Evc("--version")).ShouldExitWith(0);

        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Fact]
    public async Task No_command_is_a_usage_error_exit_3()
    {
        var result = (await _folder.Evc()).ShouldExitWith(3);

        Assert.Contains("evc --help", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_exit_3()
    {
        var result = (await _folder.Evc("register-everything")).ShouldExitWith(3);

        Assert.Contains("register-everything", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error_exit_3()
    {
        var candidate = _folder.Write("c.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", candidate, "--frobnicate")).ShouldExitWith(3);

        Assert.Contains("--frobnicate", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("evc compat --help", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_never_print_a_stack_trace()
    {
        var result = (await _folder.Evc("diff", "missing-old.json", "missing-new.json")).ShouldExitWith(3);

        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("evc: ", result.Stderr, StringComparison.Ordinal);
    }
}
