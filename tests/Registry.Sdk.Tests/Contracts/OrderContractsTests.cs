using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EventContracts.Compatibility;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Contracts;

/// <summary>
/// The project's own contracts under <c>contracts/order/</c> (copied beside the tests by the csproj) are
/// schemas the engine accepts, are filed the way DESIGN §4 says, and evolve compatibly.
/// </summary>
public sealed partial class OrderContractsTests
{
    private const string IdBase = "https://contracts.eventcontracts.dev/";

    private static readonly string ContractsDirectory = Path.Combine(AppContext.BaseDirectory, "contracts");

    public static TheoryData<string> OrderContracts() => new(OrderContractPaths());

    [Fact]
    public void Order_domain_holds_every_order_event_contract()
    {
        Assert.Subset(
            new HashSet<string>(OrderContractPaths(), StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal)
            {
                "order/order.created.v1.json",
                "order/order.created.v2.json",
                "order/order.paid.v1.json",
                "order/order.shipped.v1.json",
                "order/order.delayed.v1.json",
            });
    }

    [Theory]
    [MemberData(nameof(OrderContracts))]
    public void Contract_parses_as_a_draft_2020_12_schema(string contract)
    {
        var schema = Load(contract);

        Assert.Equal(JsonSchemaDraft.Draft202012, schema.Draft);
        Assert.Equal(contract, schema.SourcePath);
    }

    [Theory]
    [MemberData(nameof(OrderContracts))]
    public void Contract_file_is_named_after_its_event_type_and_version(string contract)
    {
        var folder = Path.GetDirectoryName(contract);
        var match = ContractFileName().Match(Path.GetFileName(contract));

        Assert.True(match.Success, $"{contract} is not named <event-type>.v<N>.json with a lower-case dotted event type (DESIGN §4).");
        var eventType = match.Groups["type"].Value;
        Assert.Equal(folder, eventType[..eventType.IndexOf('.', StringComparison.Ordinal)]);

        // The $id is only an identifier, but it must name the same file, or two files would claim one identity.
        Assert.Equal(IdBase + contract, Load(contract).Root.GetProperty("$id").GetString());
    }

    [Fact]
    public void Versions_of_each_event_type_count_up_from_one_without_gaps()
    {
        var versionsByType = OrderContractPaths()
            .Select(contract => ContractFileName().Match(Path.GetFileName(contract)))
            .Where(match => match.Success)
            .GroupBy(match => match.Groups["type"].Value, StringComparer.Ordinal);

        Assert.All(versionsByType, versions =>
        {
            var numbers = versions.Select(match => int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(1, versions.Count()), numbers);
        });
    }

    [Theory]
    [InlineData(CompatibilityLevel.Backward)]
    [InlineData(CompatibilityLevel.BackwardTransitive)]
    public void Order_created_v2_reads_everything_v1_wrote(CompatibilityLevel level)
    {
        var v1 = Load("order/order.created.v1.json");
        var v2 = Load("order/order.created.v2.json");

        var result = CompatibilityChecker.Check(v2, [v1], level, CompatibilityPolicy.Strict);

        Assert.True(result.IsCompatible, Describe(result));
        Assert.All(result.Differences, difference => Assert.True(difference.IsCompatible, difference.Message));
        Assert.Contains(result.Differences, d => d is { Type: DifferenceType.OptionalPropertyAddedToUnopenContentModel, Path: "#/properties/channel" });
        Assert.Contains(result.Differences, d => d is { Type: DifferenceType.OptionalPropertyAddedToUnopenContentModel, Path: "#/properties/customerNote" });
    }

    [Theory]
    [InlineData(CompatibilityLevel.Backward)]
    [InlineData(CompatibilityLevel.BackwardTransitive)]
    public void Order_created_v2_with_a_new_required_property_is_refused(CompatibilityLevel level)
    {
        var v1 = Load("order/order.created.v1.json");
        var broken = JsonNode.Parse(File.ReadAllText(Path.Combine(ContractsDirectory, "order", "order.created.v2.json")))!.AsObject();
        broken["properties"]!["loyaltyTier"] = new JsonObject
        {
            ["description"] = "The customer's loyalty tier when the order was placed.",
            ["type"] = "string",
        };
        broken["required"]!.AsArray().Add("loyaltyTier");
        var candidate = ContractSchema.Parse(broken.ToJsonString(), new SchemaParseOptions { SourcePath = "order/order.created.v2.json (with loyaltyTier required)" });

        var result = CompatibilityChecker.Check(candidate, [v1], level, CompatibilityPolicy.Strict);

        // v1 data never carries loyaltyTier, so a reader that requires it rejects every old event.
        Assert.False(result.IsCompatible);
        Assert.Contains(result.Differences, d => d is { Type: DifferenceType.RequiredPropertyAddedToUnopenContentModel, IsCompatible: false, AgainstVersion: 1 });
    }

    /// <summary>Paths relative to the copied <c>contracts/</c> folder, with <c>/</c> separators: <c>order/order.paid.v1.json</c>.</summary>
    private static IEnumerable<string> OrderContractPaths() =>
        Directory.EnumerateFiles(Path.Combine(ContractsDirectory, "order"), "*.json")
            .Select(path => Path.GetRelativePath(ContractsDirectory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static ContractSchema Load(string contract) =>
        ContractSchema.Parse(File.ReadAllText(Path.Combine(ContractsDirectory, contract)), new SchemaParseOptions { SourcePath = contract });

    private static string Describe(CompatibilityResult result) =>
        string.Join(Environment.NewLine, result.Differences.Where(d => !d.IsCompatible).Select(d => $"{d.Type.ToWireName()} at {d.Path} (v{d.AgainstVersion}): {d.Message}"));

    // DESIGN §4: <event-type>.v<N>.json, the event type being lower-case dotted segments.
    [GeneratedRegex(@"^(?<type>[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)+)\.v(?<version>[1-9][0-9]*)\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ContractFileName();
}
