using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace EventContracts.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string PascalCaseProperty = """
        {
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "properties": {
            "OrderId": { "type": "string" }
          },
          "additionalProperties": false
        }
        """;

    private const string WithoutAdditionalProperties = """
        {
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "properties": {
            "orderId": { "type": "string" }
          }
        }
        """;

    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // --- rule verdicts (need the lint engine) ---

    [Fact]
    public async Task A_clean_contract_has_no_findings_exit_0()
    {
        _folder.Write("contracts/order/order.created.v1.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", "contracts", "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task A_pascal_case_property_is_an_EC003_error_with_line_and_column_exit_1()
    {
        var path = _folder.Write("order.created.v1.json", PascalCaseProperty);

        var result = (await _folder.Evc("lint", path, "--output", "json")).ShouldExitWith(1);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["files", "errors", "warnings", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("errors").GetInt32() >= 1);
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "EC003");
        Assert.Equal(["file", "line", "column", "ruleId", "severity", "pointer", "message"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(path, finding.GetProperty("file").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("OrderId", finding.GetProperty("pointer").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, finding.GetProperty("line").GetInt32());
        Assert.True(finding.GetProperty("column").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_missing_additionalProperties_is_a_warning_exit_0_unless_raised_to_error()
    {
        var path = _folder.Write("order.created.v1.json", WithoutAdditionalProperties);

        var warned = (await _folder.Evc("lint", path, "--output", "json")).ShouldExitWith(0);
        var raised = (await _folder.Evc("lint", path, "--output", "json", "--rule", "EC007=error")).ShouldExitWith(1);
        var silenced = (await _folder.Evc("lint", path, "--output", "json", "--rule", "ec007=off")).ShouldExitWith(0);

        Assert.Contains(Findings(warned), f => f.RuleId == "EC007" && f.Severity == "warning");
        Assert.Contains(Findings(raised), f => f.RuleId == "EC007" && f.Severity == "error");
        Assert.DoesNotContain(Findings(silenced), f => f.RuleId == "EC007");
    }

    [Fact]
    public async Task Github_output_prints_one_annotation_per_finding_with_file_line_and_column()
    {
        _folder.Write("order.created.v1.json", PascalCaseProperty);

        // A relative path, as a workflow passes it, so the annotation's file matches the repository path.
        var result = (await _folder.Evc("lint", "order.created.v1.json", "--output", "github")).ShouldExitWith(1);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^::(error|warning) file=[^,:]+(,line=\d+,col=\d+)?,title=EC\d{3}::.+$", line));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^::error file=order\.created\.v1\.json,line=6,col=\d+,title=EC003::"));
    }

    [Fact]
    public async Task Text_output_groups_findings_by_file_as_file_line_column_severity_rule_message()
    {
        var path = _folder.Write("order.created.v1.json", PascalCaseProperty);

        var result = (await _folder.Evc("lint", path)).ShouldExitWith(1);

        Assert.Matches($@"(?m)^\s*{Regex.Escape(path)}:6:\d+ error EC003 \S", result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task A_remote_http_ref_is_never_fetched()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var path = _folder.Write("order.created.v1.json", RefTo($"http://127.0.0.1:{port}/address.json"));

        var result = await _folder.Evc("lint", path, "--output", "json");

        Assert.False(listener.Pending(), "evc connected to the URL in $ref.");
        RemoteRefIsRefused(result);
    }

    [Fact]
    public async Task A_file_ref_is_never_read()
    {
        var path = _folder.Write("order.created.v1.json", RefTo("file:///etc/passwd"));

        var result = await _folder.Evc("lint", path, "--output", "json");

        RemoteRefIsRefused(result);
        Assert.DoesNotContain("root:", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    // --- file handling (the CLI's own work) ---

    [Fact]
    public async Task A_bad_file_name_is_an_EC001_error_on_that_file()
    {
        var path = _folder.Write("OrderCreated.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", path, "--output", "json")).ShouldExitWith(1);

        Assert.Contains(Findings(result), f => f.RuleId == "EC001" && f.Severity == "error" && f.File == path);
    }

    [Fact]
    public async Task A_bad_file_name_annotation_in_github_format()
    {
        _folder.Write("OrderCreated.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", "OrderCreated.json", "--output", "github")).ShouldExitWith(1);

        Assert.Contains(
            result.Stdout.Split('\n'),
            line => line.StartsWith("::error file=OrderCreated.json,title=EC001::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Github_annotation_properties_escape_colon_and_comma_and_data_escapes_percent_and_newlines()
    {
        _folder.Write("a,b:c/Bad%Name.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", "a,b:c", "--output", "github")).ShouldExitWith(1);

        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("title=EC001", StringComparison.Ordinal));
        Assert.StartsWith("::error file=a%2Cb%3Ac/Bad%25Name.json,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_are_walked_recursively_for_json_files_only()
    {
        _folder.Write("contracts/order/order.created.v1.json", Schemas.CleanOrderCreated);
        _folder.Write("contracts/order/deep/order.paid.v1.json", Schemas.CleanOrderCreated);
        _folder.Write("contracts/order/README.md", "# not a contract");

        var result = (await _folder.Evc("lint", "contracts", "--output", "json")).ShouldExitWith(0);

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task Json_output_is_the_same_bytes_on_every_run()
    {
        _folder.Write("contracts/b/Bad.json", Schemas.CleanOrderCreated);
        _folder.Write("contracts/a/AlsoBad.json", Schemas.CleanOrderCreated);

        var first = (await _folder.Evc("lint", "contracts", "--output", "json")).ShouldExitWith(1);
        var second = (await _folder.Evc("lint", "contracts", "--output", "json")).ShouldExitWith(1);

        Assert.Equal(first.Stdout, second.Stdout);
        Assert.True(
            first.Stdout.IndexOf("AlsoBad.json", StringComparison.Ordinal) < first.Stdout.IndexOf("contracts/b/Bad.json", StringComparison.Ordinal),
            "Files are reported in a stable (ordinal) order.");
    }

    [Fact]
    public async Task Paths_in_text_output_are_printed_literally_not_as_markup()
    {
        _folder.Write("[bold]x[/]/Bad.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", "[bold]x[/]")).ShouldExitWith(1);

        Assert.Contains("[bold]x[/]/Bad.json", result.Stdout, StringComparison.Ordinal);
    }

    // --- bad input (exit 3) ---

    [Fact]
    public async Task A_path_that_does_not_exist_exits_3()
    {
        var result = (await _folder.Evc("lint", "no-such-folder")).ShouldExitWith(3);

        Assert.Contains("no-such-folder", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_exits_3_and_names_file_line_and_column()
    {
        var path = _folder.Write("order.created.v1.json", "{\n  \"type\": \"object\",\n  \"title\": tru\n}\n");

        var result = (await _folder.Evc("lint", path)).ShouldExitWith(3);

        Assert.Matches($@"{Regex.Escape(path)}:3:\d+", result.Stderr);
    }

    [Fact]
    public async Task Invalid_json_in_github_output_is_annotated_with_its_position()
    {
        _folder.Write("order.created.v1.json", "{\n  \"type\": \"object\",\n  \"title\": tru\n}\n");

        var result = (await _folder.Evc("lint", "order.created.v1.json", "--output", "github")).ShouldExitWith(3);

        Assert.Matches(@"(?m)^::error file=order\.created\.v1\.json,line=3,col=\d+,title=evc::", result.Stdout);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"x\"")]
    public async Task A_non_schema_exits_3(string text)
    {
        var path = _folder.Write("order.created.v1.json", text);

        var result = (await _folder.Evc("lint", path)).ShouldExitWith(3);

        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_rule_id_exits_3_and_lists_the_known_rules()
    {
        var path = _folder.Write("order.created.v1.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", path, "--rule", "EC999=error")).ShouldExitWith(3);

        Assert.Contains("EC999", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("EC001", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EC007=fatal")]
    [InlineData("EC007")]
    [InlineData("=error")]
    public async Task A_malformed_rule_override_exits_3(string rule)
    {
        var path = _folder.Write("order.created.v1.json", Schemas.CleanOrderCreated);

        (await _folder.Evc("lint", path, "--rule", rule)).ShouldExitWith(3);
    }

    [Fact]
    public async Task Unknown_output_format_exits_3()
    {
        var path = _folder.Write("order.created.v1.json", Schemas.CleanOrderCreated);

        var result = (await _folder.Evc("lint", path, "--output", "sarif")).ShouldExitWith(3);

        Assert.Contains("text, json, github", result.Stderr, StringComparison.Ordinal);
    }

    private static string RefTo(string target) => $$"""
        {
          "title": "Order created",
          "description": "An order was placed.",
          "type": "object",
          "properties": {
            "address": { "$ref": "{{target}}" }
          },
          "additionalProperties": false
        }
        """;

    // Refused either while reading (exit 3) or as an EC005 error finding (exit 1); never accepted.
    private static void RemoteRefIsRefused(EvcResult result)
    {
        // The parser refuses the $ref; lint reports that refusal as the EC005 error, not as unreadable input.
        result.ShouldExitWith(1);
        Assert.Contains(Findings(result), f => f.RuleId == "EC005" && f.Severity == "error");
    }

    private static List<Finding> Findings(EvcResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new Finding(f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("file").GetString()))
            .ToList();
    }

    private sealed record Finding(string RuleId, string Severity, string? File);
}
