using System.Text.Json.Nodes;
using EventContracts.Compatibility;
using EventContracts.Linting;
using EventContracts.Schemas;
using Xunit;

namespace EventContracts.Tests.Contracts;

/// <summary>
/// The project's own contracts under <c>contracts/order/</c> (copied beside the tests by the csproj) are
/// schemas the engine accepts, are filed the way DESIGN §4 says, and evolve compatibly.
/// </summary>
public sealed class OrderContractsTests
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

        Assert.True(ContractFileName.TryParse(contract, out var file, out var problem), $"{contract}: {problem}");
        Assert.True(EventTypeName.TryParse(file!.EventType, out var eventType, out problem), $"{contract}: {problem}");
        Assert.Equal(folder, eventType.Domain);

        // The $id is only an identifier, but it must name the same file, or two files would claim one identity.
        Assert.Equal(IdBase + contract, Load(contract).Root.GetProperty("$id").GetString());
    }

    [Fact]
    public void Versions_of_each_event_type_count_up_from_one_without_gaps()
    {
        var versionsByType = OrderContractPaths()
            .Select(contract => ContractFileName.TryParse(contract, out var file, out _) ? file : null)
            .OfType<ContractFileName>()
            .GroupBy(file => file.EventType, StringComparer.Ordinal);

        Assert.All(versionsByType, versions =>
            Assert.Equal(Enumerable.Range(1, versions.Count()), versions.Select(file => file.Version).Order()));
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

    [Theory]
    [MemberData(nameof(OrderContracts))]
    public void Contract_is_lint_clean(string contract)
    {
        Assert.True(ContractFileName.TryParse(contract, out var file, out _));

        var findings = ContractLinter.Lint(Load(contract), file!.EventType);

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Select(f => $"{f.File}:{f.Position?.Line}:{f.Position?.Column} {f.RuleId} {f.Message}")));
    }
}
