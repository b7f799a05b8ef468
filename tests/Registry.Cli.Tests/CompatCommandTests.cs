using System.Text.Json;
using Xunit;

namespace EventContracts.Cli.Tests;

public sealed class CompatCommandTests : IDisposable
{
    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // --- verdicts (need the compatibility engine) ---

    [Fact]
    public async Task Adding_maxLength_to_a_string_property_is_incompatible_backward_exit_1()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--output", "json")).ShouldExitWith(1);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("compatible").GetBoolean());
        Assert.Equal("BACKWARD", root.GetProperty("level").GetString());
        var difference = Assert.Single(root.GetProperty("differences").EnumerateArray(), d => d.GetProperty("type").GetString() == "MAX_LENGTH_ADDED");
        Assert.False(difference.GetProperty("compatible").GetBoolean());
        Assert.Equal(1, difference.GetProperty("againstVersion").GetInt32());
        Assert.StartsWith("#/", difference.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("name", difference.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(difference.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Json_output_has_exactly_the_documented_members()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--output", "json")).ShouldExitWith(1);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["compatible", "level", "differences"], json.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var difference in json.RootElement.GetProperty("differences").EnumerateArray())
        {
            Assert.Equal(["type", "path", "compatible", "message", "againstVersion"], difference.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task Adding_an_optional_property_to_a_closed_object_is_compatible_exit_0()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameAndOptionalNote);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("compatible").GetBoolean());
        Assert.All(json.RootElement.GetProperty("differences").EnumerateArray(), d => Assert.True(d.GetProperty("compatible").GetBoolean()));
    }

    [Fact]
    public async Task Adding_an_optional_property_to_an_open_object_is_incompatible_strict_but_compatible_lenient()
    {
        var previous = _folder.Write("v1.json", Schemas.OpenWithName);
        var candidate = _folder.Write("v2.json", Schemas.OpenWithNameAndOptionalNote);

        (await _folder.Evc("compat", candidate, "--against", previous)).ShouldExitWith(1);
        (await _folder.Evc("compat", candidate, "--against", previous, "--policy", "STRICT")).ShouldExitWith(1);
        (await _folder.Evc("compat", candidate, "--against", previous, "--policy", "LENIENT")).ShouldExitWith(0);
    }

    [Fact]
    public async Task Identical_schemas_are_compatible_under_every_level()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        foreach (var level in new[] { "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE", "NONE" })
        {
            (await _folder.Evc("compat", candidate, "--against", previous, "--level", level)).ShouldExitWith(0);
        }
    }

    [Fact]
    public async Task Level_none_accepts_a_breaking_change()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        (await _folder.Evc("compat", candidate, "--against", previous, "--level", "NONE")).ShouldExitWith(0);
    }

    [Fact]
    public async Task Forward_accepts_adding_maxLength_because_old_readers_accept_shorter_strings()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        (await _folder.Evc("compat", candidate, "--against", previous, "--level", "FORWARD")).ShouldExitWith(0);
        (await _folder.Evc("compat", candidate, "--against", previous, "--level", "FULL")).ShouldExitWith(1);
    }

    [Fact]
    public async Task Transitive_level_checks_every_against_file_and_names_the_version_that_breaks()
    {
        // v2 already has the maxLength; the candidate equals v2, so only v1 (the oldest) is broken.
        var v1 = _folder.Write("v1.json", Schemas.ClosedWithName);
        var v2 = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);
        var candidate = _folder.Write("v3.json", Schemas.ClosedWithNameMaxLength);

        (await _folder.Evc("compat", candidate, "--against", v1, "--against", v2, "--level", "BACKWARD")).ShouldExitWith(0);
        var result = (await _folder.Evc("compat", candidate, "--against", v1, "--against", v2, "--level", "BACKWARD_TRANSITIVE", "--output", "json"))
            .ShouldExitWith(1);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("BACKWARD_TRANSITIVE", json.RootElement.GetProperty("level").GetString());
        var breaking = json.RootElement.GetProperty("differences").EnumerateArray().Where(d => !d.GetProperty("compatible").GetBoolean()).ToList();
        Assert.NotEmpty(breaking);
        Assert.All(breaking, d => Assert.Equal(1, d.GetProperty("againstVersion").GetInt32()));
    }

    [Fact]
    public async Task Level_and_policy_names_ignore_case()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        (await _folder.Evc("compat", candidate, "--against", previous, "--level", "backward-transitive", "--policy", "lenient")).ShouldExitWith(0);
    }

    [Fact]
    public async Task Text_output_shows_a_table_and_verdict_without_colour_when_redirected()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithNameMaxLength);

        var result = (await _folder.Evc("compat", candidate, "--against", previous)).ShouldExitWith(1);

        Assert.Contains("MAX_LENGTH_ADDED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Incompatible", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task Json_output_is_the_same_bytes_on_every_run()
    {
        var previous = _folder.Write("v1.json", Schemas.OpenWithName);
        var candidate = _folder.Write("v2.json", Schemas.OpenWithNameAndOptionalNote);

        var first = await _folder.Evc("compat", candidate, "--against", previous, "--output", "json");
        var second = await _folder.Evc("compat", candidate, "--against", previous, "--output", "json");

        Assert.Equal(first.Stdout, second.Stdout);
        Assert.DoesNotContain('\r', first.Stdout);
        Assert.EndsWith("}\n", first.Stdout, StringComparison.Ordinal);
    }

    // --- bad input (exit 3); these need no engine ---

    [Fact]
    public async Task Missing_candidate_file_exits_3_and_names_it()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", "no-such-candidate.json", "--against", previous)).ShouldExitWith(3);

        Assert.Contains("no-such-candidate.json", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Missing_against_file_exits_3_and_names_it()
    {
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", "no-such-previous.json")).ShouldExitWith(3);

        Assert.Contains("no-such-previous.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_instead_of_a_file_exits_3()
    {
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", _folder.Root)).ShouldExitWith(3);

        Assert.Contains("directory", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_against_exits_3()
    {
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate)).ShouldExitWith(3);

        Assert.Contains("--against", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_exits_3_and_names_file_and_line()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("broken.json", "{\n  \"type\": \"object\",\n  \"properties\": {,\n}\n");

        var result = (await _folder.Evc("compat", candidate, "--against", previous)).ShouldExitWith(3);

        Assert.Contains($"{candidate}:3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_json_document_that_is_not_a_schema_exits_3(string text)
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("not-a-schema.json", text);

        var result = (await _folder.Evc("compat", candidate, "--against", previous)).ShouldExitWith(3);

        Assert.Contains("not-a-schema.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_exits_3()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("empty.json", string.Empty);

        var result = (await _folder.Evc("compat", candidate, "--against", previous)).ShouldExitWith(3);

        Assert.Contains("empty.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_level_exits_3_and_lists_the_valid_levels()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--level", "SIDEWAYS")).ShouldExitWith(3);

        Assert.Contains("SIDEWAYS", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("BACKWARD_TRANSITIVE", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("FULL_TRANSITIVE", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("NONE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_policy_exits_3_and_lists_the_valid_policies()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--policy", "RELAXED")).ShouldExitWith(3);

        Assert.Contains("STRICT", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("LENIENT", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_output_format_exits_3_and_lists_the_valid_formats()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);
        var candidate = _folder.Write("v2.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", candidate, "--against", previous, "--output", "yaml")).ShouldExitWith(3);

        Assert.Contains("text, json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_names_in_errors_are_printed_literally_not_as_markup()
    {
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", "[red]gone[/].json", "--against", previous)).ShouldExitWith(3);

        Assert.Contains("[red]gone[/].json", result.Stderr, StringComparison.Ordinal);
    }
}
