using System.Text.Json;
using Xunit;

namespace EventContracts.Cli.Tests;

public sealed class DiffCommandTests : IDisposable
{
    private static readonly string[] AllLevels =
        ["BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE"];

    private static readonly string[] Directions = ["backward", "forward"];

    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // --- verdicts (need the compatibility engine) ---

    [Fact]
    public async Task Adding_maxLength_breaks_backward_and_full_but_not_forward_and_still_exits_0()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);
        var to = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("diff", from, to, "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["from", "to", "verdicts", "differences"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(from, root.GetProperty("from").GetString());
        Assert.Equal(to, root.GetProperty("to").GetString());

        var verdicts = root.GetProperty("verdicts");
        Assert.Equal(AllLevels, verdicts.EnumerateObject().Select(p => p.Name));
        Assert.False(verdicts.GetProperty("BACKWARD").GetBoolean());
        Assert.False(verdicts.GetProperty("FULL").GetBoolean());
        Assert.True(verdicts.GetProperty("FORWARD").GetBoolean());
        Assert.True(verdicts.GetProperty("NONE").GetBoolean());

        var added = Assert.Single(root.GetProperty("differences").EnumerateArray(), d => d.GetProperty("type").GetString() == "MAX_LENGTH_ADDED");
        Assert.Equal(["type", "path", "direction", "compatible", "message", "levels"], added.EnumerateObject().Select(p => p.Name));
        Assert.Equal("backward", added.GetProperty("direction").GetString());
        Assert.False(added.GetProperty("compatible").GetBoolean());
        Assert.Equal(AllLevels, added.GetProperty("levels").EnumerateObject().Select(p => p.Name));
        Assert.False(added.GetProperty("levels").GetProperty("BACKWARD").GetBoolean());
        Assert.True(added.GetProperty("levels").GetProperty("NONE").GetBoolean());
        Assert.All(
            root.GetProperty("differences").EnumerateArray(),
            d => Assert.Contains(d.GetProperty("direction").GetString(), Directions));
    }

    [Fact]
    public async Task Identical_schemas_have_no_differences_and_every_level_accepts()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);
        var to = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("diff", from, to, "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Empty(json.RootElement.GetProperty("differences").EnumerateArray());
        Assert.All(json.RootElement.GetProperty("verdicts").EnumerateObject(), p => Assert.True(p.Value.GetBoolean()));
    }

    [Fact]
    public async Task Lenient_policy_changes_the_verdict_on_an_open_model()
    {
        var from = _folder.Write("v1.json", Schemas.OpenWithName);
        var to = _folder.Write("v2.json", Schemas.OpenWithNameAndOptionalNote);

        var strict = (await _folder.Evc("diff", from, to, "--output", "json")).ShouldExitWith(0);
        var lenient = (await _folder.Evc("diff", from, to, "--output", "json", "--policy", "LENIENT")).ShouldExitWith(0);

        using var strictJson = JsonDocument.Parse(strict.Stdout);
        using var lenientJson = JsonDocument.Parse(lenient.Stdout);
        Assert.False(strictJson.RootElement.GetProperty("verdicts").GetProperty("BACKWARD").GetBoolean());
        Assert.True(lenientJson.RootElement.GetProperty("verdicts").GetProperty("BACKWARD").GetBoolean());
    }

    [Fact]
    public async Task Text_output_lists_differences_and_verdicts_without_colour_when_redirected()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);
        var to = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("diff", from, to)).ShouldExitWith(0);

        Assert.Contains("MAX_LENGTH_ADDED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("FULL_TRANSITIVE", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task Json_output_is_the_same_bytes_on_every_run()
    {
        var from = _folder.Write("v1.json", Schemas.OpenWithName);
        var to = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var first = (await _folder.Evc("diff", from, to, "--output", "json")).ShouldExitWith(0);
        var second = (await _folder.Evc("diff", from, to, "--output", "json")).ShouldExitWith(0);

        Assert.Equal(first.Stdout, second.Stdout);
    }

    // --- bad input (exit 3); these need no engine ---

    [Fact]
    public async Task Missing_new_file_exits_3_and_names_it()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("diff", from, "v9.json")).ShouldExitWith(3);

        Assert.Contains("v9.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_exits_3_and_names_file_and_line()
    {
        var from = _folder.Write("v1.json", "{\n  \"type\": \"object\"\n  \"properties\": {}\n}\n");
        var to = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("diff", from, to)).ShouldExitWith(3);

        Assert.Contains($"{from}:3:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_schema_exits_3()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);
        var to = _folder.Write("v2.json", "[1,2]");

        (await _folder.Evc("diff", from, to)).ShouldExitWith(3);
    }

    [Fact]
    public async Task Unknown_policy_exits_3()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("diff", from, from, "--policy", "LOOSE")).ShouldExitWith(3);

        Assert.Contains("STRICT, LENIENT", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Github_output_is_not_offered_by_diff()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);

        (await _folder.Evc("diff", from, from, "--output", "github")).ShouldExitWith(3);
    }

    [Fact]
    public async Task Missing_second_argument_is_a_usage_error_exit_3()
    {
        var from = _folder.Write("v1.json", Schemas.ClosedWithName);

        (await _folder.Evc("diff", from)).ShouldExitWith(3);
    }
}
