using System.Net;
using System.Net.Sockets;
using Xunit;

namespace EventContracts.Cli.Tests;

/// <summary>Inputs meant to hang, crash or trick evc: each ends quickly with a clear answer.</summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(20);

    private readonly ContractFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("compat")]
    [InlineData("lint")]
    [InlineData("diff")]
    public async Task A_10000_level_nested_document_exits_3_quickly_without_a_stack_overflow(string command)
    {
        var deep = _folder.Write("order.created.v1.json", Schemas.NestedArrays(10_000));
        var fine = _folder.Write("v0.json", Schemas.ClosedWithName);
        string[] args = command switch
        {
            "compat" => ["compat", deep, "--against", fine],
            "diff" => ["diff", fine, deep],
            _ => ["lint", deep],
        };

        var result = (await _folder.Evc(args)).ShouldExitWith(3);

        Assert.Contains(deep, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("deeper", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.True(result.Elapsed < Quick, $"Took {result.Elapsed}.");
    }

    [Fact]
    public async Task A_10000_level_nested_object_document_exits_3()
    {
        var text = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var deep = _folder.Write("deep.json", text);

        var result = (await _folder.Evc("diff", deep, deep)).ShouldExitWith(3);

        Assert.Contains("deep.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_referencing_ref_terminates_in_compat()
    {
        var self = _folder.Write("self.json", """{"$ref":"#"}""");

        // Either the engine follows the cycle with memoization (identical schemas: compatible) or refuses the schema.
        var result = (await _folder.Evc("compat", self, "--against", self)).ShouldExitWithOneOf(0, 3);

        Assert.True(result.Elapsed < Quick, $"Took {result.Elapsed}.");
    }

    [Fact]
    public async Task A_self_referencing_ref_terminates_in_diff()
    {
        var self = _folder.Write("self.json", """{"$ref":"#"}""");
        var closed = _folder.Write("closed.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("diff", self, closed)).ShouldExitWithOneOf(0, 3);

        Assert.True(result.Elapsed < Quick, $"Took {result.Elapsed}.");
    }

    [Fact]
    public async Task A_self_referencing_ref_terminates_in_lint()
    {
        var self = _folder.Write("order.created.v1.json", """{"$ref":"#"}""");

        // The root is not `type: object` (EC002), so lint fails with findings or refuses the schema.
        var result = (await _folder.Evc("lint", self)).ShouldExitWithOneOf(1, 3);

        Assert.True(result.Elapsed < Quick, $"Took {result.Elapsed}.");
    }

    [Fact]
    public async Task An_http_ref_is_refused_by_compat_and_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var remote = _folder.Write("remote.json", RefSchema($"http://127.0.0.1:{port}/address.json"));
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", remote, "--against", previous)).ShouldExitWith(3);

        Assert.False(listener.Pending(), "evc connected to the URL in $ref.");
        Assert.Contains("remote.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_ref_is_refused_by_compat_and_never_read()
    {
        var remote = _folder.Write("remote.json", RefSchema("file:///etc/passwd"));
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", remote, "--against", previous)).ShouldExitWith(3);

        Assert.Contains("remote.json", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_ref_is_refused_by_diff()
    {
        var remote = _folder.Write("remote.json", RefSchema("http://example.invalid/address.json"));
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        (await _folder.Evc("diff", previous, remote)).ShouldExitWith(3);
    }

    [Fact]
    public async Task A_file_larger_than_the_schema_limit_exits_3_without_reading_it_all()
    {
        var big = _folder.Write("big.json", "{\"description\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", big, "--against", previous)).ShouldExitWith(3);

        Assert.Contains("big.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("limit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_key_exits_3_with_its_line()
    {
        var duplicate = _folder.Write("dup.json", "{\n  \"type\": \"object\",\n  \"type\": \"string\"\n}\n");
        var previous = _folder.Write("v1.json", Schemas.ClosedWithName);

        var result = (await _folder.Evc("compat", duplicate, "--against", previous)).ShouldExitWith(3);

        Assert.Contains($"{duplicate}:3:", result.Stderr, StringComparison.Ordinal);
    }

    private static string RefSchema(string target) => $$"""
        {
          "type": "object",
          "properties": {
            "address": { "$ref": "{{target}}" }
          },
          "additionalProperties": false
        }
        """;
}
